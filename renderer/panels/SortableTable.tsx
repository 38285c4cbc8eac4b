import { Fragment, useMemo, useState, type ReactNode } from 'react';
import '../styles/analysisTables.css';

export interface Column<R> {
  key: string;
  label: string;
  /** What the column sorts by; null sorts last (an "unbounded" time, say, after every number). */
  sortValue(row: R): string | number | null;
  render(row: R): ReactNode;
  numeric?: boolean;
}

export interface SortableTableProps<R> {
  label: string;
  testId: string;
  rowTestId: string;
  columns: readonly Column<R>[];
  rows: readonly R[];
  rowKey(row: R): string;
  /** The canvas item a row stands for: clicking the row (or Enter on its first cell) selects it. */
  onSelectRow(row: R): void;
  /** What a row's first cell says to screen readers ("Select Orders queue → Worker"). */
  rowLabel(row: R): string;
  /** Hop-by-hop details under a row, shown by its disclosure. */
  details(row: R): ReactNode;
  /** Extra attributes for a row (the edge id, the verdict) that tests and styles read. */
  rowData?(row: R): Record<string, string>;
  initialSort?: { key: string; descending: boolean };
  selectedKey?: string;
}

type Sort = { key: string; descending: boolean };

/** Rows drawn before "Show more": a 5,000-node design has over a thousand retry paths. */
export const TABLE_ROWS_SHOWN = 200;

function compare(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'en', { numeric: true, sensitivity: 'base' });
}

/** A design-wide table in the analysis dock: click a header to sort (again to reverse), click a
 *  row to select what it is about on the canvas, open a row for the hop-by-hop details. */
export function SortableTable<R>({ label, testId, rowTestId, columns, rows, rowKey, onSelectRow, rowLabel, details, rowData, initialSort, selectedKey }: SortableTableProps<R>) {
  const [sort, setSort] = useState<Sort | null>(initialSort ?? null);
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const [shown, setShown] = useState(TABLE_ROWS_SHOWN);
  const sorted = useMemo(() => {
    const column = sort && columns.find((c) => c.key === sort.key);
    if (!column || !sort) return rows;
    const sign = sort.descending ? -1 : 1;
    // Stable: equal rows keep the analysis's order.
    return rows.map((r, i) => ({ r, i, v: column.sortValue(r) }))
      .sort((a, b) => {
        const c = compare(a.v, b.v);
        return (c === 0 || a.v === null || b.v === null ? c : sign * c) || a.i - b.i;
      })
      .map((x) => x.r);
  }, [rows, columns, sort]);
  const toggle = (key: string) => setOpen((s) => {
    const next = new Set(s);
    if (!next.delete(key)) next.add(key);
    return next;
  });
  const rest = sorted.length - shown;
  return (
    <>
      <table className="sd-analysis-table" aria-label={label} data-testid={testId}>
        <thead>
          <tr>
            <th scope="col" className="sd-col-toggle"><span className="sd-sr-only">Details</span></th>
            {columns.map((c) => {
              const active = sort?.key === c.key;
              return (
                <th key={c.key} scope="col" className={c.numeric ? 'is-numeric' : undefined} aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                  <button type="button" onClick={() => setSort(active ? { key: c.key, descending: !sort.descending } : { key: c.key, descending: false })} data-testid={`sort-${c.key}`}>
                    {c.label}
                    <span aria-hidden="true" className="sd-sort-mark">{active ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.slice(0, shown).map((row) => {
            const key = rowKey(row);
            const isOpen = open.has(key);
            return (
              <Fragment key={key}>
                <tr className={`sd-analysis-row${selectedKey === key ? ' is-selected' : ''}`} onClick={() => onSelectRow(row)} data-testid={rowTestId} {...Object.fromEntries(Object.entries(rowData?.(row) ?? {}).map(([k, v]) => [`data-${k}`, v]))}>
                  <td className="sd-col-toggle">
                    <button type="button" className={`sd-disclosure${isOpen ? ' is-open' : ''}`} aria-expanded={isOpen} aria-label={`Details: ${rowLabel(row)}`} onClick={(e) => { e.stopPropagation(); toggle(key); }} data-testid={`${rowTestId}-toggle`}>
                      <span aria-hidden="true">▸</span>
                    </button>
                  </td>
                  {columns.map((c, i) => (
                    <td key={c.key} className={c.numeric ? 'is-numeric' : undefined}>
                      {i === 0
                        ? <button type="button" className="sd-link-button" onClick={(e) => { e.stopPropagation(); onSelectRow(row); }} aria-label={`Select ${rowLabel(row)} on the canvas`}>{c.render(row)}</button>
                        : c.render(row)}
                    </td>
                  ))}
                </tr>
                {isOpen && (
                  <tr className="sd-analysis-details-row">
                    <td />
                    <td colSpan={columns.length}>{details(row)}</td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
      {rest > 0 && (
        <button type="button" className="sd-link-button sd-analysis-table-more" onClick={() => setShown((n) => n + TABLE_ROWS_SHOWN)} data-testid={`${rowTestId}-more`}>
          Show {Math.min(rest, TABLE_ROWS_SHOWN)} more of {rest}
        </button>
      )}
    </>
  );
}
