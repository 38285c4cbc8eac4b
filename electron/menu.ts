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
        item('Export Image…', 'exportImage', 'CmdOrCtrl+Shift+G'),
        // Ctrl+Alt is AltGr on many keyboard layouts: as a menu accelerator it would take the
        // characters it types from text fields, so these two are shown in the label only.
        item(`Copy Image (${mac ? '⌘⌥C' : 'Ctrl+Alt+C'})`, 'copyImage'),
        item(`Export Report… (${mac ? '⌘⌥R' : 'Ctrl+Alt+R'})`, 'exportReport'),
        item('Print Report…', 'printReport', 'CmdOrCtrl+P'),
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
        // Roles: in a text field they act on its text; on the canvas they raise the DOM events the
        // renderer turns into copying resources (renderer/useEditing.ts).
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        item('Duplicate', 'duplicate', 'CmdOrCtrl+D'),
        item('Select All', 'selectAll', 'CmdOrCtrl+A'),
        { type: 'separator' },
        item('Delete', 'delete'),
        { type: 'separator' },
        // Single keys again: shown in the label, no accelerator.
        item('Find a Resource to Add… (P)', 'focusPaletteSearch'),
        item('Add Sticky Note (Shift+N)', 'addNote'),
        item('Select the Finding\'s Related Resources (R)', 'selectRelated'),
        { type: 'separator' },
        {
          label: 'Arrange',
          submenu: [
            item('Align Left', 'alignLeft'),
            item('Align Centre', 'alignCentre'),
            item('Align Right', 'alignRight'),
            item('Align Top', 'alignTop'),
            item('Align Middle', 'alignMiddle'),
            item('Align Bottom', 'alignBottom'),
            { type: 'separator' },
            item('Distribute Horizontally', 'distributeHorizontal'),
            item('Distribute Vertically', 'distributeVertical'),
            { type: 'separator' },
            // No accelerator for a single key (it would take N from text fields too).
            item('Place in Subnets… (N)', 'placeInSubnets'),
          ],
        },
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
        // No accelerators for single keys: a menu accelerator would take them from text fields too.
        item('Zoom to Fit (Shift+1)', 'zoomToFit'),
        item('Zoom to Selection (Shift+2)', 'zoomToSelection'),
        item('Snap to Grid (Shift+G)', 'toggleSnap'),
        { type: 'separator' },
        item('Search Findings… (/)', 'searchFindings'),
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
    { label: 'Help', submenu: [item('Keyboard Shortcuts (?)', 'showShortcuts')] },
  ];
}
