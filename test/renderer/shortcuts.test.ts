import { describe, expect, it } from 'vitest';
import { comboLabel, shortcutFor, shortcutLabels, SHORTCUTS, type KeyLike } from '../../renderer/shortcuts';

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
    expect(shortcutFor(key('d', { ctrlKey: true }), 'linux', false)).toBe('duplicate');
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

  it('maps the diagram-editing keys, and leaves them to a text field', () => {
    expect(shortcutFor(key('c', { ctrlKey: true }), 'linux', false)).toBe('copy');
    expect(shortcutFor(key('x', { metaKey: true }), 'darwin', false)).toBe('cut');
    expect(shortcutFor(key('v', { ctrlKey: true }), 'browser', false)).toBe('paste');
    expect(shortcutFor(key('a', { ctrlKey: true }), 'linux', false)).toBe('selectAll');
    expect(shortcutFor(key('c', { ctrlKey: true }), 'linux', true)).toBeUndefined();
    expect(shortcutFor(key('a', { ctrlKey: true }), 'linux', true)).toBeUndefined();
    expect(shortcutFor(key('ArrowLeft'), 'linux', false)).toBe('nudgeLeft');
    expect(shortcutFor(key('ArrowDown', { shiftKey: true }), 'linux', false)).toBe('nudgeDown');
    expect(shortcutFor(key('ArrowDown', { ctrlKey: true }), 'linux', false)).toBeUndefined();
    expect(shortcutFor(key('G', { shiftKey: true }), 'linux', false)).toBe('toggleSnap');
    expect(shortcutFor(key('g'), 'linux', false)).toBeUndefined();
    // Shift+1 / Shift+2 by the physical key, whatever they type on this layout.
    expect(shortcutFor(key('!', { shiftKey: true, code: 'Digit1' }), 'linux', false)).toBe('zoomToFit');
    expect(shortcutFor(key('"', { shiftKey: true, code: 'Digit2' }), 'linux', false)).toBe('zoomToSelection');
    expect(shortcutFor(key('?', { shiftKey: true }), 'linux', false)).toBe('showShortcuts');
    expect(shortcutFor(key('?', { shiftKey: true }), 'linux', true)).toBeUndefined();
    expect(shortcutFor(key('Escape'), 'linux', false)).toBe('clearSelection');
  });

  it('no key press means two actions: every combination belongs to one row', () => {
    const seen = new Map<string, string>();
    for (const s of SHORTCUTS) for (const c of s.combos) for (const k of c.keys) {
      const id = `${c.mod ? 'mod+' : ''}${c.alt ? 'alt+' : ''}${c.shift === true ? 'shift+' : c.shift === 'any' ? 'anyshift+' : ''}${c.ctrlOnly ? 'ctrl+' : ''}${k}`;
      expect(seen.get(id), id).toBeUndefined();
      seen.set(id, s.action);
    }
  });

  it('writes keys the platform way for the sheet', () => {
    expect(comboLabel({ keys: ['s'], mod: true, shift: true }, 'linux')).toBe('Ctrl+Shift+S');
    expect(comboLabel({ keys: ['s'], mod: true, shift: true }, 'darwin')).toBe('⌘⇧S');
    expect(shortcutLabels('copy', 'browser')).toEqual(['Ctrl+C']);
    expect(shortcutLabels('delete', 'linux')).toEqual(['Delete', 'Backspace']);
    expect(shortcutLabels('redo', 'darwin')).toEqual(['⌘⇧Z']);
    expect(shortcutLabels('redo', 'linux')).toEqual(['Ctrl+Shift+Z', 'Ctrl+Y']);
    expect(shortcutLabels('zoomToFit', 'linux')).toEqual(['Shift+1']);
  });
});
