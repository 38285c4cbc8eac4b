import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

const { APP_ENTRY, appProtocolHandler, hardenSession, hardenWebContents, resolveAppRequest, windowOptions } = await import('../../electron/window');

describe('windowOptions', () => {
  it('turns on every isolation flag explicitly', () => {
    const prefs = windowOptions('/app/preload.cjs').webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs', contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false, webSecurity: true, allowRunningInsecureContent: false, experimentalFeatures: false, webviewTag: false,
    });
  });

  it('loads the renderer from the app:// scheme, not file://', () => {
    expect(APP_ENTRY).toBe('app://bundle/index.html');
  });
});

function fakeContents() {
  const handlers = new Map<string, (event: { preventDefault(): void }, ...args: unknown[]) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  return {
    on: (name: string, fn: (event: { preventDefault(): void }) => void) => handlers.set(name, fn),
    setWindowOpenHandler: (fn: typeof openHandler) => {
      openHandler = fn;
    },
    fire(name: string, ...args: unknown[]) {
      const event = { preventDefault: vi.fn() };
      handlers.get(name)?.(event, ...args);
      return event;
    },
    open: (url: string) => openHandler?.({ url }),
  };
}

describe('hardenWebContents', () => {
  it('denies every navigation, redirect, webview and new window', () => {
    const contents = fakeContents();
    hardenWebContents(contents as never);
    expect(contents.fire('will-navigate', 'https://evil.example').preventDefault).toHaveBeenCalled();
    expect(contents.fire('will-navigate', 'app://bundle/index.html').preventDefault).toHaveBeenCalled();
    expect(contents.fire('will-redirect', 'https://evil.example').preventDefault).toHaveBeenCalled();
    expect(contents.fire('will-attach-webview').preventDefault).toHaveBeenCalled();
    expect(contents.open('https://docs.aws.amazon.com')).toEqual({ action: 'deny' });
  });
});

describe('hardenSession', () => {
  it('denies every permission request and check', () => {
    let request: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    hardenSession({ setPermissionRequestHandler: (fn: typeof request) => { request = fn; }, setPermissionCheckHandler: (fn: typeof check) => { check = fn; } } as never);
    const callback = vi.fn();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) request?.({}, permission, callback);
    expect(callback.mock.calls).toEqual([[false], [false], [false], [false]]);
    expect(check?.()).toBe(false);
  });
});

describe('the app:// protocol', () => {
  const root = mkdtempSync(join(tmpdir(), 'sd-web-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, '..', 'secret.txt'), 'do not serve');

  it('maps app://bundle paths into the bundle and nothing else', () => {
    expect(resolveAppRequest('app://bundle/', root)?.path).toBe(join(root, 'index.html'));
    expect(resolveAppRequest('app://bundle/assets/app.js', root)).toEqual({ path: join(root, 'assets', 'app.js'), mime: 'text/javascript; charset=utf-8' });
    // The URL parser already folds "..": the request stays inside the bundle (where there is no such file).
    expect(resolveAppRequest('app://bundle/../secret.txt', root)?.path).toBe(join(root, 'secret.txt'));
    expect(resolveAppRequest('app://bundle/%2e%2e/secret.txt', root)?.path).toBe(join(root, 'secret.txt'));
    expect(resolveAppRequest('app://bundle/%2e%2e%2fsecret.txt', root)).toBeUndefined();
    expect(resolveAppRequest('app://other/index.html', root)).toBeUndefined();
    expect(resolveAppRequest('file:///etc/passwd', root)).toBeUndefined();
    expect(resolveAppRequest('app://bundle/%E0%A4%A', root)).toBeUndefined();
  });

  it('serves files with the CSP as a header', async () => {
    const handler = appProtocolHandler(root);
    const ok = await handler(new Request('app://bundle/index.html'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = ok.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("img-src 'self' data: blob:");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await handler(new Request('app://bundle/missing.js'))).status).toBe(404);
    expect((await handler(new Request('app://bundle/%2e%2e%2fsecret.txt'))).status).toBe(404);
  });
});
