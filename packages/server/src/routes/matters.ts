import {
  availableActions,
  endOfDayCst,
  IdParams,
  Matter,
  MatterChain,
  type MatterData,
  MatterInput,
  MatterListQuery,
  MatterPatch,
  type MatterState,
  matterIsActive,
  matterMachine,
  TransitionInput,
  warningLevel,
} from '@yiting/domain';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { TypedApp } from '../app.ts';
import type { Db } from '../db/client.ts';
import { activities, activityRecords, people } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { type Actor, bodyActorOf } from '../plugins/auth.ts';
import {
  eventsOf,
  findMatter,
  type ItemRow,
  matterWhere,
  namesFor,
  unitsOfItems,
} from '../repositories/matters.ts';
import { type BodyTrackingConfig, trackingConfig } from '../tracking/config.ts';
import { partiesOf, unitScope } from '../tracking/parties.ts';
import type { RouteContext } from './context.ts';
import { itemRoutes, presentEvent } from './tracked-items.ts';

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

export function matterRoutes(app: TypedApp, { database }: RouteContext) {
  const db = database.db;

  itemRoutes(app, db, {
    type: 'matter',
    path: '/matters',
    tag: 'matters',
    read: 'matter.read',
    submit: 'matter.manage',
    schemas: {
      item: Matter,
      input: MatterInput,
      patch: MatterPatch,
      query: MatterListQuery,
      transition: TransitionInput,
    },
    filters: (q: z.infer<typeof MatterListQuery>, actor, config) => {
      const { limit: _l, cursor: _c, q: _q, overdue, supervisedByMe, ...filter } = q;
      return [
        matterWhere({
          ...filter,
          overdue: overdue === 'true',
          // No person, no supervised matters: an impossible id rather than no filter.
          ...(supervisedByMe === 'true' && {
            supervisorPersonId: actor.account.personId ?? '00000000-0000-0000-0000-000000000000',
          }),
          bodyId: actor.bodyId,
          // The caller's scope is the engine's (visibleItems).
          unitScope: null,
          yellowDays: config.matter.yellowDays,
        }),
      ];
    },
    present: presentMatters,
  });

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
}
