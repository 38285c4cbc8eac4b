import type { NativeTheme } from 'electron';

/** The window's background while the page is not drawn yet (or is resized faster than it
 *  paints): renderer/styles.css's --sd-bg in the light and the dark theme. */
export const WINDOW_BACKGROUND = { light: '#f4f6f9', dark: '#0f141a' } as const;

/** The in-app theme choice for what Electron draws natively: menus, dialogs, scrollbars and the
 *  `prefers-color-scheme` the page sees follow `nativeTheme.themeSource`
 *  (https://www.electronjs.org/docs/latest/api/native-theme#nativethemethemesource); the window
 *  background is set to match the theme now in effect ("system": the OS's). */
export function applyNativeTheme(
  nativeTheme: Pick<NativeTheme, 'themeSource' | 'shouldUseDarkColors'>,
  window: { setBackgroundColor(color: string): void; isDestroyed?(): boolean } | undefined,
  theme: 'system' | 'light' | 'dark',
): void {
  nativeTheme.themeSource = theme;
  if (window && !window.isDestroyed?.()) window.setBackgroundColor(nativeTheme.shouldUseDarkColors ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light);
}
