import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { fireItemAction } from './fireItemAction.ts';

/**
 * Fires one action of a tracked item, then refreshes what it may have changed: the type's lists and
 * items, the dashboard, notifications. The action bar and shortcuts (e.g. merging into a similar
 * proposal) go through it.
 */
export function useItemAction<T>(path: string) {
  const queryClient = useQueryClient();
  return useCallback(
    async (item: { id: string; version: number }, action: string, payload: Record<string, unknown>) => {
      const next = await fireItemAction<T>(path, item, action, payload);
      await queryClient.invalidateQueries({
        predicate: (q) =>
          String(q.queryKey[0]).startsWith(path) ||
          /^\/(dashboard|notifications)/.test(String(q.queryKey[0])),
      });
      return next;
    },
    [path, queryClient],
  );
}
