import { memo, type DragEvent } from 'react';
import { NODE_KINDS, type NodeKind } from '../../core/model/kinds';
import { PALETTE_MIME } from '../canvas/Canvas';
import { KindBadge } from '../canvas/nodeTypes';
import { CATEGORIES, type KindCategory } from '../kindStyle';

const groups = (Object.keys(CATEGORIES) as KindCategory[])
  .map((category) => ({ category, kinds: NODE_KINDS.filter((k) => k.category === category) }))
  .filter((g) => g.kinds.length > 0);

/** Every resource kind, grouped by category. Drag one onto the canvas, or click to add it in the
 *  middle of the view (the keyboard way). */
export const Palette = memo(function Palette({ onAdd }: { onAdd(kind: NodeKind): void }) {
  const onDragStart = (event: DragEvent, kind: string) => {
    event.dataTransfer.setData(PALETTE_MIME, kind);
    event.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <nav className="sd-palette" aria-label="Resources">
      <h2 className="sd-panel-title">Resources</h2>
      {groups.map((g) => (
        <section key={g.category} className="sd-palette-group">
          <h3 style={{ color: CATEGORIES[g.category].color }}>{CATEGORIES[g.category].title}</h3>
          <ul>
            {g.kinds.map((k) => (
              <li key={k.kind}>
                <button
                  type="button"
                  className="sd-palette-item"
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
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
});
