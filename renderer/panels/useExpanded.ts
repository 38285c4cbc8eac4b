import { useCallback, useState } from 'react';

/** Which rows of a list are expanded, by a key that survives re-computation of the list (a new
 *  analysis or estimate makes new row objects; an open row stays open). */
export function useExpanded(): [ReadonlySet<string>, (key: string) => void] {
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = useCallback((key: string) => setOpen((s) => {
    const next = new Set(s);
    if (!next.delete(key)) next.add(key);
    return next;
  }), []);
  return [open, toggle];
}
