import { EventEmitter } from 'node:events';
import type { MessageBoxOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

const { CRASH_LOOP_MS, goneMessage, guardRenderer, MAX_QUICK_RELOADS } = await import('../../electron/crash');

/** A stand-in BrowserWindow: raise its events, see what the guard did to it. */
function fakeWindow() {
  const win = Object.assign(new EventEmitter(), {
    destroyed: false,
    actions: [] as string[],
    isDestroyed: () => win.destroyed,
    destroy: () => {
      win.destroyed = true;
      win.actions.push('destroy');
    },
    webContents: Object.assign(new EventEmitter(), {
      reload: () => win.actions.push('reload'),
      forcefullyCrashRenderer: () => win.actions.push('kill'),
    }),
  });
  return win;
}

/** Message boxes answered by the test: each call waits for `answer(n)` (or its abort signal). */
function boxes() {
  const shown: { options: MessageBoxOptions; answer: (response: number) => void }[] = [];
  const showMessageBox = vi.fn((_win: unknown, options: MessageBoxOptions) => new Promise<{ response: number }>((resolve) => {
    shown.push({ options, answer: (response) => resolve({ response }) });
    options.signal?.addEventListener('abort', () => resolve({ response: options.cancelId ?? 0 }));
  }));
  return { shown, showMessageBox };
}

const settle = () => new Promise((r) => setTimeout(r, 0));
const crash = (win: ReturnType<typeof fakeWindow>, reason = 'crashed', exitCode = 139) => win.webContents.emit('render-process-gone', {}, { reason, exitCode });
const button = (options: MessageBoxOptions, label: string) => (options.buttons ?? []).indexOf(label);

describe('the page crashed, was killed or ran out of memory', () => {
  it('says what happened (reason and exit code) and Reload reloads the window', async () => {
    const win = fakeWindow();
    const { shown, showMessageBox } = boxes();
    const onGone = vi.fn();
    const guard = guardRenderer(win, { showMessageBox, onGone });
    crash(win, 'oom', 5);
    expect(guard.isGone()).toBe(true);
    expect(onGone).toHaveBeenCalled();
    expect(shown).toHaveLength(1);
    expect(shown[0].options.message).toBe('The design window stopped working: it ran out of memory, exit code 5.');
    expect(shown[0].options.buttons).toEqual(['Reload', 'Close']);
    expect(shown[0].options.detail).toMatch(/autosaved draft/);
    shown[0].answer(button(shown[0].options, 'Reload'));
    await settle();
    expect(win.actions).toEqual(['reload']);
    expect(guard.isGone()).toBe(false);
  });

  it('Close closes the window without the save question (the dead page cannot save)', async () => {
    const win = fakeWindow();
    const { shown, showMessageBox } = boxes();
    guardRenderer(win, { showMessageBox });
    crash(win, 'killed', 9);
    expect(shown[0].options.message).toContain('was killed');
    shown[0].answer(button(shown[0].options, 'Close'));
    await settle();
    expect(win.actions).toEqual(['destroy']);
  });

  it('while the page is gone, asking again (a menu command such as Save) shows the same box, never a second one', async () => {
    const win = fakeWindow();
    const { shown, showMessageBox } = boxes();
    const guard = guardRenderer(win, { showMessageBox });
    crash(win);
    void guard.explain();
    void guard.explain();
    expect(shown).toHaveLength(1);
    shown[0].answer(button(shown[0].options, 'Reload'));
    await settle();
    await guard.explain();
    expect(shown).toHaveLength(1);
  });

  it('the app closing (a clean exit of a destroyed window) is not a crash', () => {
    const win = fakeWindow();
    const { shown, showMessageBox } = boxes();
    const guard = guardRenderer(win, { showMessageBox });
    crash(win, 'clean-exit', 0);
    win.destroyed = true;
    crash(win, 'crashed', 1);
    expect(shown).toHaveLength(0);
    expect(guard.isGone()).toBe(false);
  });

  it('names every reason Electron gives', () => {
    for (const reason of ['abnormal-exit', 'killed', 'crashed', 'oom', 'launch-failed', 'integrity-failure', 'memory-eviction'] as const) {
      expect(goneMessage({ reason, exitCode: 1 })).not.toMatch(/undefined/);
    }
  });
});

describe('crash loops', () => {
  it('dying again soon after a reload is said, defaults to Close, and Reload stops being offered', async () => {
    let clock = 1_000_000;
    const win = fakeWindow();
    const { shown, showMessageBox } = boxes();
    guardRenderer(win, { showMessageBox, now: () => clock });
    crash(win);
    expect(shown[0].options.defaultId).toBe(button(shown[0].options, 'Reload'));
    shown[0].answer(button(shown[0].options, 'Reload'));
    await settle();
    for (let death = 1; death <= MAX_QUICK_RELOADS; death += 1) {
      clock += 3_000;
      crash(win);
      const box = shown[death].options;
      expect(box.detail).toContain('stopped again 3 s after reloading');
      expect(box.buttons?.[box.defaultId ?? -1]).toBe('Close');
      if (death < MAX_QUICK_RELOADS) {
        expect(box.buttons).toEqual(['Reload', 'Close']);
        shown[death].answer(button(box, 'Reload'));
        await settle();
      } else {
        expect(box.buttons).toEqual(['Close']);
        expect(box.detail).toMatch(/Reload is not offered again/);
      }
    }
  });

  it('a crash long after the last reload is a fresh one: Reload is offered as the default again', async () => {
    let clock = 0;
    const win = fakeWindow();
    const { shown, showMessageBox } = boxes();
    guardRenderer(win, { showMessageBox, now: () => clock });
    crash(win);
    shown[0].answer(0);
    await settle();
    clock += 2_000;
    crash(win);
    shown[1].answer(0);
    await settle();
    clock += CRASH_LOOP_MS + 1;
    crash(win);
    expect(shown[2].options.buttons).toEqual(['Reload', 'Close']);
    expect(shown[2].options.defaultId).toBe(0);
    expect(shown[2].options.detail).not.toMatch(/stopped again/);
  });
});

describe('the page stops responding', () => {
  it('offers Keep waiting (the default), Reload and Close; the box goes away when the page responds', async () => {
    const win = fakeWindow();
    const { shown, showMessageBox } = boxes();
    guardRenderer(win, { showMessageBox });
    win.emit('unresponsive');
    win.emit('unresponsive');
    expect(shown).toHaveLength(1);
    const box = shown[0].options;
    expect(box.buttons).toEqual(['Keep waiting', 'Reload', 'Close']);
    expect(box.buttons?.[box.defaultId ?? -1]).toBe('Keep waiting');
    expect(box.signal?.aborted).toBe(false);
    win.emit('responsive');
    expect(box.signal?.aborted).toBe(true);
    await settle();
    expect(win.actions).toEqual([]);
    // It can hang again later: a new box.
    win.emit('unresponsive');
    expect(shown).toHaveLength(2);
  });

  it('Reload ends the hung page and reloads; the crash that follows is not reported as one', async () => {
    const win = fakeWindow();
    const { shown, showMessageBox } = boxes();
    const guard = guardRenderer(win, { showMessageBox });
    win.emit('unresponsive');
    shown[0].answer(button(shown[0].options, 'Reload'));
    await settle();
    expect(win.actions).toEqual(['kill', 'reload']);
    crash(win, 'killed', 9);
    expect(shown).toHaveLength(1);
    expect(guard.isGone()).toBe(false);
    // A real crash afterwards is reported.
    crash(win);
    expect(shown).toHaveLength(2);
  });

  it('Close closes the window; Keep waiting leaves it alone', async () => {
    const win = fakeWindow();
    const { shown, showMessageBox } = boxes();
    guardRenderer(win, { showMessageBox });
    win.emit('unresponsive');
    shown[0].answer(button(shown[0].options, 'Keep waiting'));
    await settle();
    expect(win.actions).toEqual([]);
    win.emit('unresponsive');
    shown[1].answer(button(shown[1].options, 'Close'));
    await settle();
    expect(win.actions).toEqual(['destroy']);
  });

  it('a hang that ends in a crash closes the hang box and shows the crash box', () => {
    const win = fakeWindow();
    const { shown, showMessageBox } = boxes();
    guardRenderer(win, { showMessageBox });
    win.emit('unresponsive');
    crash(win);
    expect(shown[0].options.signal?.aborted).toBe(true);
    expect(shown[1].options.buttons).toEqual(['Reload', 'Close']);
  });
});
