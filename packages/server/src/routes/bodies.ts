import { Body, BodyListQuery, IdParams, listOf, Term } from '@yiting/domain';
import { z } from 'zod';
import type { TypedApp } from '../app.ts';
import { decodeCursor, page } from '../cursor.ts';
import { notFound } from '../errors.ts';
import { bodyActorOf } from '../plugins/auth.ts';
import { findBody, listBodies, listTerms, subtreeIds } from '../repositories/bodies.ts';
import type { RouteContext } from './context.ts';

type BodyRow = Awaited<ReturnType<typeof listBodies>>[number];

function presentBody({ body, childCount }: BodyRow): Body {
  return {
    id: body.id,
    parentId: body.parentId,
    name: body.name,
    shortName: body.shortName,
    kind: body.kind as Body['kind'],
    level: body.level as Body['level'],
    regionCode: body.regionCode,
    regionName: body.regionName,
    childCount,
  };
}

export function bodyRoutes(app: TypedApp, { database }: RouteContext) {
  const db = database.db;

  // A body sees itself and the bodies below it (三级人大: city → county → town).
  app.get(
    '/bodies',
    {
      config: { permission: 'body.read' },
      schema: { tags: ['bodies'], querystring: BodyListQuery, response: { 200: listOf(Body) } },
    },
    async (req) => {
      const actor = bodyActorOf(req);
      const { limit, cursor, q, ...filter } = req.query;
      const ids = await subtreeIds(db, actor.bodyId);
      let rows = (await listBodies(db, ids, filter)).map(presentBody);
      if (q) rows = rows.filter((b) => b.name.includes(q) || b.regionName.includes(q));
      const after = decodeCursor(cursor, ['int'])?.[0];
      if (typeof after === 'number') rows = rows.slice(after);
      const offset = typeof after === 'number' ? after : 0;
      const result = page(rows.slice(0, limit + 1), limit, () => [offset + limit]);
      return result;
    },
  );

  app.get(
    '/bodies/:id',
    {
      config: { permission: 'body.read' },
      schema: { tags: ['bodies'], params: IdParams, response: { 200: Body } },
    },
    async (req) => {
      const actor = bodyActorOf(req);
      const ids = await subtreeIds(db, actor.bodyId);
      if (!ids.includes(req.params.id)) throw notFound();
      const [row] = await listBodies(db, [req.params.id], {});
      if (!row) throw notFound();
      return presentBody(row);
    },
  );

  app.get(
    '/terms',
    {
      config: { permission: 'body.read' },
      schema: {
        tags: ['bodies'],
        response: { 200: z.object({ items: z.array(Term), nextCursor: z.null() }) },
      },
    },
    async (req) => {
      const actor = bodyActorOf(req);
      const body = await findBody(db, actor.bodyId);
      if (!body) throw notFound();
      const rows = await listTerms(db, actor.bodyId);
      // A body has a handful of terms; one page always holds them.
      return { items: rows.map((t) => ({ ...t, endDate: t.endDate ?? null })), nextCursor: null };
    },
  );
}
