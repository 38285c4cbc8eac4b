import { describe, expect, it } from 'vitest';
import { shortcutFor, type KeyLike } from '../../renderer/shortcuts';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('shortcutFor', () => {
  it('maps the editor shortcuts on Windows and Linux', () => {
    expect(shortcutFor(key('z', { ctrlKey: true }), 'linux', false)).toBe('undo');
    expect(shortcutFor(key('Z', { ctrlKey: true, shiftKey: true }), 'linux', false)).toBe('redo');
    expect(shortcutFor(key('y', { ctrlKey: true }), 'win32', false)).toBe('redo');
    expect(shortcutFor(key('s', { ctrlKey: true }), 'linux', false)).toBe('save');
    expect(shortcutFor(key('S', { ctrlKey: true, shiftKey: true }), 'linux', false)).toBe('saveAs');
    expect(shortcutFor(key('o', { ctrlKey: true }), 'browser', false)).toBe('open');
    expect(shortcutFor(key('n', { ctrlKey: true }), 'browser', false)).toBe('new');
    expect(shortcutFor(key('Delete'), 'linux', false)).toBe('delete');
    expect(shortcutFor(key('Backspace'), 'linux', false)).toBe('delete');
    expect(shortcutFor(key('i', { ctrlKey: true }), 'linux', false)).toBe('importTemplate');
    expect(shortcutFor(key('e', { ctrlKey: true }), 'browser', false)).toBe('exportSam');
    expect(shortcutFor(key('E', { ctrlKey: true, shiftKey: true }), 'win32', false)).toBe('exportCdk');
    expect(shortcutFor(key('I', { ctrlKey: true, shiftKey: true }), 'linux', false)).toBeUndefined();
    expect(shortcutFor(key('i', { metaKey: true }), 'darwin', false)).toBe('importTemplate');
    expect(shortcutFor(key('D', { ctrlKey: true, shiftKey: true }), 'linux', false)).toBe('duplicateAlternative');
    expect(shortcutFor(key('d', { metaKey: true, shiftKey: true }), 'darwin', false)).toBe('duplicateAlternative');
    expect(shortcutFor(key('d', { ctrlKey: true }), 'linux', false)).toBeUndefined();
  });

  it('uses Cmd on macOS', () => {
    expect(shortcutFor(key('z', { metaKey: true }), 'darwin', false)).toBe('undo');
    expect(shortcutFor(key('z', { metaKey: true, shiftKey: true }), 'darwin', false)).toBe('redo');
    expect(shortcutFor(key('z', { ctrlKey: true }), 'darwin', false)).toBeUndefined();
  });

  it('leaves undo, redo and delete to a text field being edited, but still saves', () => {
    expect(shortcutFor(key('z', { ctrlKey: true }), 'linux', true)).toBeUndefined();
    expect(shortcutFor(key('Backspace'), 'linux', true)).toBeUndefined();
    expect(shortcutFor(key('s', { ctrlKey: true }), 'linux', true)).toBe('save');
    expect(shortcutFor(key('a'), 'linux', false)).toBeUndefined();
    expect(shortcutFor(key('z', { ctrlKey: true, altKey: true }), 'linux', false)).toBeUndefined();
  });
});
