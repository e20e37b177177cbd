import {
  Activity,
  ActivityInput,
  ActivityListQuery,
  ActivityPatch,
  ActivityRecord,
  IdParams,
  listOf,
  RecordInput,
} from '@yiting/domain';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { TypedApp } from '../app.ts';
import { decodeCursor, page } from '../cursor.ts';
import type { Db } from '../db/client.ts';
import { activities } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { ifMatchVersion, setEtag } from '../http.ts';
import { bodyActorOf } from '../plugins/auth.ts';
import { type ActivityRow, activityDetails, listActivities, recordsOf } from '../repositories/activities.ts';
import { addRecord, createActivity, updateActivity } from '../usecases/activities.ts';
import type { RouteContext } from './context.ts';

export async function presentActivities(db: Db, bodyId: string, rows: ActivityRow[]): Promise<Activity[]> {
  const d = await activityDetails(db, bodyId, rows);
  return rows.map((r) => ({
    id: r.id,
    bodyId: r.bodyId,
    parentId: r.parentId,
    type: r.type as Activity['type'],
    title: r.title,
    field: r.field,
    organiserUnitId: r.organiserUnitId,
    organiserUnitName: r.organiserUnitId ? (d.unitNames.get(r.organiserUnitId) ?? null) : null,
    leaderPersonId: r.leaderPersonId,
    leaderName: r.leaderPersonId ? (d.names.get(r.leaderPersonId) ?? null) : null,
    startsAt: r.startsAt.toISOString(),
    endsAt: r.endsAt?.toISOString() ?? null,
    place: r.place,
    description: r.description,
    minutes: r.minutes,
    status: r.status as Activity['status'],
    childCount: d.children.get(r.id) ?? 0,
    participants: d.participants
      .filter((p) => p.p.activityId === r.id)
      .map(({ p, personName, unitName }) => ({
        id: p.id,
        personId: p.personId,
        personName,
        unitId: p.unitId,
        unitName,
        role: p.role as Activity['participants'][number]['role'],
        attendance: p.attendance as Activity['participants'][number]['attendance'],
      })),
    version: r.version,
  }));
}

export function activityRoutes(app: TypedApp, { database }: RouteContext) {
  const db = database.db;

  app.get(
    '/activities',
    {
      config: { permission: 'activity.read' },
      schema: { tags: ['activities'], querystring: ActivityListQuery, response: { 200: listOf(Activity) } },
    },
    async (req) => {
      const actor = bodyActorOf(req);
      const { limit, cursor, topLevel, ...filter } = req.query;
      const after = decodeCursor(cursor, ['datetime', 'uuid']) as [string, string] | undefined;
      const rows = await listActivities(db, {
        ...filter,
        topLevel: topLevel === 'true',
        bodyId: actor.bodyId,
        after,
        limit,
      });
      const p = page(rows, limit, (r) => [r.startsAt.toISOString(), r.id]);
      return { items: await presentActivities(db, actor.bodyId, p.items), nextCursor: p.nextCursor };
    },
  );

  app.post(
    '/activities',
    {
      config: { permission: 'activity.manage' },
      schema: { tags: ['activities'], body: ActivityInput, response: { 201: Activity } },
    },
    async (req, reply) => {
      const actor = bodyActorOf(req);
      const row = await createActivity({ db, actor, input: req.body });
      setEtag(reply, row.version);
      return reply.code(201).send((await presentActivities(db, actor.bodyId, [row]))[0]!);
    },
  );

  app.get(
    '/activities/:id',
    {
      config: { permission: 'activity.read' },
      schema: { tags: ['activities'], params: IdParams, response: { 200: Activity } },
    },
    async (req, reply) => {
      const actor = bodyActorOf(req);
      const [row] = await db
        .select()
        .from(activities)
        .where(and(eq(activities.id, req.params.id), eq(activities.bodyId, actor.bodyId)));
      if (!row) throw notFound();
      setEtag(reply, row.version);
      return (await presentActivities(db, actor.bodyId, [row]))[0]!;
    },
  );

  app.patch(
    '/activities/:id',
    {
      config: { permission: 'activity.manage' },
      schema: { tags: ['activities'], params: IdParams, body: ActivityPatch, response: { 200: Activity } },
    },
    async (req, reply) => {
      const actor = bodyActorOf(req);
      const row = await updateActivity({
        db,
        actor,
        id: req.params.id,
        version: ifMatchVersion(req),
        patch: req.body,
      });
      setEtag(reply, row.version);
      return (await presentActivities(db, actor.bodyId, [row]))[0]!;
    },
  );

  app.get(
    '/activities/:id/records',
    {
      config: { permission: 'activity.read' },
      schema: {
        tags: ['activities'],
        params: IdParams,
        // An activity's records are bounded (reports, findings, speeches of one meeting): one page.
        response: { 200: z.object({ items: z.array(ActivityRecord), nextCursor: z.null() }) },
      },
    },
    async (req) => {
      const actor = bodyActorOf(req);
      const [row] = await db
        .select({ id: activities.id })
        .from(activities)
        .where(and(eq(activities.id, req.params.id), eq(activities.bodyId, actor.bodyId)));
      if (!row) throw notFound();
      const items = await recordsOf(db, actor.bodyId, row.id);
      return { items: items as z.infer<typeof ActivityRecord>[], nextCursor: null };
    },
  );

  app.post(
    '/activities/:id/records',
    {
      config: { permission: 'activity.manage' },
      schema: {
        tags: ['activities'],
        params: IdParams,
        body: RecordInput,
        response: { 201: ActivityRecord },
      },
    },
    async (req, reply) => {
      const actor = bodyActorOf(req);
      const row = await addRecord({ db, actor, activityId: req.params.id, input: req.body });
      const all = await recordsOf(db, actor.bodyId, req.params.id);
      return reply.code(201).send(all.find((r) => r.id === row.id) as z.infer<typeof ActivityRecord>);
    },
  );
}
