import { current, type Draft } from 'immer';
import type { Design } from '../model/design';
import type { Point } from './layout';

/** Sticky notes: text on the canvas, kept in the layout (`layout.notes`, places in
 *  `layout.positions`), so the analysis, exports and the cost never see them. */
export type NoteCommand =
  | { type: 'addNote'; position: Point; text?: string; id?: string; width?: number; height?: number }
  | { type: 'editNote'; id: string; text: string }
  | { type: 'removeNotes'; ids: readonly string[] };

const TYPES = new Set(['addNote', 'editNote', 'removeNotes']);
export const isNoteCommand = (command: { type: string }): command is NoteCommand => TYPES.has(command.type);

export const NOTE_SIZE = { width: 200, height: 100 } as const;

export function noteCommandLabel(command: NoteCommand): string {
  return command.type === 'addNote' ? 'Add note' : command.type === 'editNote' ? 'Edit note' : command.ids.length === 1 ? 'Delete note' : 'Delete notes';
}

export const isNoteId = (design: Pick<Design, 'layout'>, id: string): boolean => (design.layout.notes ?? []).some((n) => n.id === id);

/** The first free `note-<n>` among node, edge and note ids. */
export function nextNoteId(design: Design): string {
  const taken = new Set([...design.nodes.map((n) => n.id), ...design.edges.map((e) => e.id), ...(design.layout.notes ?? []).map((n) => n.id)]);
  for (let i = 1; ; i++) if (!taken.has(`note-${i}`)) return `note-${i}`;
}

/** Applies a note command to the draft; returns why it was refused, if it was. `created` gets a new note's id. */
export function applyNoteCommand(draft: Draft<Design>, command: NoteCommand, created: string[]): string | undefined {
  switch (command.type) {
    case 'addNote': {
      const snapshot = current(draft) as Design;
      const id = command.id ?? nextNoteId(snapshot);
      if (snapshot.nodes.some((n) => n.id === id) || snapshot.edges.some((e) => e.id === id) || isNoteId(snapshot, id)) return `The id "${id}" is already taken.`;
      if (!Number.isFinite(command.position.x) || !Number.isFinite(command.position.y)) return 'A position must be a finite number.';
      (draft.layout.notes ??= []).push({ id, text: command.text ?? '' });
      draft.layout.positions[id] = { x: command.position.x, y: command.position.y, width: command.width ?? NOTE_SIZE.width, height: command.height ?? NOTE_SIZE.height };
      created.push(id);
      return undefined;
    }
    case 'editNote': {
      const note = draft.layout.notes?.find((n) => n.id === command.id);
      if (!note) return `There is no note "${command.id}" in this design.`;
      note.text = command.text;
      return undefined;
    }
    case 'removeNotes': {
      const ids = new Set(command.ids);
      const notes = draft.layout.notes ?? [];
      for (const id of ids) if (!notes.some((n) => n.id === id)) return `There is no note "${id}" in this design.`;
      draft.layout.notes = notes.filter((n) => !ids.has(n.id));
      for (const id of ids) delete draft.layout.positions[id];
      return undefined;
    }
  }
}
