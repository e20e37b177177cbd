import {
  availableActions,
  endOfDayCst,
  IdParams,
  ItemEvent,
  itemHighlights,
  ListQuery,
  listOf,
  Matter,
  MatterChain,
  type MatterData,
  MatterInput,
  MatterListQuery,
  MatterPatch,
  type MatterState,
  matterIsActive,
  matterMachine,
  queryTerms,
  SimilarList,
  SimilarQuery,
  TransitionInput,
  warningLevel,
} from '@yiting/domain';
import { and, eq } from 'drizzle-orm';
import type { TypedApp } from '../app.ts';
import { decodeCursor, page } from '../cursor.ts';
import type { Db } from '../db/client.ts';
import { activities, activityRecords, people } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { ifMatchVersion, setEtag } from '../http.ts';
import { type Actor, bodyActorOf } from '../plugins/auth.ts';
import { searchItems } from '../repositories/item-search.ts';
import {
  eventsOf,
  findMatter,
  type ItemRow,
  listMatters,
  matterWhere,
  namesFor,
  unitsOfItems,
} from '../repositories/matters.ts';
import { type BodyTrackingConfig, trackingConfig } from '../tracking/config.ts';
import { partiesOf, unitScope } from '../tracking/parties.ts';
import { similarItems } from '../tracking/similar.ts';
import { createMatter, fireMatterAction, updateMatter } from '../usecases/matters.ts';
import type { RouteContext } from './context.ts';

export async function presentMatters(
  db: Db,
  actor: Actor & { bodyId: string },
  rows: ItemRow[],
  config: BodyTrackingConfig,
  now = new Date(),
): Promise<Matter[]> {
  const units = await unitsOfItems(
    db,
    actor.bodyId,
    rows.map((r) => r.id),
  );
  const names = await namesFor(db, rows);
  return rows.map((r) => {
    const data = r.data as MatterData;
    const mine = units.filter((u) => u.itemId === r.id);
    const state = r.state as MatterState;
    const parties = partiesOf(actor, r, mine);
    return {
      id: r.id,
      bodyId: r.bodyId,
      number: r.number,
      title: r.title,
      content: r.content,
      requirements: r.requirements,
      source: data.source,
      sourceActivityId: r.sourceActivityId,
      sourceActivityTitle: r.sourceActivityId ? (names.activity.get(r.sourceActivityId) ?? null) : null,
      sourceRecordId: r.sourceRecordId,
      state,
      version: r.version,
      units: mine.map((u) => ({
        unitId: u.unitId,
        unitName: u.unitName,
        role: u.role as 'lead' | 'co' | 'separate',
        responsibleLeader: u.responsibleLeader,
      })),
      leadUnitId: r.leadUnitId,
      supervisorPersonId: r.supervisorPersonId,
      supervisorName: r.supervisorPersonId ? (names.person.get(r.supervisorPersonId) ?? null) : null,
      deadline: r.deadline,
      warning: warningLevel(
        {
          deadline: r.deadline ? endOfDayCst(r.deadline) : null,
          lastReportAt: r.lastReportAt,
          reportEveryDays: r.reportEveryDays,
          active: matterIsActive(state),
        },
        now,
        config.matter.yellowDays,
      ),
      contact: r.contact,
      reportEveryDays: r.reportEveryDays,
      returnCount: data.returnCount ?? 0,
      extensionCount: data.extensionCount ?? 0,
      pendingExtension: data.pendingExtension ?? null,
      voteFailures: data.voteFailures ?? 0,
      accountability: data.accountability ?? false,
      closedAt: r.closedAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      actions: availableActions(
        matterMachine,
        { state, version: r.version, data },
        { now, config: config.matter, parties },
      ),
    };
  });
}

type Events = Awaited<ReturnType<typeof eventsOf>>;

function presentEvent(e: Events['events'][number], attached: Events['attached']) {
  return {
    id: e.id,
    seq: e.seq,
    action: e.action,
    fromState: e.fromState,
    toState: e.toState,
    actorId: e.actorId,
    actorName: e.actorName,
    at: e.at.toISOString(),
    payload: e.payload as Record<string, unknown>,
    files: attached.filter((f) => f.eventId === e.id).map(({ eventId: _e, ...f }) => f),
  };
}

export function matterRoutes(app: TypedApp, { database }: RouteContext) {
  const db = database.db;

  app.get(
    '/matters',
    {
      config: { permission: 'matter.read' },
      schema: { tags: ['matters'], querystring: MatterListQuery, response: { 200: listOf(Matter) } },
    },
    async (req) => {
      const actor = bodyActorOf(req);
      const config = await trackingConfig(db, actor.bodyId);
      const { limit, cursor, overdue, q, supervisedByMe, ...filter } = req.query;
      const where = {
        ...filter,
        overdue: overdue === 'true',
        // No person, no supervised matters: an impossible id rather than no filter.
        ...(supervisedByMe === 'true' && {
          supervisorPersonId: actor.account.personId ?? '00000000-0000-0000-0000-000000000000',
        }),
        bodyId: actor.bodyId,
        unitScope: unitScope(actor),
        yellowDays: config.matter.yellowDays,
      };
      if (q && queryTerms(q).length > 0) {
        // Ranked text search: title matches first, then by occurrences, with the matched ranges.
        const after = decodeCursor(cursor, ['int', 'int', 'uuid']) as [number, number, string] | undefined;
        const found = await searchItems(db, {
          bodyId: actor.bodyId,
          type: 'matter',
          q,
          where: matterWhere(where),
          limit,
          after,
        });
        const p = page(found.items, limit, (r) => [r.titleHits, r.hits, r.row.id]);
        const items = await presentMatters(
          db,
          actor,
          p.items.map((r) => r.row),
          config,
        );
        return {
          items: items.map((m) => ({ ...m, highlights: itemHighlights(m, q) })),
          nextCursor: p.nextCursor,
        };
      }
      const after = decodeCursor(cursor, ['uuid'])?.[0] as string | undefined;
      const rows = await listMatters(db, { ...where, after, limit });
      const p = page(rows, limit, (r) => [r.id]);
      return { items: await presentMatters(db, actor, p.items, config), nextCursor: p.nextCursor };
    },
  );

  app.post(
    '/matters',
    {
      config: { permission: 'matter.manage' },
      schema: { tags: ['matters'], body: MatterInput, response: { 201: Matter } },
    },
    async (req, reply) => {
      const actor = bodyActorOf(req);
      const row = await createMatter({ db, actor, input: req.body });
      setEtag(reply, row.version);
      const [out] = await presentMatters(db, actor, [row], await trackingConfig(db, actor.bodyId));
      return reply.code(201).send(out!);
    },
  );

  app.get(
    '/matters/:id',
    {
      config: { permission: 'matter.read' },
      schema: { tags: ['matters'], params: IdParams, response: { 200: Matter } },
    },
    async (req, reply) => {
      const actor = bodyActorOf(req);
      const row = await findMatter(db, actor.bodyId, req.params.id, unitScope(actor));
      if (!row) throw notFound();
      setEtag(reply, row.version);
      const [out] = await presentMatters(db, actor, [row], await trackingConfig(db, actor.bodyId));
      return out!;
    },
  );

  app.get(
    '/matters/:id/similar',
    {
      config: { permission: 'matter.read' },
      schema: {
        tags: ['matters'],
        params: IdParams,
        querystring: SimilarQuery,
        response: { 200: SimilarList },
        summary: 'Earlier matters most like this one, by Chinese word similarity, with the shared passages',
      },
    },
    async (req) => {
      const actor = bodyActorOf(req);
      const scope = unitScope(actor);
      const row = await findMatter(db, actor.bodyId, req.params.id, scope);
      if (!row) throw notFound();
      const items = await similarItems(db, {
        bodyId: actor.bodyId,
        type: 'matter',
        title: row.title,
        content: row.content,
        excludeId: row.id,
        where: matterWhere({ bodyId: actor.bodyId, unitScope: scope, yellowDays: 0 }),
        limit: req.query.limit,
      });
      return { items };
    },
  );

  app.patch(
    '/matters/:id',
    {
      config: { permission: 'matter.manage' },
      schema: { tags: ['matters'], params: IdParams, body: MatterPatch, response: { 200: Matter } },
    },
    async (req, reply) => {
      const actor = bodyActorOf(req);
      const row = await updateMatter({
        db,
        actor,
        id: req.params.id,
        version: ifMatchVersion(req),
        patch: req.body,
      });
      setEtag(reply, row.version);
      const [out] = await presentMatters(db, actor, [row], await trackingConfig(db, actor.bodyId));
      return out!;
    },
  );

  // Every change of state goes through here; the machine decides who may do what (routes stay thin).
  app.post(
    '/matters/:id/transitions',
    {
      config: { permission: 'matter.read' },
      schema: { tags: ['matters'], params: IdParams, body: TransitionInput, response: { 200: Matter } },
    },
    async (req, reply) => {
      const actor = bodyActorOf(req);
      const row = await fireMatterAction({
        db,
        actor,
        id: req.params.id,
        version: ifMatchVersion(req),
        action: req.body.action,
        payload: req.body.payload,
      });
      setEtag(reply, row.version);
      const [out] = await presentMatters(db, actor, [row], await trackingConfig(db, actor.bodyId));
      return out!;
    },
  );

  app.get(
    '/matters/:id/chain',
    {
      config: { permission: 'matter.read' },
      schema: { tags: ['matters'], params: IdParams, response: { 200: MatterChain } },
    },
    async (req) => {
      const actor = bodyActorOf(req);
      const row = await findMatter(db, actor.bodyId, req.params.id, unitScope(actor));
      if (!row) throw notFound();
      const [matter] = await presentMatters(db, actor, [row], await trackingConfig(db, actor.bodyId));
      const records = [];
      let recordId = row.sourceRecordId;
      for (let depth = 0; recordId && depth < 3; depth++) {
        const [r] = await db
          .select()
          .from(activityRecords)
          .where(and(eq(activityRecords.id, recordId), eq(activityRecords.bodyId, actor.bodyId)));
        if (!r) break;
        records.push({ id: r.id, kind: r.kind, nature: r.nature, title: r.title, content: r.content });
        recordId = r.parentId;
      }
      const acts = [];
      let activityId = row.sourceActivityId;
      for (let depth = 0; activityId && depth < 3; depth++) {
        const [a] = await db
          .select({ a: activities, leaderName: people.name })
          .from(activities)
          .leftJoin(people, eq(people.id, activities.leaderPersonId))
          .where(and(eq(activities.id, activityId), eq(activities.bodyId, actor.bodyId)));
        if (!a) break;
        acts.push({
          id: a.a.id,
          type: a.a.type,
          title: a.a.title,
          startsAt: a.a.startsAt.toISOString(),
          leaderName: a.leaderName,
        });
        activityId = a.a.parentId;
      }
      // The timeline of one matter is short (tens of events); the chain shows all of it.
      const { events, attached } = await eventsOf(db, actor.bodyId, row.id, undefined, 1000);
      return {
        matter: matter!,
        activities: acts.reverse(),
        records: records.reverse(),
        events: events.map((e) => presentEvent(e, attached)),
      };
    },
  );

  app.get(
    '/matters/:id/events',
    {
      config: { permission: 'matter.read' },
      schema: {
        tags: ['matters'],
        params: IdParams,
        querystring: ListQuery,
        response: { 200: listOf(ItemEvent) },
      },
    },
    async (req) => {
      const actor = bodyActorOf(req);
      const row = await findMatter(db, actor.bodyId, req.params.id, unitScope(actor));
      if (!row) throw notFound();
      const after = decodeCursor(req.query.cursor, ['int'])?.[0] as number | undefined;
      const { events, attached } = await eventsOf(db, actor.bodyId, row.id, after, req.query.limit);
      const p = page(events, req.query.limit, (e) => [e.seq]);
      return {
        items: p.items.map((e) => presentEvent(e, attached)),
        nextCursor: p.nextCursor,
      };
    },
  );
}
