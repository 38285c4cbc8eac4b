import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { ALIGN_MODES, arrangeCommand, arrangeRefusal, DISTRIBUTE_MODES, type ArrangeMode } from '../core/commands/arrange';
import { copyFragment, parseFragment, serializeFragment, type Fragment } from '../core/commands/clipboard';
import type { Design } from '../core/model/design';
import { own } from '../core/model/own';
import { placementOf } from '../core/model/placement';
import { GRID, type CanvasHandle } from './canvas/Canvas';
import type { NoteActions } from './canvas/NoteNode';
import { NOTE_SIZE } from '../core/commands/notes';
import type { ArrangeOption } from './panels/EditTools';
import { isTextField } from './shortcuts';
import type { Editor, Notices } from './useEditor';

/** The copied fragment inside this window: used when the system clipboard refuses (no permission),
 *  and the text it was last written as, to offset repeated pastes. Module-level: it outlives a
 *  document, so copy in one design and paste in the next. */
let appClipboard: string | undefined;
let pasteRound = { text: '', count: 0 };
/** Each paste of the same copy lands this much further down and right. */
export const PASTE_STEP = 24;

const SNAP_KEY = 'sd-snap';
const readSnap = (): boolean => {
  try {
    return localStorage.getItem(SNAP_KEY) === 'on';
  } catch {
    return false;
  }
};

/** A nudge burst: arrow presses less than this apart, on the same selection, are one undo step. */
const BURST_MS = 800;

/** Diagram editing over the editor: clipboard (copy / cut / paste / duplicate, through the system
 *  clipboard with an in-window fallback), select all, arrow-key nudges, align / distribute, snap. */
export function useEditing({ editor, notices, canvas }: { editor: Editor; notices: Notices; canvas: RefObject<CanvasHandle | null> }) {
  const latest = useRef(editor);
  latest.current = editor;
  const [snapOn, setSnapOn] = useState(readSnap);
  const toggleSnap = useCallback(() => setSnapOn((on) => {
    try {
      localStorage.setItem(SNAP_KEY, on ? 'off' : 'on');
    } catch { /* storage unavailable: the toggle still works for this window */ }
    return !on;
  }), []);

  const selectCreated = useCallback((design: Design, created: readonly string[]) => {
    const nodes = new Set([...design.nodes.map((n) => n.id), ...(design.layout.notes ?? []).map((n) => n.id)]);
    latest.current.setSelection({ nodes: created.filter((id) => nodes.has(id)), edges: created.filter((id) => !nodes.has(id)) });
  }, []);

  const fragmentOfSelection = useCallback((): Fragment | undefined => {
    const { design, selection } = latest.current;
    if (!selection.nodes.length) {
      notices.info('Select resources first (click, Shift-click or drag a box around them).');
      return undefined;
    }
    return copyFragment(design, selection);
  }, [notices]);

  /** Puts the fragment on the clipboard; `cut`: the first paste lands where the originals were. */
  const writeClipboard = useCallback(async (fragment: Fragment, cut: boolean) => {
    const text = serializeFragment(fragment);
    appClipboard = text;
    pasteRound = { text, count: cut ? 0 : 1 };
    try {
      await navigator.clipboard.writeText(text);
    } catch { /* no permission: the in-window copy serves this window */ }
    const n = fragment.nodes.length;
    notices.info(`${cut ? 'Cut' : 'Copied'} ${n} resource${n === 1 ? '' : 's'}${fragment.edges.length ? ` and ${fragment.edges.length} connection${fragment.edges.length === 1 ? '' : 's'}` : ''}.`);
  }, [notices]);

  const copy = useCallback(async () => {
    const fragment = fragmentOfSelection();
    if (fragment) await writeClipboard(fragment, false);
  }, [fragmentOfSelection, writeClipboard]);

  const cut = useCallback(async () => {
    const fragment = fragmentOfSelection();
    if (!fragment) return;
    await writeClipboard(fragment, true);
    latest.current.deleteSelection();
  }, [fragmentOfSelection, writeClipboard]);

  /** Pastes clipboard text: a fragment is validated first; anything else changes nothing and says so. */
  const pasteText = useCallback((text: string | undefined) => {
    if (!text) {
      notices.info('Nothing to paste: copy resources first.');
      return;
    }
    const parsed = parseFragment(text);
    if (!parsed.ok) {
      notices.error(parsed.message);
      return;
    }
    if (pasteRound.text !== text) pasteRound = { text, count: 1 };
    const step = PASTE_STEP * pasteRound.count;
    const result = latest.current.dispatch({ type: 'paste', fragment: parsed.fragment, offset: { x: step, y: step } });
    if (result.refused) return;
    pasteRound = { text, count: pasteRound.count + 1 };
    selectCreated(result.design, result.created);
  }, [notices, selectCreated]);

  const paste = useCallback(async () => {
    let text: string | undefined;
    try {
      text = await navigator.clipboard.readText();
    } catch {
      text = undefined; // refused: this window's own copy
    }
    pasteText(text || appClipboard);
  }, [pasteText]);

  const duplicate = useCallback(() => {
    const fragment = fragmentOfSelection();
    if (!fragment) return;
    const result = latest.current.dispatch({ type: 'paste', fragment, offset: { x: PASTE_STEP, y: PASTE_STEP }, label: 'Duplicate' });
    if (!result.refused) selectCreated(result.design, result.created);
  }, [fragmentOfSelection, selectCreated]);

  const selectAll = useCallback(() => {
    const { design } = latest.current;
    latest.current.setSelection({ nodes: [...design.nodes.map((n) => n.id), ...(design.layout.notes ?? []).map((n) => n.id)], edges: design.edges.map((e) => e.id) });
  }, []);

  const burst = useRef<{ gesture: string; design: Design; key: string; at: number } | undefined>(undefined);
  const burstSeq = useRef(0);
  const nudge = useCallback((dx: number, dy: number, far: boolean) => {
    const { design, selection, dispatch } = latest.current;
    const ids = new Set(selection.nodes.filter((id) => design.nodes.some((n) => n.id === id) || design.layout.notes?.some((n) => n.id === id)));
    if (!ids.size) return;
    // A node inside a selected container moves with it already.
    const placement = placementOf(design);
    const byId = new Map(design.nodes.map((n) => [n.id, n]));
    const inSelected = (id: string) => {
      for (let up = placement.get(id)?.drawParent ?? byId.get(id)?.parent, guard = 0; up && guard < 64; up = placement.get(up)?.drawParent ?? byId.get(up)?.parent, guard++) {
        if (ids.has(up)) return true;
      }
      return false;
    };
    const step = GRID * (far ? 10 : 1);
    const positions: Record<string, { x: number; y: number }> = {};
    for (const id of ids) {
      if (inSelected(id)) continue;
      const p = own(design.layout.positions, id) ?? { x: 0, y: 0 };
      positions[id] = { x: p.x + dx * step, y: p.y + dy * step };
    }
    const key = Object.keys(positions).sort().join(',');
    const now = Date.now();
    const b = burst.current;
    const gesture = b && b.design === design && b.key === key && now - b.at < BURST_MS ? b.gesture : `nudge-${++burstSeq.current}`;
    const result = dispatch({ type: 'move', positions, gesture });
    if (!result.refused) {
      burst.current = { gesture, design: result.design, key, at: now };
      // The next press may come before React renders this one: read the design from here.
      latest.current = { ...latest.current, design: result.design };
    }
  }, []);

  const arrangeOptions: ArrangeOption[] = useMemo(
    () => [...ALIGN_MODES, ...DISTRIBUTE_MODES].map((mode) => ({ mode, disabledReason: arrangeRefusal(editor.design, editor.selection.nodes, mode) })),
    [editor.design, editor.selection.nodes],
  );
  const arrange = useCallback((mode: ArrangeMode) => {
    const { design, selection, dispatch } = latest.current;
    const r = arrangeCommand(design, selection.nodes, mode, canvas.current?.drawnSizes());
    if ('refused' in r) notices.error(r.refused);
    else dispatch(r.command);
  }, [canvas, notices]);

  // Edit → Cut / Copy / Paste from the desktop menu (its roles raise the DOM events): the canvas's,
  // unless a text field or selected text is what they are about.
  useEffect(() => {
    const textSelected = () => {
      const s = window.getSelection();
      return !!s && !s.isCollapsed && s.toString().trim() !== '';
    };
    const onCopy = (e: ClipboardEvent) => {
      if (isTextField(document.activeElement) || textSelected() || !latest.current.selection.nodes.length || !e.clipboardData) return;
      e.preventDefault();
      const fragment = copyFragment(latest.current.design, latest.current.selection);
      const text = serializeFragment(fragment);
      e.clipboardData.setData('text/plain', text);
      appClipboard = text;
      pasteRound = { text, count: e.type === 'cut' ? 0 : 1 };
      if (e.type === 'cut') latest.current.deleteSelection();
    };
    const onPaste = (e: ClipboardEvent) => {
      if (isTextField(document.activeElement) || !e.clipboardData || document.querySelector('.sd-modal, .sd-welcome')) return;
      e.preventDefault();
      pasteText(e.clipboardData.getData('text/plain') || appClipboard);
    };
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, [pasteText]);

  /** A sticky note in the middle of the view, selected. */
  const addNote = useCallback(() => {
    const c = canvas.current?.visibleCenter() ?? { x: 0, y: 0 };
    const result = latest.current.dispatch({ type: 'addNote', position: { x: Math.round(c.x - NOTE_SIZE.width / 2), y: Math.round(c.y - NOTE_SIZE.height / 2) } });
    if (!result.refused) latest.current.setSelection({ nodes: result.created, edges: [] });
  }, [canvas]);
  const noteActions: NoteActions = useMemo(() => ({
    edit: (id, text) => latest.current.dispatch({ type: 'editNote', id, text }),
    resize: (id, box) => latest.current.dispatch({ type: 'batch', label: 'Resize note', commands: [{ type: 'move', positions: { [id]: { x: box.x, y: box.y } } }, { type: 'resize', nodeId: id, width: box.width, height: box.height }] }),
  }), []);

  return { snapOn, toggleSnap, copy, cut, paste, duplicate, selectAll, nudge, arrangeOptions, arrange, addNote, noteActions };
}
