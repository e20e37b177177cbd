import { escapeLike, normaliseQuery } from '@yiting/domain';
import { and, asc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  activities,
  activityParticipants,
  activityRecords,
  people,
  trackedItems,
  units,
} from '../db/schema.ts';

export type ActivityRow = typeof activities.$inferSelect;

export interface ActivityFilter {
  bodyId: string;
  type?: string | undefined;
  parentId?: string | undefined;
  topLevel?: boolean | undefined;
  from?: string | undefined;
  to?: string | undefined;
  personId?: string | undefined;
  q?: string | undefined;
}

export function activityWhere(f: ActivityFilter) {
  const q = f.q ? normaliseQuery(f.q) : '';
  return and(
    eq(activities.bodyId, f.bodyId),
    f.type ? eq(activities.type, f.type) : undefined,
    f.parentId ? eq(activities.parentId, f.parentId) : f.topLevel ? isNull(activities.parentId) : undefined,
    f.from ? gte(activities.startsAt, new Date(`${f.from}T00:00:00+08:00`)) : undefined,
    f.to ? lte(activities.startsAt, new Date(`${f.to}T23:59:59.999+08:00`)) : undefined,
    f.personId
      ? sql`exists (select 1 from ${activityParticipants} p where p.body_id = ${f.bodyId} and p.activity_id = ${activities.id} and p.person_id = ${f.personId})`
      : undefined,
    q ? sql`${activities.searchText} like ${`%${escapeLike(q)}%`}` : undefined,
  );
}

/** Chronological (calendar order); the cursor is (starts_at, id). */
export async function listActivities(
  db: Db,
  f: ActivityFilter & { after?: [string, string] | undefined; limit: number },
) {
  return db
    .select()
    .from(activities)
    .where(
      and(
        activityWhere(f),
        f.after
          ? sql`(${activities.startsAt}, ${activities.id}) > (${new Date(f.after[0])}, ${f.after[1]})`
          : undefined,
      ),
    )
    .orderBy(asc(activities.startsAt), asc(activities.id))
    .limit(f.limit + 1);
}

export async function activityDetails(db: Db, bodyId: string, rows: ActivityRow[]) {
  const ids = rows.map((r) => r.id);
  if (ids.length === 0)
    return { participants: [], children: new Map<string, number>(), names: new Map(), unitNames: new Map() };
  const participants = await db
    .select({ p: activityParticipants, personName: people.name, unitName: units.name })
    .from(activityParticipants)
    .leftJoin(people, eq(people.id, activityParticipants.personId))
    .leftJoin(units, eq(units.id, activityParticipants.unitId))
    .where(and(eq(activityParticipants.bodyId, bodyId), inArray(activityParticipants.activityId, ids)))
    .orderBy(asc(activityParticipants.id));
  const childRows = await db
    .select({ parentId: activities.parentId, n: sql<number>`count(*)::int` })
    .from(activities)
    .where(and(eq(activities.bodyId, bodyId), inArray(activities.parentId, ids)))
    .groupBy(activities.parentId);
  const personIds = [...new Set(rows.map((r) => r.leaderPersonId).filter((x): x is string => !!x))];
  const unitIds = [...new Set(rows.map((r) => r.organiserUnitId).filter((x): x is string => !!x))];
  const names = personIds.length
    ? new Map(
        (
          await db
            .select({ id: people.id, name: people.name })
            .from(people)
            .where(inArray(people.id, personIds))
        ).map((p) => [p.id, p.name] as const),
      )
    : new Map<string, string>();
  const unitNames = unitIds.length
    ? new Map(
        (
          await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, unitIds))
        ).map((u) => [u.id, u.name] as const),
      )
    : new Map<string, string>();
  return {
    participants,
    children: new Map(childRows.map((c) => [c.parentId!, c.n])),
    names,
    unitNames,
  };
}

export async function recordsOf(db: Db, bodyId: string, activityId: string) {
  const rows = await db
    .select({ r: activityRecords, personName: people.name, unitName: units.name })
    .from(activityRecords)
    .leftJoin(people, eq(people.id, activityRecords.personId))
    .leftJoin(units, eq(units.id, activityRecords.responderUnitId))
    .where(and(eq(activityRecords.bodyId, bodyId), eq(activityRecords.activityId, activityId)))
    .orderBy(asc(activityRecords.sortOrder), asc(activityRecords.id))
    .limit(2000);
  const ids = rows.map((r) => r.r.id);
  const matters = ids.length
    ? await db
        .select({ id: trackedItems.id, recordId: trackedItems.sourceRecordId })
        .from(trackedItems)
        .where(and(eq(trackedItems.bodyId, bodyId), inArray(trackedItems.sourceRecordId, ids)))
    : [];
  return rows.map(({ r, personName, unitName }) => ({
    id: r.id,
    activityId: r.activityId,
    parentId: r.parentId,
    kind: r.kind,
    nature: r.nature,
    title: r.title,
    content: r.content,
    personId: r.personId,
    personName,
    responderUnitId: r.responderUnitId,
    responderUnitName: unitName,
    response: r.response,
    rating: r.rating,
    sortOrder: r.sortOrder,
    matterIds: matters.filter((m) => m.recordId === r.id).map((m) => m.id),
  }));
}
