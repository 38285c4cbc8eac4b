// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DesignerBridge } from '../../renderer/bridge';
import { copyPng } from '../../renderer/export/clipboard';
import { imageFileName, pngSize, selectionNodes } from '../../renderer/export/image';
import { withoutInlineStyles } from '../../renderer/export/print';
import { createBrowserHost } from '../../renderer/host-browser';
import { createElectronHost } from '../../renderer/host-electron';
import { shortcutFor, type KeyLike } from '../../renderer/shortcuts';

afterEach(() => vi.restoreAllMocks());

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });
const PNG_HEAD = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

describe('what an image of the selection shows', () => {
  const design = {
    nodes: [{ id: 'api' }, { id: 'fn' }, { id: 'table' }, { id: 'queue' }],
    edges: [{ id: 'e1', from: 'api', to: 'fn' }, { id: 'e2', from: 'fn', to: 'table' }],
  } as never;
  it('the selected resources plus both ends of each selected connection, nothing unknown', () => {
    expect(selectionNodes(design, { nodes: ['queue', 'gone'], edges: [] })).toEqual(['queue']);
    expect(selectionNodes(design, { nodes: ['queue'], edges: ['e2'] }).sort()).toEqual(['fn', 'queue', 'table']);
    expect(selectionNodes(design, { nodes: [], edges: [] })).toEqual([]);
  });
  it('file names come from the design name', () => {
    expect(imageFileName('Orders API (prod)', 'png')).toBe('orders-api-prod.png');
    expect(imageFileName('Orders API', 'svg', 'selection')).toBe('orders-api-selection.svg');
    expect(imageFileName('Orders API', 'html', 'report')).toBe('orders-api-report.html');
  });
});

describe('pngSize', () => {
  it('reads width and height from IHDR, null for anything else', () => {
    const bytes = new Uint8Array([...PNG_HEAD, 0, 0, 0x05, 0x00, 0, 0, 0x02, 0x58, 8, 6, 0, 0, 0]);
    expect(pngSize(bytes)).toEqual({ width: 1280, height: 600 });
    expect(pngSize(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBeNull();
    expect(pngSize(new Uint8Array(PNG_HEAD))).toBeNull();
  });
});

describe('export shortcuts', () => {
  it('Ctrl/Cmd+Shift+G exports an image, Ctrl/Cmd+P prints, P alone still searches the palette', () => {
    expect(shortcutFor(key('G', { ctrlKey: true, shiftKey: true }), 'linux', false)).toBe('exportImage');
    expect(shortcutFor(key('g', { metaKey: true, shiftKey: true }), 'darwin', true)).toBe('exportImage');
    expect(shortcutFor(key('p', { ctrlKey: true }), 'win32', true)).toBe('printReport');
    expect(shortcutFor(key('p'), 'linux', false)).toBe('focusPaletteSearch');
    expect(shortcutFor(key('g', { shiftKey: true }), 'linux', false)).toBe('toggleSnap');
  });
  it('Ctrl/Cmd+Alt+C copies the image and Ctrl/Cmd+Alt+R exports the report, by the physical key too, never in a text field', () => {
    expect(shortcutFor(key('c', { ctrlKey: true, altKey: true }), 'linux', false)).toBe('copyImage');
    expect(shortcutFor(key('ç', { code: 'KeyC', metaKey: true, altKey: true }), 'darwin', false)).toBe('copyImage');
    expect(shortcutFor(key('®', { code: 'KeyR', metaKey: true, altKey: true }), 'darwin', false)).toBe('exportReport');
    // AltGr+C types a character on many layouts: in a text field it stays a character.
    expect(shortcutFor(key('ć', { code: 'KeyC', ctrlKey: true, altKey: true }), 'win32', true)).toBeUndefined();
    expect(shortcutFor(key('c', { ctrlKey: true }), 'linux', false)).toBe('copy');
  });
});

describe('copyPng', () => {
  const png = () => new Blob([new Uint8Array(PNG_HEAD)], { type: 'image/png' });
  it('on the desktop hands the bytes to the host (its clipboard)', async () => {
    const copyImage = vi.fn(async () => undefined);
    await copyPng(png(), { copyImage });
    expect([...(copyImage.mock.calls[0] as unknown as [Uint8Array])[0]]).toEqual(PNG_HEAD);
  });
  it('in a browser writes an image/png ClipboardItem, and says what to do when refused or unsupported', async () => {
    const written: ClipboardItem[][] = [];
    class FakeItem { constructor(readonly items: Record<string, Blob>) {} get types() { return Object.keys(this.items); } }
    vi.stubGlobal('ClipboardItem', FakeItem);
    const nav = { clipboard: { write: vi.fn(async (items: ClipboardItem[]) => void written.push(items)) } } as unknown as Navigator;
    await copyPng(png(), {}, nav);
    expect(written[0]?.[0]?.types).toEqual(['image/png']);
    const refusing = { clipboard: { write: vi.fn(async () => { throw new DOMException('Write permission denied.', 'NotAllowedError'); }) } } as unknown as Navigator;
    await expect(copyPng(png(), {}, refusing)).rejects.toThrow(/refused the clipboard \(Write permission denied\.\).*Export image/);
    vi.stubGlobal('ClipboardItem', undefined);
    await expect(copyPng(png(), {}, nav)).rejects.toThrow(/cannot put images on the clipboard/);
    vi.unstubAllGlobals();
  });
});

describe('hosts save exports', () => {
  it('the browser downloads each kind with its MIME type under the suggested name', async () => {
    const clicked: { download: string; href: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.href });
    });
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => { blobs.push(b as Blob); return `blob:${blobs.length}`; });
    const host = createBrowserHost();
    expect(await host.saveExportFile({ kind: 'svg', suggestedName: 'orders.svg', data: '<svg/>' })).toEqual({ name: 'orders.svg' });
    await host.saveExportFile({ kind: 'png', suggestedName: 'orders.png', data: new Uint8Array(PNG_HEAD) });
    await host.saveExportFile({ kind: 'md', suggestedName: 'orders-report.md', data: '# Orders' });
    expect(clicked.map((c) => c.download)).toEqual(['orders.svg', 'orders.png', 'orders-report.md']);
    expect(blobs.map((b) => b.type)).toEqual(['image/svg+xml', 'image/png', 'text/markdown']);
    expect([...new Uint8Array(await blobs[1].arrayBuffer())]).toEqual(PNG_HEAD);
  });
  it('the desktop sends text for SVG/HTML/Markdown and bytes for PNG, and copies through the bridge', async () => {
    const saveExportFile = vi.fn(async () => ({ ok: true as const, value: { name: 'picked.png' } }));
    const copyImage = vi.fn(async () => ({ ok: true as const, value: null }));
    const host = createElectronHost({ platform: 'linux', saveExportFile, copyImage } as unknown as DesignerBridge);
    await host.saveExportFile({ kind: 'html', suggestedName: 'o-report.html', data: '<html>' });
    expect(await host.saveExportFile({ kind: 'png', suggestedName: 'o.png', data: new Uint8Array(PNG_HEAD) })).toEqual({ name: 'picked.png' });
    expect(saveExportFile.mock.calls[0]).toEqual([{ kind: 'html', suggestedName: 'o-report.html', text: '<html>' }]);
    expect(saveExportFile.mock.calls[1]).toEqual([{ kind: 'png', suggestedName: 'o.png', bytes: new Uint8Array(PNG_HEAD) }]);
    await host.copyImage?.(new Uint8Array(PNG_HEAD));
    expect(copyImage).toHaveBeenCalledWith({ png: new Uint8Array(PNG_HEAD) });
    const failing = createElectronHost({ platform: 'linux', saveExportFile: async () => ({ ok: false, message: 'disk full' }) } as unknown as DesignerBridge);
    await expect(failing.saveExportFile({ kind: 'svg', suggestedName: 'o.svg', data: '<svg/>' })).rejects.toThrow('disk full');
    expect(failing.copyImage).toBeUndefined();
  });
});

describe('printing under the app CSP', () => {
  it('takes <style> elements and style="" attributes out of the report, leaving text and other attributes alone', () => {
    const html = '<!doctype html><html><head><style media="all">h1 { color: #123 }</style></head><body><h1 style="margin-top: 3px" class="t">Orders &lt;style&gt; style="x"</h1>'
      + '<svg><style>text{fill:#333}</style><text font-style="italic" style=\'fill: red\'>fn</text></svg></body></html>';
    const { markup, css } = withoutInlineStyles(html);
    expect(css).toBe('h1 { color: #123 }\ntext{fill:#333}');
    expect(markup).not.toMatch(/<style/i);
    expect(markup.match(/<[a-z][^<>]*>/gi)?.filter((tag) => /\sstyle=/.test(tag))).toEqual([]);
    expect(markup).toContain('<h1 data-sd-style="margin-top: 3px" class="t">Orders &lt;style&gt; style="x"</h1>');
    expect(markup).toContain('<text font-style="italic" data-sd-style=\'fill: red\'>fn</text>');
  });
});
