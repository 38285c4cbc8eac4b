import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, nodeBox, pickTemplate, test } from './helpers';

// Autosave, crash recovery and "ask before discarding" (renderer/drafts), in the built app with
// the browser's real IndexedDB and Web Locks. A crash is a real renderer crash (its process killed).

const { slug, design } = pickTemplate();
const target = design.nodes.find((n) => n.kind === 'lambda') ?? design.nodes[0]!;

interface StoredDraft { id: string; name: string; text: string; fileName?: string }

/** The drafts in the page's IndexedDB (database sd-drafts, store drafts), read as the app wrote them. */
function storedDrafts(page: Page): Promise<StoredDraft[]> {
  return page.evaluate(async () => {
    // Never create the database here: only the app does (with its object store).
    if (!(await indexedDB.databases()).some((d) => d.name === 'sd-drafts')) return [];
    return new Promise<StoredDraft[]>((resolve, reject) => {
      const open = indexedDB.open('sd-drafts');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('drafts')) {
          db.close();
          resolve([]);
          return;
        }
        const all = db.transaction('drafts').objectStore('drafts').getAll();
        all.onerror = () => reject(all.error);
        all.onsuccess = () => {
          db.close();
          resolve((all.result as StoredDraft[]).map(({ id, name, text, fileName }) => ({ id, name, text, ...(fileName ? { fileName } : {}) })));
        };
      };
    });
  });
}

/** Start screen → the template → rename a function in the inspector (an edit that is not structural,
 *  so it is written after the idle pause). */
async function editTemplate(page: Page, newName: string): Promise<void> {
  await page.goto('/');
  await page.getByTestId(`template-${slug}`).click();
  await expect(page.getByTestId('welcome')).toBeHidden();
  await nodeBox(page, target.id).click();
  const name = page.getByTestId('inspector-name');
  await name.fill(newName);
  await name.press('Enter');
  await expect(nodeBox(page, target.id)).toContainText(newName);
  await expect(page.getByTestId('dirty-marker')).toBeVisible();
}

/** Waits until the autosave has written the edit (polling the store, no fixed sleep). */
async function autosaved(page: Page, text: string): Promise<void> {
  await expect.poll(async () => (await storedDrafts(page)).some((d) => d.text.includes(text)), { timeout: 10_000 }).toBe(true);
}

/** Kills the page's renderer process (SIGKILL, as the OS's out-of-memory killer or a crash would):
 *  no pagehide, no unload, nothing flushed. CDP's Page.crash takes this Chromium's whole browser
 *  down with the page, so the renderers are killed by pid instead (this worker's browser has no
 *  other test's pages: tests in a worker run one at a time). */
async function crash(page: Page): Promise<void> {
  const browser = page.context().browser();
  if (!browser) throw new Error('no browser to ask for its processes');
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo') as { processInfo: { type: string; id: number }[] };
  await cdp.detach();
  const renderers = processInfo.filter((p) => p.type === 'renderer');
  expect(renderers.length).toBeGreaterThan(0);
  const crashed = page.waitForEvent('crash');
  for (const r of renderers) process.kill(r.id, 'SIGKILL');
  await crashed;
  // The browser may still hold a killed renderer it has not yet seen die (its spare one, kept for
  // the next page): a page opened now could be given that dead process ("Target crashed", seen once
  // on CI). Give the browser up to 5 s to list none of the killed processes (a wait, not a check:
  // reopen() below copes if it has not).
  const killed = new Set(renderers.map((r) => r.id));
  for (let waited = 0; waited < 5_000; waited += 100) {
    const session = await browser.newBrowserCDPSession();
    const info = await session.send('SystemInfo.getProcessInfo') as { processInfo: { id: number }[] };
    await session.detach();
    if (!info.processInfo.some((p) => killed.has(p.id))) break;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A new page in the page's context. The first attempt after a crash can be handed a renderer the
 *  browser has not yet seen die, and fails with "Target crashed" before the app is even loaded:
 *  that is the test's killing, not the app, so it is tried again (three times at most). */
async function newPageAfterCrash(page: Page): Promise<Page> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await page.context().newPage();
    } catch (err) {
      if (attempt >= 3 || !/Target crashed/.test(String(err))) throw err;
    }
  }
}

/** A second page in the same browser profile (same IndexedDB), failing on console errors as the first does. */
async function reopen(page: Page): Promise<{ again: Page; errors: string[] }> {
  const again = await newPageAfterCrash(page);
  const errors: string[] = [];
  again.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  again.on('pageerror', (e) => errors.push(String(e)));
  await again.addInitScript(() => Object.defineProperty(window, 'showSaveFilePicker', { value: undefined, configurable: true }));
  await again.goto('/');
  return { again, errors };
}

test('a page that crashes mid-edit offers its draft when the app is opened again; Restore brings the edit back, unsaved', async ({ page }) => {
  await editTemplate(page, 'Renamed before the crash');
  await autosaved(page, 'Renamed before the crash');
  await crash(page);

  const { again, errors } = await reopen(page);
  const dialog = again.getByTestId('recovery-dialog');
  await expect(dialog).toBeVisible();
  const entry = dialog.getByTestId('recovery-draft');
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText(design.name);
  await expect(entry).toContainText(/Unsaved changes from today at \d\d:\d\d/);
  await expect(entry).toContainText('never saved to a file');
  // Keyboard: the first button (Restore) has the focus.
  await expect(entry.getByTestId('recovery-restore')).toBeFocused();
  await again.keyboard.press('Enter');

  await expect(dialog).toBeHidden();
  await expect(again.getByTestId('welcome')).toBeHidden();
  await expect(nodeBox(again, target.id)).toContainText('Renamed before the crash');
  await expect(again.getByTestId('dirty-marker')).toBeVisible();
  await expect(again.getByTestId('document-title')).toContainText(design.name);
  // The restored design is this page's own draft now: one draft, not offered to a second tab
  // while this one is alive.
  await expect.poll(async () => (await storedDrafts(again)).length).toBe(1);
  const third = await again.context().newPage();
  await third.goto('/');
  await expect(third.getByTestId('welcome')).toBeVisible();
  await expect(third.getByTestId('recovery-dialog')).toHaveCount(0);

  // Saving it (a download here) removes the draft.
  const [download] = await Promise.all([again.waitForEvent('download'), again.keyboard.press('Control+s')]);
  expect(download.suggestedFilename()).toMatch(/\.design\.json$/);
  await expect(again.getByTestId('dirty-marker')).toHaveCount(0);
  await expect(again.getByTestId('toast').last()).toContainText('Downloaded');
  await expect.poll(async () => (await storedDrafts(again)).length).toBe(0);
  expect(errors).toEqual([]);
});

test('Discard deletes a crashed page\'s draft: it is not offered again', async ({ page }) => {
  await editTemplate(page, 'Thrown away');
  await autosaved(page, 'Thrown away');
  await crash(page);

  const { again, errors } = await reopen(page);
  const dialog = again.getByTestId('recovery-dialog');
  await expect(dialog.getByTestId('recovery-draft')).toContainText(design.name);
  await dialog.getByTestId('recovery-discard').click();
  await expect(dialog).toBeHidden();
  await expect(again.getByTestId('welcome')).toBeVisible();
  await expect.poll(async () => (await storedDrafts(again)).length).toBe(0);

  await again.reload();
  await expect(again.getByTestId('welcome')).toBeVisible();
  await expect(again.getByTestId('recovery-dialog')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('Decide later keeps the draft for the next start; a deletion is autosaved too', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId(`template-${slug}`).click();
  await nodeBox(page, target.id).click();
  await page.keyboard.press('Delete');
  await expect(nodeBox(page, target.id)).toHaveCount(0);
  await expect.poll(async () => (await storedDrafts(page)).map((d) => JSON.parse(d.text).nodes.some((n: { id: string }) => n.id === target.id))).toEqual([false]);
  await crash(page);

  const { again, errors } = await reopen(page);
  await expect(again.getByTestId('recovery-dialog')).toBeVisible();
  await again.keyboard.press('Escape'); // Decide later
  await expect(again.getByTestId('recovery-dialog')).toBeHidden();
  await expect(again.getByTestId('welcome')).toBeVisible();
  await again.reload();
  await expect(again.getByTestId('recovery-draft')).toContainText(design.name);
  await again.getByTestId('recovery-later').click();
  expect(errors).toEqual([]);
});

test('a template after an edit asks first: Cancel keeps the edit, Save saves then opens it, Don\'t save discards', async ({ page }) => {
  await editTemplate(page, 'Keep me');
  const other = 'blank';

  // Cancel: nothing changes.
  await page.keyboard.press('Control+n');
  await page.getByTestId(`template-${other}`).click();
  const ask = page.getByTestId('unsaved-dialog');
  await expect(ask).toContainText(`Save changes to ${design.name}?`);
  await page.getByTestId('unsaved-cancel').click();
  await expect(ask).toBeHidden();
  await page.keyboard.press('Escape'); // close the welcome screen
  await expect(nodeBox(page, target.id)).toContainText('Keep me');
  await expect(page.getByTestId('dirty-marker')).toBeVisible();

  // Escape in the question is Cancel too.
  await page.keyboard.press('Control+n');
  await page.getByTestId(`template-${other}`).click();
  await expect(ask).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(ask).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(nodeBox(page, target.id)).toContainText('Keep me');

  // Save: the design is saved (downloaded here), then the blank design replaces it.
  await page.keyboard.press('Control+n');
  await page.getByTestId(`template-${other}`).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('unsaved-save').click()]);
  expect(readFileSync(await download.path(), 'utf8')).toContain('Keep me');
  await expect(page.getByTestId('welcome')).toBeHidden();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await expect(page.getByTestId('dirty-marker')).toHaveCount(0);

  // Don't save: the edit is gone, and so is its draft.
  await page.keyboard.press('Control+n');
  await page.getByTestId(`template-${slug}`).click();
  await nodeBox(page, target.id).click();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('dirty-marker')).toBeVisible();
  await page.keyboard.press('Control+n');
  await page.getByTestId('template-blank').click();
  await page.getByTestId('unsaved-discard').click();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await expect(page.getByTestId('dirty-marker')).toHaveCount(0);
  await expect.poll(async () => (await storedDrafts(page)).length).toBe(0);
});

test.describe('Save with the File System Access API', () => {
  test.use({ savePicker: true });

  test('Save writes through the picked file and marks the design saved only once the write is committed; the next Save reuses the file', async ({ page }) => {
    // The browser's save picker, as a page-side stand-in (headless Chromium cancels the real one):
    // it records what is written and holds close() until the test lets it finish.
    await page.addInitScript(() => {
      const w = window as unknown as { sdWrites: string[]; sdPicks: number; sdRelease: () => void; sdFail: boolean; showSaveFilePicker: unknown };
      w.sdWrites = [];
      w.sdPicks = 0;
      w.sdFail = false;
      let release: () => void = () => undefined;
      w.sdRelease = () => release();
      w.showSaveFilePicker = async (options: { suggestedName: string }) => {
        w.sdPicks++;
        return {
          name: options.suggestedName,
          createWritable: async () => {
            let text = '';
            return {
              write: async (data: string) => {
                if (w.sdFail) throw new DOMException('The disk is full', 'QuotaExceededError');
                text += data;
              },
              abort: async () => undefined,
              close: () => new Promise<void>((resolve) => {
                // Once only: the test releases in a poll, and a call before the next write's close()
                // must not commit the last write a second time (it counted as the next write, the
                // test stopped releasing, and the real next write never finished: seen on CI).
                release = () => {
                  release = () => undefined;
                  w.sdWrites.push(text);
                  resolve();
                };
              }),
            };
          },
        };
      };
    });
    await editTemplate(page, 'Written through the API');
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.evaluate(() => (window as unknown as { sdPicks: number }).sdPicks)).toBe(1);
    // The write is not committed yet: still unsaved.
    await expect(page.getByTestId('dirty-marker')).toBeVisible();
    await page.evaluate(() => (window as unknown as { sdRelease: () => void }).sdRelease());
    await expect(page.getByTestId('dirty-marker')).toHaveCount(0, { timeout: 15_000 });
    await expect(page.getByTestId('toast').last()).toContainText(/^Saved /);
    const writes = await page.evaluate(() => (window as unknown as { sdWrites: string[] }).sdWrites);
    expect(writes).toHaveLength(1);
    expect(writes[0]).toContain('Written through the API');
    await expect.poll(async () => (await storedDrafts(page)).length).toBe(0);

    // A failed write: an error naming the cause, and the design stays unsaved (its draft too).
    await nodeBox(page, target.id).click();
    await page.getByTestId('inspector-name').fill('Second edit');
    await page.getByTestId('inspector-name').press('Enter');
    await page.evaluate(() => {
      (window as unknown as { sdFail: boolean }).sdFail = true;
    });
    await page.keyboard.press('Control+s');
    await expect(page.getByTestId('toast').last()).toContainText('Could not save: The disk is full');
    await expect(page.getByTestId('dirty-marker')).toBeVisible();
    await autosaved(page, 'Second edit');

    // The next Save goes to the same file, without asking where.
    await page.evaluate(() => {
      (window as unknown as { sdFail: boolean }).sdFail = false;
    });
    await page.keyboard.press('Control+s');
    await expect.poll(async () => {
      await page.evaluate(() => (window as unknown as { sdRelease: () => void }).sdRelease());
      return page.evaluate(() => (window as unknown as { sdWrites: string[] }).sdWrites.length);
    }).toBe(2);
    expect(await page.evaluate(() => (window as unknown as { sdPicks: number }).sdPicks)).toBe(1);
    await expect(page.getByTestId('dirty-marker')).toHaveCount(0, { timeout: 15_000 });
  });
});
