// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBrowserHost } from '../../renderer/host-browser';
import { createElectronHost } from '../../renderer/host-electron';
import type { DesignerBridge } from '../../renderer/bridge';

afterEach(() => vi.restoreAllMocks());

describe('browser host', () => {
  it('saves by downloading the text under the suggested name where the browser has no save picker, and says it was a download', async () => {
    const clicked: { download: string; href: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.href });
    });
    URL.createObjectURL = vi.fn(() => 'blob:design');
    const host = createBrowserHost();
    expect(await host.saveDesign('{}', 'orders.design.json')).toEqual({ name: 'orders.design.json', handle: 'orders.design.json', downloaded: true });
    expect(clicked).toEqual([{ download: 'orders.design.json', href: 'blob:design' }]);
    expect(document.querySelectorAll('a').length).toBe(0);
  });

  it('opens the file picked in a file input, and null when cancelled', async () => {
    vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
      Object.defineProperty(this, 'files', { value: [new File(['{"a":1}'], 'a.design.json')] });
      this.dispatchEvent(new Event('change'));
    });
    const host = createBrowserHost();
    expect(await host.openDesign()).toEqual({ name: 'a.design.json', text: '{"a":1}' });
    vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
      this.dispatchEvent(new Event('cancel'));
    });
    expect(await host.openDesign()).toBeNull();
    expect(document.querySelectorAll('input').length).toBe(0);
  });

  it('remembers the names of designs opened and saved in this browser, newest first, and asks for the file to open one again', async () => {
    localStorage.clear();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    URL.createObjectURL = vi.fn(() => 'blob:design');
    let pick = 'a.design.json';
    const picker = vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
      Object.defineProperty(this, 'files', { value: [new File(['{}'], pick)] });
      this.dispatchEvent(new Event('change'));
    });
    const host = createBrowserHost();
    expect(host.reopensRecent).toBe(false);
    expect(await host.recentFiles()).toEqual([]);
    await host.openDesign();
    await host.saveDesign('{}', 'b.design.json');
    await host.saveDesignAs('{}', 'a.design.json');
    expect((await host.recentFiles()).map((r) => r.name)).toEqual(['a.design.json', 'b.design.json']);
    pick = 'b.design.json';
    expect(await host.openRecent('b.design.json')).toEqual({ name: 'b.design.json', text: '{}' });
    expect(picker).toHaveBeenCalledTimes(2); // a browser cannot reopen by path: it asked again
    expect((await host.recentFiles()).map((r) => r.name)).toEqual(['b.design.json', 'a.design.json']);
    localStorage.setItem('sd-recent-files', '{not json');
    expect(await host.recentFiles()).toEqual([]);
  });

  it('sets the document title', () => {
    createBrowserHost().setTitle('● x — Serverless Designer', true);
    expect(document.title).toBe('● x — Serverless Designer');
  });
});

describe('electron host', () => {
  it('turns IPC results into values and errors', async () => {
    const bridge: DesignerBridge = {
      platform: 'linux',
      openDesign: async () => ({ ok: true, value: { name: 'a.json', text: '{}', handle: 'h' } }),
      saveDesign: async () => ({ ok: false, message: 'disk full' }),
      saveDesignAs: async (r) => ({ ok: true, value: { name: r.suggestedName, handle: 'h2' } }),
      setTitle: vi.fn(),
      takeStartupFile: async () => ({ ok: true, value: null }),
      openTemplate: async () => ({ ok: true, value: null }),
      exportSam: async () => ({ ok: true, value: null }),
      exportCdk: async () => ({ ok: true, value: null }),
      recentFiles: async () => ({ ok: true, value: [{ name: 'orders.design.json', handle: 'r-1234567890', detail: '/home/me/designs' }] }),
      openRecent: async () => ({ ok: false, message: 'orders.design.json is no longer in /home/me/designs; it was taken off Recent files.' }),
      onMenuCommand: () => () => undefined,
    };
    const host = createElectronHost(bridge);
    expect(await host.openDesign()).toEqual({ name: 'a.json', text: '{}', handle: 'h' });
    await expect(host.saveDesign('{}', 'a.json', 'h')).rejects.toThrow('disk full');
    expect(await host.saveDesignAs('{}', 'b.json')).toEqual({ name: 'b.json', handle: 'h2' });
    host.setTitle('t', true);
    expect(bridge.setTitle).toHaveBeenCalledWith({ title: 't', edited: true });
    // A preload without openExternal leaves links to the window-open handler.
    expect(host.openExternal).toBeUndefined();
    expect(host.reopensRecent).toBe(true);
    expect(await host.recentFiles()).toEqual([{ name: 'orders.design.json', handle: 'r-1234567890', detail: '/home/me/designs' }]);
    await expect(host.openRecent('r-1234567890')).rejects.toThrow('no longer in /home/me/designs');
  });

  it('sends template opening and exports through their own bridge methods, unwrapping errors', async () => {
    const exportSam = vi.fn(async () => ({ ok: true as const, value: { name: 'template.yaml', written: 2, kept: ['src/a/index.mjs'] } }));
    const exportCdk = vi.fn(async () => ({ ok: false as const, message: 'folder is read-only' }));
    const host = createElectronHost({
      platform: 'linux', openDesign: vi.fn(), saveDesign: vi.fn(), saveDesignAs: vi.fn(), setTitle: vi.fn(), takeStartupFile: vi.fn(), onMenuCommand: vi.fn(), recentFiles: vi.fn(), openRecent: vi.fn(),
      openTemplate: async () => ({ ok: true, value: { name: 't.yaml', text: 'Resources: {}' } }), exportSam, exportCdk,
    });
    expect(await host.openTemplate()).toEqual({ name: 't.yaml', text: 'Resources: {}' });
    const files = [{ path: 'template.yaml', content: 'x' }, { path: 'src/a/index.mjs', content: 'y' }];
    expect(await host.exportFiles({ format: 'sam', files, suggestedName: 'template.yaml', zip: true })).toEqual({ name: 'template.yaml', written: 2, kept: ['src/a/index.mjs'] });
    // Only what the contract allows crosses: no `zip`, no `format`.
    expect(exportSam).toHaveBeenCalledWith({ files, suggestedName: 'template.yaml' });
    await expect(host.exportFiles({ format: 'cdk', files, suggestedName: 'orders-cdk' })).rejects.toThrow('folder is read-only');
    expect(exportCdk).toHaveBeenCalledWith({ files, suggestedName: 'orders-cdk' });
  });

  it('opens links outside the app through the bridge when the preload offers it', () => {
    const openExternal = vi.fn();
    const host = createElectronHost({
      platform: 'darwin', openDesign: vi.fn(), saveDesign: vi.fn(), saveDesignAs: vi.fn(), setTitle: vi.fn(), takeStartupFile: vi.fn(), openTemplate: vi.fn(), exportSam: vi.fn(), exportCdk: vi.fn(), onMenuCommand: vi.fn(), recentFiles: vi.fn(), openRecent: vi.fn(), openExternal,
    });
    host.openExternal?.('https://docs.aws.amazon.com/lambda/');
    expect(openExternal).toHaveBeenCalledWith({ url: 'https://docs.aws.amazon.com/lambda/' });
    expect(createBrowserHost().openExternal).toBeUndefined();
  });
});
