import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

const { menuTemplate } = await import('../../electron/menu');
const { SHORTCUTS } = await import('../../renderer/shortcuts');

const flatten = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);

describe('menuTemplate', () => {
  it('maps accelerators to the same commands as the keyboard and toolbar', () => {
    const send = vi.fn();
    const items = flatten(menuTemplate(send, 'linux', false));
    const byLabel = new Map(items.filter((i) => i.label).map((i) => [i.label, i]));
    const expected: [string, string, string | undefined][] = [
      ['New…', 'new', 'CmdOrCtrl+N'], ['Open…', 'open', 'CmdOrCtrl+O'], ['Save', 'save', 'CmdOrCtrl+S'],
      ['Save As…', 'saveAs', 'CmdOrCtrl+Shift+S'], ['Undo', 'undo', 'CmdOrCtrl+Z'], ['Redo', 'redo', 'Ctrl+Y'], ['Delete', 'delete', undefined],
      ['Import Template…', 'importTemplate', 'CmdOrCtrl+I'], ['Export SAM…', 'exportSam', 'CmdOrCtrl+E'], ['Export CDK…', 'exportCdk', 'CmdOrCtrl+Shift+E'],
      ['Duplicate as Alternative', 'duplicateAlternative', 'CmdOrCtrl+Shift+D'], ['Cost Badges on the Canvas ($)', 'toggleCostBadges', undefined],
      ['Theme: System / Light / Dark', 'toggleTheme', 'CmdOrCtrl+Shift+L'],
      ['Duplicate', 'duplicate', 'CmdOrCtrl+D'], ['Select All', 'selectAll', 'CmdOrCtrl+A'], ['Align Left', 'alignLeft', undefined],
      ['Distribute Vertically', 'distributeVertical', undefined], ['Zoom to Fit (Shift+1)', 'zoomToFit', undefined], ['Keyboard Shortcuts (?)', 'showShortcuts', undefined],
      ['Place in Subnets… (N)', 'placeInSubnets', undefined], ['Search Findings… (/)', 'searchFindings', undefined],
      ['Find a Resource to Add… (P)', 'focusPaletteSearch', undefined], ['Add Sticky Note (Shift+N)', 'addNote', undefined],
      ['Export Image…', 'exportImage', 'CmdOrCtrl+Shift+G'], ['Copy Image (Ctrl+Alt+C)', 'copyImage', undefined],
      ['Export Report… (Ctrl+Alt+R)', 'exportReport', undefined], ['Print Report…', 'printReport', 'CmdOrCtrl+P'],
    ];
    for (const [label, command, accelerator] of expected) {
      const item = byLabel.get(label);
      expect(item?.accelerator).toBe(accelerator);
      (item?.click as () => void)();
      expect(send).toHaveBeenLastCalledWith(command);
    }
  });

  it('has an item for every keyboard shortcut but the canvas-only ones (arrows, Escape) and the clipboard roles', () => {
    const send = vi.fn();
    const items = flatten(menuTemplate(send, 'linux', false));
    for (const i of items) if (typeof i.click === 'function') (i.click as () => void)();
    const inMenu = new Set(send.mock.calls.map((c) => c[0] as string));
    const roles = new Set(items.map((i) => i.role).filter(Boolean));
    // Copy, cut and paste are Electron roles (they act on text in a field, on resources elsewhere).
    const byRole: Record<string, string> = { copy: 'copy', cut: 'cut', paste: 'paste' };
    // Moving or resizing by a grid step, and Escape, act where the canvas has the keyboard: a menu item would press once.
    const canvasOnly = ['clearSelection', 'nudgeLeft', 'nudgeRight', 'nudgeUp', 'nudgeDown', 'growWidth', 'shrinkWidth', 'growHeight', 'shrinkHeight'];
    const missing = SHORTCUTS.map((s) => s.action).filter((a) => !inMenu.has(a) && !(byRole[a] && roles.has(byRole[a] as never)) && !canvasOnly.includes(a));
    expect(missing).toEqual([]);
    for (const a of canvasOnly) expect(SHORTCUTS.find((s) => s.action === a)?.canvasOnly, a).toBe(true);
  });

  it('offers developer tools only in development', () => {
    expect(flatten(menuTemplate(vi.fn(), 'linux', false)).some((i) => i.role === 'toggleDevTools')).toBe(false);
    expect(flatten(menuTemplate(vi.fn(), 'linux', true)).some((i) => i.role === 'toggleDevTools')).toBe(true);
    expect(menuTemplate(vi.fn(), 'darwin', false)[0].role).toBe('appMenu');
  });
});
