import { freeze } from 'immer';
import { useCallback, useMemo, useRef, useState } from 'react';
import { History, type Command, type HistoryPolicy, type PerformResult } from '../core/commands';
import { createDesign, type Design } from '../core/model/design';
import { designProblems, parseDesign } from '../core/model/parse';
import type { Problem } from '../core/model/problems';
import { serializeDesign } from '../core/model/serialize';
import type { Selection } from './canvas/Canvas';
import type { Host } from './host';

export interface EditorFile { name: string; handle?: string }

export interface Notices {
  error(text: string): void;
  info(text: string): void;
  problems(title: string, intro: string, problems: readonly Problem[]): void;
}

const EMPTY: Selection = { nodes: [], edges: [] };
export const BLANK_NAME = 'Untitled design';


/** A file name from a design name: "Orders pipeline" → orders-pipeline.design.json. */
export function suggestedFileName(name: string): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'design';
  return `${slug}.design.json`;
}

/** The editor's state: the history (the design and its undo steps), the file it came from, the
 *  selection (never recorded in history) and what loading reported. */
export function useEditor(host: Host, notices: Notices) {
  const history = useRef<History | null>(null);
  if (!history.current) history.current = new History(freeze(createDesign(BLANK_NAME), true));
  const h = history.current;
  const [, setRevision] = useState(0);
  const refresh = useCallback(() => setRevision((r) => r + 1), []);
  const [file, setFile] = useState<EditorFile | null>(null);
  const [savedVersion, setSavedVersion] = useState(h.version);
  const [selection, setSelectionState] = useState<Selection>(EMPTY);
  const [documentKey, setDocumentKey] = useState(0);
  const [loadRepairs, setLoadRepairs] = useState<Problem[]>([]);

  const design = h.design;
  const dirty = h.version !== savedVersion;

  /** Drops selected ids that no longer exist (after undo, delete). */
  const pruneSelection = useCallback((d: Design) => {
    setSelectionState((s) => {
      // Sticky notes are selected like nodes (layout.notes).
      const nodes = s.nodes.filter((id) => d.nodes.some((n) => n.id === id) || d.layout.notes?.some((n) => n.id === id));
      const edges = s.edges.filter((id) => d.edges.some((e) => e.id === id));
      return nodes.length === s.nodes.length && edges.length === s.edges.length ? s : { nodes, edges };
    });
  }, []);

  const dispatch = useCallback((command: Command, policy?: HistoryPolicy): PerformResult => {
    const result = h.apply(command, policy);
    if (result.refused) notices.error(result.refused);
    else {
      pruneSelection(result.design);
      refresh();
      // Range warnings show inline in the inspector; a side effect on another node (a function
      // detached from its VPC when its subnets are deleted) would otherwise go unseen, as would what an
      // added node could not be given (a subnet in a VPC with no free block left).
      for (const w of result.warnings) if (w.code === 'reference' || command.type === 'addNode') notices.info(`${w.target?.name ?? 'Design'}: ${w.message}`);
    }
    return result;
  }, [h, notices, pruneSelection, refresh]);

  const undo = useCallback(() => {
    if (h.undo()) {
      pruneSelection(h.design);
      refresh();
    }
  }, [h, pruneSelection, refresh]);

  /** Takes back a gesture's step with no redo entry (History.discard): a cancelled palette drop. */
  const discard = useCallback((gesture: string) => {
    if (h.discard(gesture)) {
      pruneSelection(h.design);
      refresh();
    }
  }, [h, pruneSelection, refresh]);

  const redo = useCallback(() => {
    if (h.redo()) {
      pruneSelection(h.design);
      refresh();
    }
  }, [h, pruneSelection, refresh]);

  /** Replaces the document. `unsaved`: it exists in no file yet (an imported template), so it
   *  starts with the unsaved marker and closing asks first. */
  const load = useCallback((next: Design, nextFile: EditorFile | null, problems: readonly Problem[] = [], unsaved = false) => {
    // Frozen as every design after it will be (immer freezes what each edit makes, and the design
    // it was made from): designProblems remembers the frozen nodes it has checked, so the first edit
    // after opening checks one node, not all of them (60 ms at 1,000 nodes).
    h.reset(freeze(next, true));
    setSavedVersion(unsaved ? Number.NaN : h.version);
    setFile(nextFile);
    setSelectionState(EMPTY);
    setLoadRepairs(problems.filter((p) => p.repair));
    setDocumentKey((k) => k + 1);
    refresh();
  }, [h, refresh]);

  /** Opens file text: an unreadable file is reported and the current design stays as it was. */
  const openText = useCallback((name: string, text: string, handle?: string): boolean => {
    const parsed = parseDesign(text);
    if (!parsed.ok) {
      notices.problems(`Cannot open ${name}`, 'The file could not be read, so it was not opened. Your current design is unchanged.', parsed.problems);
      return false;
    }
    load(parsed.design, { name, handle }, parsed.problems);
    if (parsed.problems.length) notices.info(`Opened ${name} with ${parsed.problems.length} problem${parsed.problems.length === 1 ? '' : 's'}: see the Problems panel.`);
    return true;
  }, [load, notices]);

  const save = useCallback(async (as: boolean, viewport?: { x: number; y: number; zoom: number }) => {
    const version = h.version;
    const current = h.design;
    const toSave = viewport ? { ...current, layout: { ...current.layout, viewport } } : current;
    const text = serializeDesign(toSave);
    const name = file?.name ?? suggestedFileName(current.name);
    try {
      const saved = as || !file?.handle ? await host.saveDesignAs(text, name) : await host.saveDesign(text, name, file.handle);
      if (!saved) return false;
      setFile({ name: saved.name, handle: saved.handle });
      setSavedVersion(version);
      notices.info(saved.downloaded ? `Downloaded ${saved.name}: the browser does not confirm downloads, so check your downloads folder.` : `Saved ${saved.name}`);
      return true;
    } catch (err) {
      notices.error(`Could not save: ${err instanceof Error ? err.message : String(err)}`);
      return false;
    }
  }, [file, h, host, notices]);

  const setSelection = useCallback((s: Selection) => setSelectionState(s), []);
  /** The file no longer holds what is shown (it changed on disk and the user kept theirs): the
   *  design counts as unsaved until the next save, so closing asks. */
  const markUnsaved = useCallback(() => setSavedVersion(Number.NaN), []);

  const deleteSelection = useCallback(() => {
    const { nodes, edges } = selection;
    if (!nodes.length && !edges.length) return;
    // Edges of deleted nodes go with them; delete only the others explicitly.
    const removedNodes = new Set(nodes);
    const loneEdges = edges.filter((id) => {
      const e = design.edges.find((x) => x.id === id);
      return e && !removedNodes.has(e.from) && !removedNodes.has(e.to);
    });
    const commands: Command[] = [];
    const notes = nodes.filter((id) => design.layout.notes?.some((n) => n.id === id));
    const designNodes = nodes.filter((id) => !notes.includes(id));
    if (loneEdges.length) commands.push({ type: 'removeEdges', ids: loneEdges });
    if (designNodes.length) commands.push({ type: 'removeNodes', ids: designNodes });
    if (notes.length) commands.push({ type: 'removeNotes', ids: notes });
    dispatch(commands.length === 1 ? commands[0] : { type: 'batch', label: 'Delete', commands });
  }, [design.edges, design.layout.notes, dispatch, selection]);

  // The design as the checks and the analysis see it: everything but the layout. `design` itself
  // differs on every move of a drag; `model` changes only when something they read does.
  const { nodes, edges, usage, suppressions, name, region } = design;
  const model = useMemo(() => design, [nodes, edges, usage, suppressions, name, region]);
  // The design's problems as the loader sees them (ranges, references, connections AWS refuses),
  // parsing again only the nodes and edges an edit made.
  const problems = useMemo(() => [...loadRepairs, ...designProblems(model)], [loadRepairs, model]);

  return {
    design, model, file, dirty, selection, documentKey, problems,
    canUndo: h.canUndo, canRedo: h.canRedo, undoLabel: h.undoLabel, redoLabel: h.redoLabel,
    dispatch, undo, redo, discard, load, openText, save, setSelection, deleteSelection, markUnsaved,
  };
}

export type Editor = ReturnType<typeof useEditor>;
