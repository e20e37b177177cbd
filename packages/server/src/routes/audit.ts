import { AuditEntry, AuditListQuery, listOf } from '@yiting/domain';
import { and, desc, eq, gte, lt, lte } from 'drizzle-orm';
import type { TypedApp } from '../app.ts';
import { decodeCursor, page } from '../cursor.ts';
import { auditLog } from '../db/schema.ts';
import { bodyActorOf } from '../plugins/auth.ts';
import type { RouteContext } from './context.ts';

export function auditRoutes(app: TypedApp, { database }: RouteContext) {
  const db = database.db;
  app.get(
    '/audit',
    {
      config: { permission: 'audit.read' },
      schema: { tags: ['audit'], querystring: AuditListQuery, response: { 200: listOf(AuditEntry) } },
    },
    async (req) => {
      const actor = bodyActorOf(req);
      const { limit, cursor, action, targetType, actorId, from, to, q } = req.query;
      const before = decodeCursor(cursor, ['int'])?.[0] as number | undefined;
      const rows = await db
        .select()
        .from(auditLog)
        .where(
          and(
            eq(auditLog.bodyId, actor.bodyId),
            action ? eq(auditLog.action, action) : undefined,
            targetType ? eq(auditLog.targetType, targetType) : undefined,
            actorId ? eq(auditLog.actorId, actorId) : undefined,
            q ? eq(auditLog.targetId, q) : undefined,
            from ? gte(auditLog.at, new Date(`${from}T00:00:00+08:00`)) : undefined,
            to ? lte(auditLog.at, new Date(`${to}T23:59:59.999+08:00`)) : undefined,
            typeof before === 'number' ? lt(auditLog.seq, before) : undefined,
          ),
        )
        .orderBy(desc(auditLog.seq))
        .limit(limit + 1);
      const p = page(rows, limit, (r) => [r.seq]);
      return {
        items: p.items.map((r) => ({
          id: String(r.id),
          seq: r.seq,
          at: r.at.toISOString(),
          actorId: r.actorId,
          actorName: r.actorName,
          action: r.action,
          targetType: r.targetType,
          targetId: r.targetId,
          outcome: r.outcome,
          before: r.before,
          after: r.after,
          hash: r.hash,
        })),
        nextCursor: p.nextCursor,
      };
    },
  );
}
