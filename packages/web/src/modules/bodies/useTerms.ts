import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/useCursorList.ts';

export interface TermItem {
  id: string;
  bodyId: string;
  number: number;
  name: string;
  startDate: string;
  endDate: string | null;
}

export function useTerms(enabled = true) {
  return useQuery({
    queryKey: ['/terms'],
    queryFn: () => api.get<Page<TermItem>>('/terms'),
    select: (page) => page.items,
    enabled,
    staleTime: 5 * 60_000,
  });
}
