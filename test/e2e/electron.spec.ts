import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { _electron as electron } from '@playwright/test';
import { expect, test } from './helpers';

const require = createRequire(import.meta.url);

/** The downloaded Electron binary, if this machine has one (see scripts/start.mjs). */
function electronBinary(): string | undefined {
  const pkg = dirname(require.resolve('electron/package.json'));
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? binary : undefined;
}

const binary = electronBinary();

test('the desktop app opens its window on app:// with the bridge and no Node', async () => {
  test.skip(!binary, 'The Electron binary is not available on this machine (it cannot be downloaded here); the same UI is covered in Chromium.');
  const root = join(import.meta.dirname, '..', '..');
  expect(spawnSync('npm', ['run', '--silent', 'build:electron'], { cwd: root, stdio: 'inherit' }).status).toBe(0);
  const app = await electron.launch({ args: [root], executablePath: binary });
  try {
    const window = await app.firstWindow();
    await expect(window.getByTestId('canvas')).toBeVisible();
    expect(window.url()).toBe('app://bundle/index.html');
    expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(await window.evaluate(() => Object.keys((window as unknown as { serverlessDesigner: object }).serverlessDesigner).sort())).toEqual(
      ['onMenuCommand', 'openDesign', 'platform', 'saveDesign', 'saveDesignAs', 'setTitle', 'takeStartupFile'],
    );
  } finally {
    await app.close();
  }
});
