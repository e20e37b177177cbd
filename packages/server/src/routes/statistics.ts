import { Statistics, StatisticsQuery, StatisticsScopes, StatisticsScopesQuery } from '@yiting/domain';
import type { TypedApp } from '../app.ts';
import type { Db } from '../db/client.ts';
import { sendFile, XLSX } from '../http.ts';
import { bodyActorOf } from '../plugins/auth.ts';
import { statistics, statisticsScopes } from '../repositories/statistics.ts';
import { trackingConfig } from '../tracking/config.ts';
import { statisticsWorkbook } from '../xlsx/statistics.ts';
import type { RouteContext } from './context.ts';

async function compute(db: Db, bodyId: string, q: StatisticsQuery) {
  const config = await trackingConfig(db, bodyId);
  return statistics(db, {
    bodyId,
    year: q.year,
    sessionTerm: q.sessionTerm,
    sessionMeeting: q.sessionMeeting,
    kind: q.kind,
    unsatisfied: config.proposal.unsatisfiedRatings,
  });
}

/** Statistics of proposals and public-opinion reports for a year and/or a session (docs/statistics.md). */
export function statisticsRoutes(app: TypedApp, { database }: RouteContext) {
  app.get(
    '/statistics',
    {
      config: { permission: 'statistics.read' },
      schema: { tags: ['statistics'], querystring: StatisticsQuery, response: { 200: Statistics } },
    },
    async (req) => compute(database.db, bodyActorOf(req).bodyId, req.query),
  );

  app.get(
    '/statistics/scopes',
    {
      config: { permission: 'statistics.read' },
      schema: {
        tags: ['statistics'],
        summary: 'The years and sessions with items to count, and the body’s current session',
        querystring: StatisticsScopesQuery,
        response: { 200: StatisticsScopes },
      },
    },
    async (req) => {
      const { bodyId } = bodyActorOf(req);
      const config = await trackingConfig(database.db, bodyId);
      return {
        ...(await statisticsScopes(database.db, { bodyId, kind: req.query.kind })),
        currentSession: config.proposalSession,
      };
    },
  );

  app.get(
    '/statistics.xlsx',
    {
      config: { permission: 'statistics.read' },
      schema: {
        tags: ['statistics'],
        summary: 'The statistics’ tables as an .xlsx, one sheet per table',
        querystring: StatisticsQuery,
      },
    },
    async (req, reply) => {
      const q = req.query;
      const s = await compute(database.db, bodyActorOf(req).bodyId, q);
      const scope = [q.year, q.sessionTerm && `${q.sessionTerm}-${q.sessionMeeting ?? ''}`]
        .filter(Boolean)
        .join('_');
      const name = `statistics-${q.kind}${scope ? `-${scope}` : ''}.xlsx`;
      return sendFile(reply, XLSX, await statisticsWorkbook(s), name, `统计-${name.slice(11)}`);
    },
  );
}
