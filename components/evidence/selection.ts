import { useSyncExternalStore } from 'react';

// The captures ticked with `evidence-select`, shared by the dashboard's views: the export and
// the complaint bundles (#cases) act on the same selection.

let selected: ReadonlySet<string> = new Set();
const listeners = new Set<() => void>();

export function setSelected(ids: readonly string[], on: boolean): void {
  const next = new Set(selected);
  for (const id of ids)
    if (on) next.add(id);
    else next.delete(id);
  selected = next;
  for (const l of listeners) l();
}

export function selectedIds(): string[] {
  return [...selected];
}

export function useSelection(): ReadonlySet<string> {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => selected,
  );
}
