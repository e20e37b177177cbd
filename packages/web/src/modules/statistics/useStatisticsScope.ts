import { useQuery } from '@tanstack/react-query';
import type { ProposalKind, StatisticsScopes } from '@yiting/domain';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';

export interface StatisticsScope {
  year?: number | undefined;
  sessionTerm?: number | undefined;
  sessionMeeting?: number | undefined;
}

/** `?year=2025` (or `all`) and `?session=14-4`, as the page keeps them in its URL. */
function parse(year: string | null, session: string | null): StatisticsScope {
  const y = Number(year);
  const [term, meeting] = (session ?? '').split('-').map(Number);
  return {
    year: Number.isInteger(y) && y > 0 ? y : undefined,
    ...(term && meeting ? { sessionTerm: term, sessionMeeting: meeting } : {}),
  };
}

/** The body's current session when it has something to count, else the latest year with data. */
function defaultScope(s: StatisticsScopes): StatisticsScope {
  const current = s.currentSession;
  if (current && s.sessions.some((x) => x.term === current.term && x.meeting === current.meeting))
    return { sessionTerm: current.term, sessionMeeting: current.meeting };
  return s.years[0] ? { year: s.years[0] } : {};
}

export const sessionKey = (term: number, meeting: number) => `${term}-${meeting}`;

/**
 * The year and session the statistics are asked for: from the URL when it names them (so a figure's list
 * and the way back keep the choice), else the default once the body's scopes are known.
 */
export function useStatisticsScope(kind: ProposalKind) {
  const [params, setParams] = useSearchParams();
  const scopes = useQuery({
    queryKey: ['/statistics/scopes', kind],
    queryFn: ({ signal }) => api.get<StatisticsScopes>('/statistics/scopes', { kind }, signal),
  });
  const year = params.get('year');
  const session = params.get('session');
  const scope = useMemo<StatisticsScope | null>(() => {
    if (year !== null || session !== null) return parse(year, session);
    return scopes.data ? defaultScope(scopes.data) : null;
  }, [year, session, scopes.data]);
  const setScope = useCallback(
    (next: StatisticsScope) => {
      const p = new URLSearchParams();
      if (next.year) p.set('year', String(next.year));
      if (next.sessionTerm && next.sessionMeeting)
        p.set('session', sessionKey(next.sessionTerm, next.sessionMeeting));
      // Neither: every year and session, said explicitly so that the default does not come back.
      if (!p.size) p.set('year', 'all');
      setParams(p, { replace: true });
    },
    [setParams],
  );
  return { scope, scopes, setScope };
}
