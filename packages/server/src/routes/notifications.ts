import { IdParams, listOf, Notification, NotificationListQuery } from '@yiting/domain';
import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { TypedApp } from '../app.ts';
import { decodeCursor, page } from '../cursor.ts';
import { notifications } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { bodyActorOf } from '../plugins/auth.ts';
import type { RouteContext } from './context.ts';

/** The signed-in account's own notifications in the current body (reminders, escalations, assignments). */
export function notificationRoutes(app: TypedApp, { database }: RouteContext) {
  const db = database.db;
  const mine = (accountId: string, bodyId: string) =>
    and(eq(notifications.accountId, accountId), eq(notifications.bodyId, bodyId));

  app.get(
    '/notifications',
    {
      config: { permission: 'body.read' },
      schema: {
        tags: ['notifications'],
        querystring: NotificationListQuery,
        response: { 200: listOf(Notification).extend({ unread: z.number().int() }) },
      },
    },
    async (req) => {
      const actor = bodyActorOf(req);
      const { limit, cursor, unread } = req.query;
      const before = decodeCursor(cursor, ['uuid'])?.[0] as string | undefined;
      const rows = await db
        .select()
        .from(notifications)
        .where(
          and(
            mine(actor.account.id, actor.bodyId),
            unread === 'true' ? isNull(notifications.readAt) : undefined,
            before ? lt(notifications.id, before) : undefined,
          ),
        )
        .orderBy(desc(notifications.id))
        .limit(limit + 1);
      const [count] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(notifications)
        .where(and(mine(actor.account.id, actor.bodyId), isNull(notifications.readAt)));
      const p = page(rows, limit, (r) => [r.id]);
      return {
        items: p.items.map((n) => ({
          id: n.id,
          kind: n.kind,
          title: n.title,
          body: n.body,
          itemId: n.itemId,
          createdAt: n.createdAt.toISOString(),
          readAt: n.readAt?.toISOString() ?? null,
        })),
        nextCursor: p.nextCursor,
        unread: count?.n ?? 0,
      };
    },
  );

  app.post(
    '/notifications/:id/read',
    { config: { permission: 'body.read' }, schema: { tags: ['notifications'], params: IdParams } },
    async (req, reply) => {
      const actor = bodyActorOf(req);
      const rows = await db
        .update(notifications)
        .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
        .where(and(eq(notifications.id, req.params.id), mine(actor.account.id, actor.bodyId)))
        .returning({ id: notifications.id });
      if (rows.length === 0) throw notFound();
      return reply.code(204).send();
    },
  );

  app.post(
    '/notifications/read-all',
    { config: { permission: 'body.read' }, schema: { tags: ['notifications'] } },
    async (req, reply) => {
      const actor = bodyActorOf(req);
      await db
        .update(notifications)
        .set({ readAt: sql`now()` })
        .where(and(mine(actor.account.id, actor.bodyId), isNull(notifications.readAt)));
      return reply.code(204).send();
    },
  );
}
