import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api, type Query } from './client.ts';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A list endpoint read page by page ("load more"); the filters are part of the cache key. */
export function useCursorList<T>(path: string, query: Query, limit = 50) {
  const result = useInfiniteQuery({
    queryKey: [path, query],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<T>>(path, { ...query, limit, cursor: pageParam ?? undefined }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
  const items = result.data?.pages.flatMap((p) => p.items) ?? [];
  return { ...result, items };
}
