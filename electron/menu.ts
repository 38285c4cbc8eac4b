import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from './ipc-contract';

/** The application menu. Each command item sends the same command the toolbar and keyboard use.
 *  Delete has no accelerator on purpose: the renderer owns the key, so it keeps working in text fields. */
export function menuTemplate(send: (command: MenuCommand) => void, platform: string, developer: boolean): MenuItemConstructorOptions[] {
  const item = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label, ...(accelerator ? { accelerator } : {}), click: () => send(command),
  });
  const mac = platform === 'darwin';
  return [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        item('New…', 'new', 'CmdOrCtrl+N'),
        item('Open…', 'open', 'CmdOrCtrl+O'),
        { type: 'separator' },
        item('Save', 'save', 'CmdOrCtrl+S'),
        item('Save As…', 'saveAs', 'CmdOrCtrl+Shift+S'),
        { type: 'separator' },
        item('Import Template…', 'importTemplate', 'CmdOrCtrl+I'),
        item('Export SAM…', 'exportSam', 'CmdOrCtrl+E'),
        item('Export CDK…', 'exportCdk', 'CmdOrCtrl+Shift+E'),
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        item('Undo', 'undo', 'CmdOrCtrl+Z'),
        item('Redo', 'redo', mac ? 'Cmd+Shift+Z' : 'Ctrl+Y'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        item('Delete', 'delete'),
        { type: 'separator' },
        item('Duplicate as Alternative', 'duplicateAlternative', 'CmdOrCtrl+Shift+D'),
      ],
    },
    {
      label: 'View',
      submenu: [
        item('Cost Badges on the Canvas ($)', 'toggleCostBadges'),
        item('Theme: System / Light / Dark', 'toggleTheme', 'CmdOrCtrl+Shift+L'),
        { type: 'separator' },
        item('Auto-layout (the selection when two or more are selected)', 'autoLayout', 'CmdOrCtrl+Shift+K'),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(developer ? [{ type: 'separator' as const }, { role: 'toggleDevTools' as const }, { role: 'reload' as const }] : []),
      ],
    },
    { role: 'windowMenu' },
  ];
}
