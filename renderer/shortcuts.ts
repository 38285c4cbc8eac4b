/** Editor actions a key can trigger. Menus in Electron map to the same names. */
export type ShortcutAction = 'undo' | 'redo' | 'delete' | 'save' | 'saveAs' | 'open' | 'new' | 'importTemplate' | 'exportSam' | 'exportCdk' | 'toggleCostBadges' | 'duplicateAlternative' | 'toggleTheme' | 'autoLayout';

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** Maps a key press to an action. `inTextField`: undo, redo and delete then belong to the field. */
export function shortcutFor(e: KeyLike, platform: string, inTextField: boolean): ShortcutAction | undefined {
  const mod = platform === 'darwin' ? e.metaKey : e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (e.altKey) return undefined;
  if (mod) {
    if (key === 's') return e.shiftKey ? 'saveAs' : 'save';
    if (key === 'o' && !e.shiftKey) return 'open';
    if (key === 'n' && !e.shiftKey) return 'new';
    if (key === 'i' && !e.shiftKey) return 'importTemplate';
    if (key === 'e') return e.shiftKey ? 'exportCdk' : 'exportSam';
    if (key === 'd' && e.shiftKey) return 'duplicateAlternative';
    // Theme: System → Light → Dark (the toolbar's theme button, View → Theme).
    if (key === 'l' && e.shiftKey) return 'toggleTheme';
    // Auto-layout of the design, or of the selection when two or more nodes are selected.
    if (key === 'k' && e.shiftKey) return 'autoLayout';
    if (inTextField) return undefined;
    if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
    if (key === 'y' && !e.shiftKey && e.ctrlKey) return 'redo';
    return undefined;
  }
  if (!inTextField && !e.shiftKey && (key === 'Delete' || key === 'Backspace')) return 'delete';
  // "$" (whatever keys type it on this layout) shows or hides the canvas's cost badges.
  if (!inTextField && key === '$') return 'toggleCostBadges';
  return undefined;
}

export function isTextField(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).tagName !== 'string') return false;
  const el = target as HTMLElement;
  const tag = el.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select' || el.isContentEditable) return true;
  if (tag !== 'input') return false;
  const type = (el as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'range', 'color', 'file'].includes(type);
}
