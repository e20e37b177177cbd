import { label } from '@yiting/domain';
import { and, asc, eq, gte, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { TypedApp } from '../app.ts';
import { appendAudit } from '../audit.ts';
import { randomToken, sha256 } from '../auth/tokens.ts';
import type { Db } from '../db/client.ts';
import { accounts, activities, activityParticipants, bodies, feedTokens } from '../db/schema.ts';
import { AppError, notFound } from '../errors.ts';
import { icsCalendar } from '../ics.ts';
import { newId } from '../ids.ts';
import { bodyActorOf } from '../plugins/auth.ts';
import type { RouteContext } from './context.ts';

const Scope = z.enum(['body', 'personal']);

/** At most this many events in a feed: a year back and everything ahead is plenty for a calendar app. */
const FEED_LIMIT = 2000;

export function calendarRoutes(app: TypedApp, { database }: RouteContext) {
  const db = database.db;

  // Creating a feed URL replaces the previous one of the same scope (a leaked URL is revoked this way).
  app.post(
    '/v1/calendar/feeds',
    {
      config: { permission: 'activity.read' },
      schema: {
        tags: ['activities'],
        body: z.strictObject({ scope: Scope }),
        response: { 201: z.object({ scope: Scope, url: z.string() }) },
      },
    },
    async (req, reply) => {
      const actor = bodyActorOf(req);
      if (req.body.scope === 'personal' && !actor.account.personId) {
        throw new AppError('conflict', 'this account is not linked to a person');
      }
      const token = randomToken('cal_');
      await db.transaction(async (t) => {
        const tx = t as unknown as Db;
        await tx
          .update(feedTokens)
          .set({ revokedAt: new Date() })
          .where(
            and(
              eq(feedTokens.accountId, actor.account.id),
              eq(feedTokens.bodyId, actor.bodyId),
              eq(feedTokens.scope, req.body.scope),
              isNull(feedTokens.revokedAt),
            ),
          );
        const id = newId();
        await tx.insert(feedTokens).values({
          id,
          bodyId: actor.bodyId,
          accountId: actor.account.id,
          scope: req.body.scope,
          tokenHash: sha256(token),
        });
        await appendAudit(tx, {
          bodyId: actor.bodyId,
          actorId: actor.account.id,
          actorName: actor.account.displayName,
          action: 'calendar.feed_create',
          targetType: 'feed_token',
          targetId: id,
          after: { scope: req.body.scope },
        });
      });
      const host = req.headers.host ?? 'localhost';
      return reply
        .code(201)
        .send({ scope: req.body.scope, url: `${req.protocol}://${host}/api/calendar/${token}.ics` });
    },
  );

  // Calendar apps cannot sign in: the secret in the URL is the credential, read-only and revocable.
  app.get(
    '/calendar/:file',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['activities'],
        params: z.strictObject({ file: z.string().regex(/^cal_[A-Za-z0-9_-]{20,80}\.ics$/) }),
      },
    },
    async (req, reply) => {
      const token = req.params.file.slice(0, -4);
      const [feed] = await db
        .select({
          f: feedTokens,
          personId: accounts.personId,
          disabled: accounts.disabled,
          bodyName: bodies.shortName,
        })
        .from(feedTokens)
        .innerJoin(accounts, eq(accounts.id, feedTokens.accountId))
        .innerJoin(bodies, eq(bodies.id, feedTokens.bodyId))
        .where(and(eq(feedTokens.tokenHash, sha256(token)), isNull(feedTokens.revokedAt)));
      if (!feed || feed.disabled) throw notFound();
      const since = new Date(Date.now() - 366 * 86_400_000);
      const personal = feed.f.scope === 'personal';
      const rows = await db
        .select()
        .from(activities)
        .where(
          and(
            eq(activities.bodyId, feed.f.bodyId),
            gte(activities.startsAt, since),
            personal
              ? sql`exists (select 1 from ${activityParticipants} p where p.body_id = ${feed.f.bodyId}
                  and p.activity_id = ${activities.id} and p.person_id = ${feed.personId})`
              : undefined,
          ),
        )
        .orderBy(asc(activities.startsAt))
        .limit(FEED_LIMIT);
      const name = `${feed.bodyName ?? '议厅'}${personal ? ' · 我的日程' : ' · 工作日程'}`;
      const body = icsCalendar(
        name,
        rows.map((a) => ({
          uid: `${a.id}@yiting`,
          start: a.startsAt,
          end: a.endsAt,
          summary: `【${label('activityType', a.type as never, 'zh-CN')}】${a.title}`,
          location: a.place,
          description: a.description,
          updated: a.updatedAt,
          cancelled: a.status === 'cancelled',
        })),
      );
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(body);
    },
  );
}
