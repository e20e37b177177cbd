import { type QueryClient, useQuery } from '@tanstack/react-query';
import type { Me } from '@yiting/domain';
import { isApiError } from '../../api/ApiError.ts';
import { api, setCsrfToken } from '../../api/client.ts';

export const ME_KEY = ['me'] as const;

/** The signed-in account, or null when there is no session (401 is an answer here, not an error). */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (e) {
    if (isApiError(e) && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

/** Stores a Me answered by sign-in or a body switch; its CSRF token guards every later write. */
export function storeMe(queryClient: QueryClient, me: Me | null) {
  setCsrfToken(me?.csrfToken ?? null);
  queryClient.setQueryData(ME_KEY, me);
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
}
