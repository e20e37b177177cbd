import { useQuery } from '@tanstack/react-query';
import type { Unit } from '@yiting/domain';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/useCursorList.ts';

/** Units for pickers: the body's own and the shared government departments (one page of 200 is plenty). */
export function useUnitOptions(enabled = true) {
  return useQuery({
    queryKey: ['/units', 'options'],
    queryFn: () => api.get<Page<Unit>>('/units', { limit: 200 }),
    select: (page) => page.items,
    enabled,
    staleTime: 60_000,
  });
}
