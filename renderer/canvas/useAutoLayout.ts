import { useCallback, useEffect, useRef, useState } from 'react';
import type { Command, PerformResult } from '../../core/commands';
import { autoLayoutCommand, type LayoutPositions } from '../../core/layout/positions';
import type { Design } from '../../core/model/design';
import { LayoutClient } from '../iac/layoutClient';

/** How long the nodes glide from where they were to where the layout puts them. */
export const GLIDE_MS = 300;

type Positions = Design['layout']['positions'];

export interface AutoLayoutDeps {
  /** The design now (read when the layout is asked for and again when it arrives). */
  design(): Design;
  selectedNodes: readonly string[];
  dispatch(command: Command): PerformResult;
  info(text: string): void;
  error(text: string): void;
  /** Called after the command is applied, so the laid-out design is brought into view. */
  fitView(): void;
}

/** "Laying out the selection" when two or more nodes are selected, else the whole design. */
export const autoLayoutLabel = (selected: number) => (selected >= 2 ? 'Auto-layout selection' : 'Auto-layout');

/** The selected ids that are design nodes (sticky notes are selectable too, but auto-layout of a
 *  selection lays out nodes; notes follow them, core/layout/notes.ts). */
export const selectedDesignNodes = (design: Pick<Design, 'nodes'>, selected: readonly string[]): string[] =>
  selected.filter((id) => design.nodes.some((n) => n.id === id));

const prefersReducedMotion = () => typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

const ease = (t: number) => (t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2);

/** Positions part-way (t in 0..1) from `from` to `to`, for the nodes `to` moves. */
export function interpolate(from: Positions, to: LayoutPositions, t: number): Positions {
  const out: Positions = { ...from };
  const mix = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? b : Math.round(a + (b - a) * t));
  for (const [id, target] of Object.entries(to)) {
    const start = Object.hasOwn(from, id) ? from[id] : undefined;
    if (!start) {
      out[id] = { ...target };
      continue;
    }
    out[id] = {
      ...start,
      x: mix(start.x, target.x)!,
      y: mix(start.y, target.y)!,
      ...(target.width !== undefined ? { width: mix(start.width ?? target.width, target.width)! } : {}),
      ...(target.height !== undefined ? { height: mix(start.height ?? target.height, target.height)! } : {}),
    };
  }
  return out;
}

/** Auto-layout for the canvas: ELK runs in the layout worker (newest request wins), the nodes glide
 *  to their new places through a transient position override (no command per frame), then ONE
 *  command applies the layout — one undo step. With reduced motion asked for, they jump. */
export function useAutoLayout(deps: AutoLayoutDeps) {
  const [override, setOverride] = useState<Positions | undefined>();
  const [busy, setBusy] = useState(false);
  const latest = useRef(deps);
  latest.current = deps;
  const run = useRef(0);
  const frame = useRef<number | undefined>(undefined);
  // Its own client of the layout worker: an import and an auto-layout never cancel each other.
  const client = useRef<LayoutClient | null>(null);

  useEffect(() => () => {
    if (frame.current !== undefined) cancelAnimationFrame(frame.current);
    client.current?.dispose();
    client.current = null;
  }, []);

  const start = useCallback(async () => {
    const d = latest.current;
    const token = ++run.current;
    if (frame.current !== undefined) cancelAnimationFrame(frame.current);
    setOverride(undefined);
    const design = d.design();
    if (!design.nodes.length) {
      d.info('Nothing to lay out: the design is empty.');
      return;
    }
    const cards = selectedDesignNodes(design, d.selectedNodes);
    const only = cards.length >= 2 ? cards : undefined;
    const label = autoLayoutLabel(only?.length ?? 0);
    setBusy(true);
    let positions: LayoutPositions | null;
    try {
      client.current ??= new LayoutClient();
      positions = await client.current.autoLayout(design, only);
    } catch (err) {
      if (token === run.current) setBusy(false);
      d.error(`Could not lay out the design: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    if (!positions || token !== run.current) return; // a newer request took over
    const now = latest.current.design();
    const command = autoLayoutCommand(now, positions, label);
    if (!command) {
      setBusy(false);
      d.info(only ? 'The selection is already laid out.' : 'The design is already laid out.');
      return;
    }
    const finish = () => {
      frame.current = undefined;
      setOverride(undefined);
      setBusy(false);
      // Re-derived from the design as it is now (a drag during the glide moved a node): one step.
      const current = autoLayoutCommand(latest.current.design(), positions, label);
      if (!current) return;
      const result = latest.current.dispatch(current);
      if (!result.refused) requestAnimationFrame(() => latest.current.fitView());
    };
    if (prefersReducedMotion()) {
      finish();
      return;
    }
    const from = now.layout.positions;
    const began = performance.now();
    const step = (time: number) => {
      if (token !== run.current) return;
      const t = Math.min(1, (time - began) / GLIDE_MS);
      if (t >= 1) {
        finish();
        return;
      }
      setOverride(interpolate(from, positions, ease(t)));
      frame.current = requestAnimationFrame(step);
    };
    frame.current = requestAnimationFrame(step);
  }, []);

  return { start, override, busy };
}
