import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { DesignerBridge } from '../../renderer/bridge';

const electron = vi.hoisted(() => {
  const listeners = new Map<string, (event: unknown, ...args: unknown[]) => void>();
  return {
    listeners,
    exposed: {} as Record<string, unknown>,
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: {
      invoke: vi.fn(async () => ({ ok: true, value: null })),
      send: vi.fn(),
      on: vi.fn((channel: string, fn: (event: unknown, ...args: unknown[]) => void) => listeners.set(channel, fn)),
      removeListener: vi.fn((channel: string) => listeners.delete(channel)),
    },
  };
});

vi.mock('electron', () => electron);

let bridge: DesignerBridge;
beforeAll(async () => {
  await import('../../electron/preload');
  const [name, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [string, DesignerBridge];
  expect(name).toBe('serverlessDesigner');
  bridge = api;
});

describe('preload bridge', () => {
  it('exposes one frozen method per operation and nothing raw', () => {
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.keys(bridge).sort()).toEqual(['copyImage', 'exportCdk', 'exportSam', 'listDrafts', 'onDiskChanged', 'onMenuCommand', 'onOpenRequested', 'openDesign', 'openExternal', 'openRecent', 'openTemplate', 'platform', 'putDraft', 'recentFiles', 'removeDraft', 'saveDesign', 'saveDesignAs', 'saveExportFile', 'setTheme', 'setTitle', 'takeStartupFile']);
    expect(Object.values(bridge)).not.toContain(electron.ipcRenderer);
  });

  it('sends each operation on its own sd: channel', async () => {
    await bridge.openDesign();
    await bridge.saveDesign({ text: '{}', suggestedName: 'a.json', handle: 'h' });
    await bridge.saveDesignAs({ text: '{}', suggestedName: 'a.json' });
    await bridge.takeStartupFile();
    bridge.setTitle({ title: 't', edited: true });
    bridge.openExternal?.({ url: 'https://aws.amazon.com/' });
    bridge.setTheme?.({ theme: 'dark' });
    await bridge.openTemplate();
    await bridge.exportSam({ files: [{ path: 'template.yaml', content: 'x' }], suggestedName: 'template.yaml' });
    await bridge.exportCdk({ files: [{ path: 'bin/app.ts', content: 'x' }], suggestedName: 'orders-cdk' });
    await bridge.saveExportFile?.({ kind: 'svg', suggestedName: 'orders.svg', text: '<svg/>' });
    await bridge.copyImage?.({ png: new Uint8Array([0x89]) });
    const channels = [...electron.ipcRenderer.invoke.mock.calls, ...electron.ipcRenderer.send.mock.calls].map((c) => (c as unknown[])[0]);
    expect(channels).toEqual(['sd:open-design', 'sd:save-design', 'sd:save-design-as', 'sd:take-startup-file', 'sd:open-template', 'sd:export-sam', 'sd:export-cdk', 'sd:save-export-file', 'sd:copy-image', 'sd:set-title', 'sd:open-external', 'sd:set-theme']);
  });

  it('passes only known menu commands, without the IPC event, and unsubscribes', () => {
    const received: unknown[][] = [];
    const off = bridge.onMenuCommand((...args) => received.push(args));
    const listener = electron.listeners.get('sd:menu-command');
    listener?.({ sender: 'secret' }, 'undo');
    listener?.({ sender: 'secret' }, 'rm -rf');
    listener?.({ sender: 'secret' }, 'exportCdk');
    expect(received).toEqual([['undo'], ['exportCdk']]);
    off();
    expect(electron.listeners.has('sd:menu-command')).toBe(false);
  });
});
