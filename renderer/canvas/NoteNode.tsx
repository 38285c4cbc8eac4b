import { NodeResizer, type Node, type NodeProps } from '@xyflow/react';
import { createContext, memo, useContext, useEffect, useRef, useState } from 'react';
import type { Note } from '../../core/model/design';
import '../styles/editing.css';

export interface NoteFlowData extends Record<string, unknown> { note: Note }
export type NoteFlowNode = Node<NoteFlowData, 'note'>;

/** What a note does to the design: its text, and its box after a resize (each one undo step). */
export interface NoteActions {
  edit(id: string, text: string): void;
  resize(id: string, box: { x: number; y: number; width: number; height: number }): void;
}
export const NoteActionsContext = createContext<NoteActions | null>(null);

/** A sticky note: double-click (or Enter when selected) to write, several lines; Escape or leaving
 *  the field keeps the text. Resizable when selected. Notes are layout: never analysed or exported. */
export const NoteNode = memo(function NoteNode({ id, data, selected }: NodeProps<NoteFlowNode>) {
  const actions = useContext(NoteActionsContext);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(data.note.text);
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (editing) {
      field.current?.focus();
      field.current?.select();
    }
  }, [editing]);
  const start = () => {
    setDraft(data.note.text);
    setEditing(true);
  };
  const commit = () => {
    setEditing(false);
    if (draft !== data.note.text) actions?.edit(id, draft);
  };
  const first = data.note.text.split('\n')[0];
  return (
    <>
      <NodeResizer isVisible={!!selected && !editing} minWidth={120} minHeight={60} onResizeEnd={(_, p) => actions?.resize(id, { x: Math.round(p.x), y: Math.round(p.y), width: Math.round(p.width), height: Math.round(p.height) })} />
      <div
        className="sd-note"
        data-testid={`note-${id}`}
        role="note"
        aria-label={`Note${first ? `: ${first}` : ''}`}
        onDoubleClick={start}
        onKeyDown={(e) => {
          if (!editing && e.key === 'Enter' && e.target === e.currentTarget.closest('.react-flow__node')) start();
        }}
      >
        {editing ? (
          <textarea
            ref={field}
            className="nodrag nowheel nopan"
            aria-label="Note text"
            data-testid="note-editor"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onBlur={commit}
            onKeyDown={(e) => {
              e.stopPropagation();
              if (e.key === 'Escape') {
                e.preventDefault();
                commit();
              }
            }}
          />
        ) : data.note.text ? data.note.text : <span className="sd-note-empty">Double-click to write</span>}
      </div>
    </>
  );
});
