import { useCallback, useEffect, useState } from 'react';

/** The user's choice: follow the OS (prefers-color-scheme), or always light, or always dark. */
export type ThemeChoice = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];
export const THEME_KEY = 'sd-theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

export const THEME_LABELS: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** The stored choice; anything unreadable (no storage, an old or foreign value) is "system". */
export function readThemeChoice(storage: Pick<Storage, 'getItem'> | undefined = safeStorage()): ThemeChoice {
  try {
    const value = storage?.getItem(THEME_KEY);
    return value === 'light' || value === 'dark' || value === 'system' ? value : 'system';
  } catch {
    return 'system';
  }
}

export function saveThemeChoice(choice: ThemeChoice, storage: Pick<Storage, 'setItem'> | undefined = safeStorage()): void {
  try {
    storage?.setItem(THEME_KEY, choice);
  } catch {
    // Storage unavailable (private mode, quota): the choice lasts for this page only.
  }
}

/** System → Light → Dark → System: the toolbar button, the View menu item and the shortcut step through it. */
export const nextThemeChoice = (choice: ThemeChoice): ThemeChoice => THEME_CHOICES[(THEME_CHOICES.indexOf(choice) + 1) % THEME_CHOICES.length];

export function resolveTheme(choice: ThemeChoice, osPrefersDark: boolean): Theme {
  return choice === 'system' ? (osPrefersDark ? 'dark' : 'light') : choice;
}

const osPrefersDark = () => typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches;

/** Sets `data-theme` on <html>, which switches every colour variable in styles.css. */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  root.dataset.theme = theme;
}

function safeStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

// Before the first render, so the app never flashes light on a dark desktop.
if (typeof document !== 'undefined') applyTheme(resolveTheme(readThemeChoice(), osPrefersDark()));

/** The choice (kept in localStorage), the theme in effect, and a cycle through the three choices.
 *  With "system" the theme follows the OS live, as it changes. */
export function useTheme(): { choice: ThemeChoice; theme: Theme; cycle(): void; setChoice(choice: ThemeChoice): void } {
  const [choice, setChoiceState] = useState<ThemeChoice>(() => readThemeChoice());
  const [dark, setDark] = useState(osPrefersDark);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const query = window.matchMedia(DARK_QUERY);
    const onChange = () => setDark(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  const theme = resolveTheme(choice, dark);
  useEffect(() => applyTheme(theme), [theme]);
  const setChoice = useCallback((next: ThemeChoice) => {
    saveThemeChoice(next);
    setChoiceState(next);
  }, []);
  const cycle = useCallback(() => setChoiceState((current) => {
    const next = nextThemeChoice(current);
    saveThemeChoice(next);
    return next;
  }), []);
  return { choice, theme, cycle, setChoice };
}
