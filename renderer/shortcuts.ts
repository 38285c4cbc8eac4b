/** Every keyboard shortcut of the editor, in ONE table (`SHORTCUTS`): `shortcutFor` matches key
 *  presses against it and the "?" sheet (panels/ShortcutSheet.tsx) lists it, so the sheet cannot go
 *  stale. To add a shortcut: add the action's name to `ShortcutAction`, a row to `SHORTCUTS` (keys,
 *  group, description) and a `case` in App's `runAction`. Electron menus map to the same names. */
export type ShortcutAction =
  | 'undo' | 'redo' | 'delete' | 'save' | 'saveAs' | 'open' | 'new' | 'importTemplate' | 'exportSam' | 'exportCdk'
  | 'toggleCostBadges' | 'duplicateAlternative' | 'toggleTheme' | 'autoLayout'
  | 'copy' | 'cut' | 'paste' | 'duplicate' | 'selectAll' | 'clearSelection'
  | 'nudgeLeft' | 'nudgeRight' | 'nudgeUp' | 'nudgeDown'
  | 'toggleSnap' | 'zoomToFit' | 'zoomToSelection' | 'focusPaletteSearch' | 'showShortcuts'
  | 'placeInSubnets' | 'addNote' | 'searchFindings' | 'selectRelated'
  | 'growWidth' | 'shrinkWidth' | 'growHeight' | 'shrinkHeight'
  | 'exportImage' | 'copyImage' | 'exportReport' | 'printReport';

export interface KeyLike {
  key: string;
  /** KeyboardEvent.code: the physical key (Shift+1 types "!" on a US layout, other things elsewhere). */
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export interface KeySpec {
  /** KeyboardEvent.key values (letters lower-case); any of them matches. */
  keys: readonly string[];
  /** KeyboardEvent.code values that match too (layout-independent digits). */
  codes?: readonly string[];
  /** Ctrl on Windows/Linux/browser, Cmd on macOS. */
  mod?: boolean;
  /** true: Shift held; false (default): not held; 'any': either. */
  shift?: boolean | 'any';
  /** Only with the Ctrl key itself (Ctrl+Y), and not on macOS. */
  ctrlOnly?: boolean;
  /** Alt (Option on macOS) held; without it, a press with Alt matches nothing. */
  alt?: boolean;
  /** How the key is written in the sheet ("?" rather than "Shift+/"). */
  label?: string;
}

export type ShortcutGroup = 'File' | 'Edit' | 'Selection' | 'Arrange' | 'View' | 'Help';
export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = ['File', 'Edit', 'Selection', 'Arrange', 'View', 'Help'];

export interface Shortcut {
  action: ShortcutAction;
  group: ShortcutGroup;
  description: string;
  /** The first is the one shown first; all are listed. */
  combos: readonly KeySpec[];
  /** Also fires while the cursor is in a text field (save, open …); otherwise the field keeps the key. */
  inTextField?: boolean;
  /** Only where the canvas has the keyboard (the canvas or nothing focused): arrows and Escape
   *  belong to menus, lists and charts elsewhere. */
  canvasOnly?: boolean;
}

const mod = (key: string, shift: boolean | 'any' = false): KeySpec => ({ keys: [key], mod: true, shift });
const plain = (key: string, shift: boolean | 'any' = false): KeySpec => ({ keys: [key], shift });

export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'new', group: 'File', description: 'New design (templates)', combos: [mod('n')], inTextField: true },
  { action: 'open', group: 'File', description: 'Open a design', combos: [mod('o')], inTextField: true },
  { action: 'save', group: 'File', description: 'Save', combos: [mod('s')], inTextField: true },
  { action: 'saveAs', group: 'File', description: 'Save as…', combos: [mod('s', true)], inTextField: true },
  { action: 'importTemplate', group: 'File', description: 'Import a SAM / CloudFormation template', combos: [mod('i')], inTextField: true },
  { action: 'exportSam', group: 'File', description: 'Export SAM', combos: [mod('e')], inTextField: true },
  { action: 'exportCdk', group: 'File', description: 'Export CDK', combos: [mod('e', true)], inTextField: true },
  { action: 'exportImage', group: 'File', description: 'Export an image of the diagram: SVG or PNG, the whole design or the selection', combos: [mod('g', true)], inTextField: true },
  // Alt combinations match e.key first, then the physical key (⌘⌥C types "ç" on a Mac); never in a
  // text field, where Ctrl+Alt is AltGr on many layouts and types a character.
  { action: 'copyImage', group: 'File', description: 'Copy an image of the selection (or the whole design) to the clipboard as PNG', combos: [{ keys: ['c'], codes: ['KeyC'], mod: true, alt: true }] },
  { action: 'exportReport', group: 'File', description: 'Export the design-review report (HTML or Markdown)', combos: [{ keys: ['r'], codes: ['KeyR'], mod: true, alt: true }] },
  { action: 'printReport', group: 'File', description: 'Print the design-review report', combos: [mod('p')], inTextField: true },
  { action: 'duplicateAlternative', group: 'Edit', description: 'Duplicate the design as an alternative', combos: [mod('d', true)], inTextField: true },
  { action: 'toggleTheme', group: 'View', description: 'Theme: System → Light → Dark', combos: [mod('l', true)], inTextField: true },
  { action: 'autoLayout', group: 'Arrange', description: 'Auto-layout (the selection when two or more are selected)', combos: [mod('k', true)], inTextField: true },
  { action: 'undo', group: 'Edit', description: 'Undo', combos: [mod('z')] },
  { action: 'redo', group: 'Edit', description: 'Redo', combos: [mod('z', true), { keys: ['y'], mod: true, ctrlOnly: true }] },
  { action: 'copy', group: 'Edit', description: 'Copy the selection (paste works in another design or window)', combos: [mod('c')] },
  { action: 'cut', group: 'Edit', description: 'Cut the selection', combos: [mod('x')] },
  { action: 'paste', group: 'Edit', description: 'Paste (again: a little further each time)', combos: [mod('v')] },
  { action: 'duplicate', group: 'Edit', description: 'Duplicate the selection', combos: [mod('d')] },
  { action: 'delete', group: 'Edit', description: 'Delete the selection', combos: [{ keys: ['Delete', 'Backspace'] }] },
  { action: 'selectAll', group: 'Selection', description: 'Select every resource and connection', combos: [mod('a')] },
  { action: 'clearSelection', group: 'Selection', description: 'Clear the selection', combos: [plain('Escape')], canvasOnly: true },
  { action: 'nudgeLeft', group: 'Arrange', description: 'Move the selection left one grid step (Shift: ten)', combos: [plain('ArrowLeft', 'any')], canvasOnly: true },
  { action: 'nudgeRight', group: 'Arrange', description: 'Move the selection right one grid step (Shift: ten)', combos: [plain('ArrowRight', 'any')], canvasOnly: true },
  { action: 'nudgeUp', group: 'Arrange', description: 'Move the selection up one grid step (Shift: ten)', combos: [plain('ArrowUp', 'any')], canvasOnly: true },
  { action: 'nudgeDown', group: 'Arrange', description: 'Move the selection down one grid step (Shift: ten)', combos: [plain('ArrowDown', 'any')], canvasOnly: true },
  { action: 'toggleSnap', group: 'Arrange', description: 'Snap to the 20 px grid on or off', combos: [plain('g', true)] },
  { action: 'zoomToFit', group: 'View', description: 'Zoom to fit the whole design', combos: [{ keys: ['!'], codes: ['Digit1'], shift: true, label: 'Shift+1' }] },
  { action: 'zoomToSelection', group: 'View', description: 'Zoom to the selection', combos: [{ keys: ['@', '"'], codes: ['Digit2'], shift: true, label: 'Shift+2' }] },
  { action: 'toggleCostBadges', group: 'View', description: 'Cost badges on the canvas on or off', combos: [{ keys: ['$'], shift: 'any', label: '$' }] },
  { action: 'focusPaletteSearch', group: 'Edit', description: 'Search the resources to add (Enter adds the first match)', combos: [plain('p')] },
  { action: 'placeInSubnets', group: 'Arrange', description: 'Place the selected function, database … in subnets of its VPC, or take it out (what dragging it onto a subnet does)', combos: [plain('n')], canvasOnly: true },
  { action: 'searchFindings', group: 'View', description: 'Search the findings (opens the Findings tab; Ctrl/Cmd+F does too while the analysis panel has focus)', combos: [{ keys: ['/'], shift: 'any', label: '/' }] },
  { action: 'selectRelated', group: 'Selection', description: 'Select the target of the finding picked in the Findings panel together with its related resources (the blocking security group, route table …; the other functions of grouped advice)', combos: [plain('r')] },
  { action: 'addNote', group: 'Edit', description: 'Add a sticky note in the middle of the view (double-click it to write)', combos: [plain('n', true)] },
  { action: 'growWidth', group: 'Arrange', description: 'Make the selected VPC or subnet one grid step wider (Shift: five)', combos: [{ keys: ['ArrowRight'], alt: true, shift: 'any' }], canvasOnly: true },
  { action: 'shrinkWidth', group: 'Arrange', description: 'Make the selected VPC or subnet one grid step narrower, never smaller than what it holds (Shift: five)', combos: [{ keys: ['ArrowLeft'], alt: true, shift: 'any' }], canvasOnly: true },
  { action: 'growHeight', group: 'Arrange', description: 'Make the selected VPC or subnet one grid step taller (Shift: five)', combos: [{ keys: ['ArrowDown'], alt: true, shift: 'any' }], canvasOnly: true },
  { action: 'shrinkHeight', group: 'Arrange', description: 'Make the selected VPC or subnet one grid step shorter, never smaller than what it holds (Shift: five)', combos: [{ keys: ['ArrowUp'], alt: true, shift: 'any' }], canvasOnly: true },
  { action: 'showShortcuts', group: 'Help', description: 'This list of keyboard shortcuts', combos: [{ keys: ['?'], shift: 'any', label: '?' }] },
];

const isMac = (platform: string) => platform === 'darwin';

function matches(spec: KeySpec, e: KeyLike, platform: string): boolean {
  const modDown = isMac(platform) ? e.metaKey : e.ctrlKey || e.metaKey;
  if (spec.mod ? !modDown : e.ctrlKey || e.metaKey) return false;
  if (spec.ctrlOnly && (!e.ctrlKey || isMac(platform))) return false;
  if (!!spec.alt !== e.altKey) return false;
  const shift = spec.shift ?? false;
  if (shift !== 'any' && shift !== e.shiftKey) return false;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  return spec.keys.includes(key) || (!!e.code && !!spec.codes?.includes(e.code));
}

/** The shortcut a key press means, if any. `inTextField`: the key belongs to the field except for
 *  the rows marked `inTextField`. */
export function shortcutMatch(e: KeyLike, platform: string, inTextField: boolean): Shortcut | undefined {
  return SHORTCUTS.find((s) => (!inTextField || s.inTextField) && s.combos.some((c) => matches(c, e, platform)));
}

/** Maps a key press to an action. `inTextField`: undo, redo, delete, copy … then belong to the field. */
export function shortcutFor(e: KeyLike, platform: string, inTextField: boolean): ShortcutAction | undefined {
  return shortcutMatch(e, platform, inTextField)?.action;
}

const KEY_NAMES: Record<string, string> = { ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓', Escape: 'Esc' };

/** How a combination is written on this platform: "Ctrl+Shift+S", "⌘⇧S". */
export function comboLabel(spec: KeySpec, platform: string): string {
  const mac = isMac(platform);
  const key = spec.label ?? (KEY_NAMES[spec.keys[0]] ?? (spec.keys[0].length === 1 ? spec.keys[0].toUpperCase() : spec.keys[0]));
  if (spec.label && !spec.mod) return spec.label;
  const parts = [spec.ctrlOnly ? 'Ctrl' : spec.mod ? (mac ? '⌘' : 'Ctrl') : '', spec.alt ? (mac ? '⌥' : 'Alt') : '', spec.shift === true && !spec.label ? (mac ? '⇧' : 'Shift') : '', key].filter(Boolean);
  return mac ? parts.join('') : parts.join('+');
}

/** Every way to press the action's shortcut, as written on this platform ("Delete / Backspace"). */
export function shortcutLabels(action: ShortcutAction, platform: string): string[] {
  const s = SHORTCUTS.find((x) => x.action === action);
  if (!s) return [];
  return s.combos.filter((c) => !(c.ctrlOnly && isMac(platform))).flatMap((c) => (c.keys.length > 1 && !c.label ? c.keys.map((k) => comboLabel({ ...c, keys: [k] }, platform)) : [comboLabel(c, platform)]));
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
