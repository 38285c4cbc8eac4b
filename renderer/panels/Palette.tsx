import { memo, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { NODE_KINDS, type NodeKind } from '../../core/model/kinds';
import { PALETTE_MIME } from '../canvas/Canvas';
import { KindBadge } from '../canvas/nodeTypes';
import { CATEGORIES, type KindCategory } from '../kindStyle';
import { searchKinds } from '../paletteSearch';
import '../styles/editing.css';

const groups = (Object.keys(CATEGORIES) as KindCategory[])
  .map((category) => ({ category, kinds: NODE_KINDS.filter((k) => k.category === category) }))
  .filter((g) => g.kinds.length > 0);
const byKind = new Map(NODE_KINDS.map((k) => [k.kind, k]));

interface PaletteProps {
  onAdd(kind: NodeKind): void;
  /** Adds a text note in the middle of the view. */
  onAddNote?(): void;
  /** Changes when the search field should take the cursor (the P key). */
  focusSearch?: number;
}

/** Every resource kind, grouped by category, with a search field on top (name or alias: "queue" →
 *  SQS; Enter adds the first match, Escape clears). Drag one onto the canvas, or click to add it in
 *  the middle of the view (the keyboard way). */
export const Palette = memo(function Palette({ onAdd, onAddNote, focusSearch }: PaletteProps) {
  const [query, setQuery] = useState('');
  const search = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusSearch) {
      search.current?.focus();
      search.current?.select();
    }
  }, [focusSearch]);
  const matches = useMemo(() => searchKinds(query), [query]);
  const onDragStart = (event: DragEvent, kind: string) => {
    event.dataTransfer.setData(PALETTE_MIME, kind);
    event.dataTransfer.effectAllowed = 'copy';
  };
  const item = (kind: NodeKind, first = false) => {
    const k = byKind.get(kind);
    if (!k) return null;
    return (
      <li key={k.kind}>
        <button
          type="button"
          className={`sd-palette-item${first ? ' is-first-match' : ''}`}
          draggable
          onDragStart={(e) => onDragStart(e, k.kind)}
          onClick={() => onAdd(k.kind)}
          title={`Drag onto the canvas, or click to add a ${k.label}`}
          data-testid={`palette-${k.kind}`}
        >
          <KindBadge kind={k.kind} size={22} />
          <span>{k.label}</span>
        </button>
      </li>
    );
  };
  const searching = query.trim() !== '';
  return (
    <nav className="sd-palette" aria-label="Resources">
      <h2 className="sd-panel-title">Resources</h2>
      <input
        ref={search}
        type="search"
        className="sd-palette-search"
        placeholder="Search resources (P)"
        aria-label="Search resources"
        data-testid="palette-search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && matches.length) {
            e.preventDefault();
            onAdd(matches[0]);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            if (query) setQuery('');
            else search.current?.blur();
          }
        }}
      />
      {searching ? (
        <section className="sd-palette-group" aria-label="Matching resources">
          {matches.length
            ? <ul data-testid="palette-matches">{matches.map((k, i) => item(k, i === 0))}</ul>
            : <p className="sd-palette-empty" role="status">No resource matches “{query.trim()}”.</p>}
        </section>
      ) : groups.map((g) => (
        <section key={g.category} className="sd-palette-group">
          <h3 style={{ color: CATEGORIES[g.category].color }}>{CATEGORIES[g.category].title}</h3>
          <ul>{g.kinds.map((k) => item(k.kind))}</ul>
        </section>
      ))}
      {onAddNote && !searching && (
        <section className="sd-palette-group">
          <h3>Annotation</h3>
          <ul>
            <li>
              <button type="button" className="sd-palette-item" onClick={onAddNote} title="Add a text note in the middle of the view (N)" data-testid="palette-note">
                <span aria-hidden="true" className="sd-palette-note-icon">✎</span>
                <span>Note</span>
              </button>
            </li>
          </ul>
        </section>
      )}
    </nav>
  );
});
