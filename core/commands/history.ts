import { applyPatches, produceWithPatches, type Patch } from 'immer';
import type { Design } from '../model/design';
import { commandLabel, perform, type Command, type PerformResult } from './commands';

/** record: one undo step; squash: merge into the previous step when it is the same gesture (the
 *  moves of one drag); ignore: apply without an undo step (viewport, nothing the user "did");
 *  { join: gesture }: merge into the newest step when that step belongs to this gesture (a drag's
 *  moves, or an earlier join), taking this command's label — what a drop does after the drag (put the
 *  card in the subnet it was dropped on) or a resize gesture's several commands become ONE undo
 *  step; a join that brings the design back to where the step started removes the step (a cancelled
 *  drop). With no step of that gesture on top it records a new step tagged with it. */
export type HistoryPolicy = 'record' | 'squash' | 'ignore' | { join: string };

export function defaultPolicy(command: Command): HistoryPolicy {
  if (command.type === 'move' || command.type === 'resize') return 'squash';
  if (command.type === 'setViewport') return 'ignore';
  return 'record';
}

/** Consecutive commands with the same key merge under the squash policy. */
function squashKey(command: Command): string | undefined {
  if (command.type === 'move') return `move:${Object.keys(command.positions).sort().join(',')}:${command.gesture ?? ''}`;
  if (command.type === 'resize') return `resize:${command.nodeId}:${command.gesture ?? ''}`;
  return undefined;
}

interface Entry {
  /** Unique and increasing: the document's version after this step (dirty tracking). */
  version: number;
  label: string;
  patches: Patch[];
  inversePatches: Patch[];
  squashKey?: string;
  /** The gesture (drag, resize) this step belongs to, for `{ join }`. */
  gesture?: string;
  /** The design before this step; kept only on the newest entry, for squashing into it. */
  before?: Design;
}

export interface HistoryOptions {
  /** Undo depth; draw.io's default is 100. */
  limit?: number;
}

/** Undo/redo over immer patches. Designs are immutable values, so `design` is always the latest. */
export class History {
  private undoStack: Entry[] = [];
  private redoStack: Entry[] = [];
  private nextVersion = 1;
  private currentDesign: Design;
  private currentVersion = 0;
  /** The version undo returns to when the stack is empty (moves up when old steps are dropped). */
  private baseVersion = 0;
  readonly limit: number;

  constructor(design: Design, options: HistoryOptions = {}) {
    this.currentDesign = design;
    this.limit = options.limit ?? 200;
  }

  get design(): Design {
    return this.currentDesign;
  }

  /** Changes whenever the document does (not for ignored edits): compare with the version at save. */
  get version(): number {
    return this.currentVersion;
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  get undoLabel(): string | undefined {
    return this.undoStack[this.undoStack.length - 1]?.label;
  }

  get redoLabel(): string | undefined {
    return this.redoStack[this.redoStack.length - 1]?.label;
  }

  /** Performs `command` and records it per `policy`. A refused command changes nothing. */
  apply(command: Command, policy: HistoryPolicy = defaultPolicy(command)): PerformResult {
    const before = this.currentDesign;
    const result = perform(before, command);
    if (result.refused || result.patches.length === 0) return result;
    this.currentDesign = result.design;
    if (policy === 'ignore') return result;

    const key = squashKey(command);
    const top = this.undoStack[this.undoStack.length - 1];
    if (typeof policy === 'object' && top?.before && top.gesture === policy.join && this.redoStack.length === 0) {
      const [, patches, inversePatches] = produceWithPatches(top.before, (draft) => {
        applyPatches(draft, top.patches);
        applyPatches(draft, result.patches);
      });
      if (!patches.length) {
        // Back where the gesture started: no step at all.
        this.undoStack.pop();
        this.currentDesign = top.before;
        this.currentVersion = this.undoStack[this.undoStack.length - 1]?.version ?? this.baseVersion;
        return result;
      }
      top.patches = patches;
      top.inversePatches = inversePatches;
      top.label = commandLabel(command);
      top.squashKey = undefined;
      top.version = this.nextVersion++;
      this.currentVersion = top.version;
      return result;
    }
    if (policy === 'squash' && top?.before && key !== undefined && top.squashKey === key && this.redoStack.length === 0) {
      // Replay both steps from the state before the first, so the merged step's patches are minimal.
      const [, patches, inversePatches] = produceWithPatches(top.before, (draft) => {
        applyPatches(draft, top.patches);
        applyPatches(draft, result.patches);
      });
      top.patches = patches;
      top.inversePatches = inversePatches;
      top.version = this.nextVersion++;
      this.currentVersion = top.version;
      return result;
    }

    if (top) top.before = undefined;
    const gesture = typeof policy === 'object' ? policy.join : command.type === 'move' || command.type === 'resize' ? command.gesture : undefined;
    const entry: Entry = { version: this.nextVersion++, label: commandLabel(command), patches: result.patches, inversePatches: result.inversePatches, squashKey: key, before, ...(gesture !== undefined ? { gesture } : {}) };
    this.undoStack.push(entry);
    if (this.undoStack.length > this.limit) this.baseVersion = this.undoStack.shift()?.version ?? this.baseVersion;
    this.redoStack = [];
    this.currentVersion = entry.version;
    return result;
  }

  undo(): boolean {
    const entry = this.undoStack.pop();
    if (!entry) return false;
    this.currentDesign = applyPatches(this.currentDesign, entry.inversePatches);
    entry.before = undefined;
    this.redoStack.push(entry);
    this.currentVersion = this.undoStack[this.undoStack.length - 1]?.version ?? this.baseVersion;
    return true;
  }

  redo(): boolean {
    const entry = this.redoStack.pop();
    if (!entry) return false;
    this.currentDesign = applyPatches(this.currentDesign, entry.patches);
    this.undoStack.push(entry);
    this.currentVersion = entry.version;
    return true;
  }

  /** Takes back the newest step when it belongs to `gesture` (a `{ join }` step) and forgets it:
   *  no redo entry, the version it started from. A cancelled palette drop: the node it added goes
   *  again, as if never dropped (removing it by a command would leave a step behind whenever the
   *  removal touches more than the add did). false, changing nothing, when the newest step is
   *  another (an edit made meanwhile) or something was undone. */
  discard(gesture: string): boolean {
    const top = this.undoStack[this.undoStack.length - 1];
    if (!top || top.gesture !== gesture || this.redoStack.length) return false;
    this.undoStack.pop();
    this.currentDesign = applyPatches(this.currentDesign, top.inversePatches);
    this.currentVersion = this.undoStack[this.undoStack.length - 1]?.version ?? this.baseVersion;
    return true;
  }

  /** Starts over from `design` (New, Open): the old steps belong to another document. */
  reset(design: Design): void {
    this.currentDesign = design;
    this.undoStack = [];
    this.redoStack = [];
    this.baseVersion = this.nextVersion++;
    this.currentVersion = this.baseVersion;
  }
}
