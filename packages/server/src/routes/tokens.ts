import { Id, IdParams } from '@yiting/domain';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { TypedApp } from '../app.ts';
import { appendAudit } from '../audit.ts';
import { randomToken, sha256 } from '../auth/tokens.ts';
import type { Db } from '../db/client.ts';
import { apiTokens } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { newId } from '../ids.ts';
import { bodyActorOf } from '../plugins/auth.ts';
import type { RouteContext } from './context.ts';

const ApiToken = z.object({
  id: Id,
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
});

/** API tokens for integrations: bound to the account and the body it was made in; shown once. */
export function tokenRoutes(app: TypedApp, { database }: RouteContext) {
  const db = database.db;
  const present = (t: typeof apiTokens.$inferSelect) => ({
    id: t.id,
    name: t.name,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    expiresAt: t.expiresAt?.toISOString() ?? null,
  });

  app.get(
    '/api-tokens',
    {
      config: { permission: 'body.read' },
      schema: {
        tags: ['auth'],
        response: { 200: z.object({ items: z.array(ApiToken), nextCursor: z.null() }) },
      },
    },
    async (req) => {
      const actor = bodyActorOf(req);
      const rows = await db
        .select()
        .from(apiTokens)
        .where(
          and(
            eq(apiTokens.bodyId, actor.bodyId),
            eq(apiTokens.accountId, actor.account.id),
            isNull(apiTokens.revokedAt),
          ),
        )
        .orderBy(desc(apiTokens.id))
        .limit(100); // an account holds at most a few tokens; creation refuses the 101st
      return { items: rows.map(present), nextCursor: null };
    },
  );

  app.post(
    '/api-tokens',
    {
      config: { permission: 'body.read' },
      schema: {
        tags: ['auth'],
        body: z.strictObject({
          name: z.string().trim().min(1).max(60),
          expiresAt: z.iso.datetime().optional(),
        }),
        response: { 201: ApiToken.extend({ token: z.string() }) },
      },
    },
    async (req, reply) => {
      const actor = bodyActorOf(req);
      const token = randomToken('yt_');
      const row = await db.transaction(async (t) => {
        const tx = t as unknown as Db;
        const [row] = await tx
          .insert(apiTokens)
          .values({
            id: newId(),
            bodyId: actor.bodyId,
            accountId: actor.account.id,
            name: req.body.name,
            tokenHash: sha256(token),
            expiresAt: req.body.expiresAt ? new Date(req.body.expiresAt) : null,
          })
          .returning();
        await appendAudit(tx, {
          bodyId: actor.bodyId,
          actorId: actor.account.id,
          actorName: actor.account.displayName,
          action: 'api_token.create',
          targetType: 'api_token',
          targetId: row!.id,
          after: { name: row!.name },
        });
        return row!;
      });
      return reply.code(201).send({ ...present(row), token });
    },
  );

  app.delete(
    '/api-tokens/:id',
    { config: { permission: 'body.read' }, schema: { tags: ['auth'], params: IdParams } },
    async (req, reply) => {
      const actor = bodyActorOf(req);
      await db.transaction(async (t) => {
        const tx = t as unknown as Db;
        const [row] = await tx
          .update(apiTokens)
          .set({ revokedAt: new Date() })
          .where(
            and(
              eq(apiTokens.id, req.params.id),
              eq(apiTokens.bodyId, actor.bodyId),
              eq(apiTokens.accountId, actor.account.id),
              isNull(apiTokens.revokedAt),
            ),
          )
          .returning();
        if (!row) throw notFound();
        await appendAudit(tx, {
          bodyId: actor.bodyId,
          actorId: actor.account.id,
          actorName: actor.account.displayName,
          action: 'api_token.revoke',
          targetType: 'api_token',
          targetId: row.id,
        });
      });
      return reply.code(204).send();
    },
  );
}
