import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export type FilterValues<K extends string> = Partial<Record<K, string | undefined>>;

/** A list's filters as URL parameters: a link (dashboard, statistics) opens exactly its items. */
export function useUrlFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(
    () => Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined])) as FilterValues<K>,
    [params, keys],
  );
  const setFilters = useCallback(
    (next: FilterValues<K>) => {
      const p = new URLSearchParams();
      for (const k of keys) {
        const v = next[k];
        if (v) p.set(k, v);
      }
      setParams(p, { replace: true });
    },
    [setParams, keys],
  );
  return [filters, setFilters, keys.some((k) => filters[k])] as const;
}
