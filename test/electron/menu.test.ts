import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

const { menuTemplate } = await import('../../electron/menu');

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
      ['Place in Subnets… (N)', 'placeInSubnets', undefined],
    ];
    for (const [label, command, accelerator] of expected) {
      const item = byLabel.get(label);
      expect(item?.accelerator).toBe(accelerator);
      (item?.click as () => void)();
      expect(send).toHaveBeenLastCalledWith(command);
    }
  });

  it('offers developer tools only in development', () => {
    expect(flatten(menuTemplate(vi.fn(), 'linux', false)).some((i) => i.role === 'toggleDevTools')).toBe(false);
    expect(flatten(menuTemplate(vi.fn(), 'linux', true)).some((i) => i.role === 'toggleDevTools')).toBe(true);
    expect(menuTemplate(vi.fn(), 'darwin', false)[0].role).toBe('appMenu');
  });
});
