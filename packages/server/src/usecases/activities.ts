import type { ActivityInput, ActivityPatch, RecordInput } from '@yiting/domain';
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { appendAudit } from '../audit.ts';
import type { Db } from '../db/client.ts';
import { activities, activityParticipants, activityRecords, people } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { newId } from '../ids.ts';
import type { Actor } from '../plugins/auth.ts';
import { assertUsableUnits } from './scope.ts';

type BodyActor = Actor & { bodyId: string };
type Participants = NonNullable<ActivityInput['participants']>;

function activitySearchText(a: { title: string; field?: string | null; place?: string | null }) {
  return [a.title, a.field ?? '', a.place ?? ''].join(' ').toLowerCase();
}

async function assertPeople(tx: Db, bodyId: string, refs: { id: string; path: string }[]) {
  const wanted = refs.filter((r) => r.id);
  if (!wanted.length) return;
  const found = await tx
    .select({ id: people.id })
    .from(people)
    .where(
      and(
        eq(people.bodyId, bodyId),
        inArray(
          people.id,
          wanted.map((r) => r.id),
        ),
      ),
    );
  const known = new Set(found.map((p) => p.id));
  const bad = wanted.filter((r) => !known.has(r.id));
  if (bad.length)
    throw new AppError(
      'validation_failed',
      undefined,
      bad.map((r) => ({ path: r.path, message: 'unknown_person' })),
    );
}

async function assertRefs(
  tx: Db,
  bodyId: string,
  a: {
    parentId?: string | null;
    organiserUnitId?: string | null;
    leaderPersonId?: string | null;
    participants?: Participants;
  },
) {
  if (a.parentId) {
    const [p] = await tx
      .select({ id: activities.id })
      .from(activities)
      .where(and(eq(activities.id, a.parentId), eq(activities.bodyId, bodyId)));
    if (!p)
      throw new AppError('validation_failed', undefined, [{ path: 'parentId', message: 'unknown_activity' }]);
  }
  await assertUsableUnits(tx, bodyId, [
    ...(a.organiserUnitId ? [{ id: a.organiserUnitId, path: 'organiserUnitId' }] : []),
    ...(a.participants ?? []).flatMap((p, i) =>
      p.unitId ? [{ id: p.unitId, path: `participants.${i}.unitId` }] : [],
    ),
  ]);
  await assertPeople(tx, bodyId, [
    ...(a.leaderPersonId ? [{ id: a.leaderPersonId, path: 'leaderPersonId' }] : []),
    ...(a.participants ?? []).flatMap((p, i) =>
      p.personId ? [{ id: p.personId, path: `participants.${i}.personId` }] : [],
    ),
  ]);
}

async function writeParticipants(tx: Db, bodyId: string, activityId: string, participants: Participants) {
  await tx.delete(activityParticipants).where(eq(activityParticipants.activityId, activityId));
  if (participants.length === 0) return;
  await tx.insert(activityParticipants).values(
    participants.map((p) => ({
      id: newId(),
      bodyId,
      activityId,
      personId: p.personId ?? null,
      unitId: p.unitId ?? null,
      role: p.role,
      attendance: p.attendance,
    })),
  );
}

function audit(actor: BodyActor, action: string, targetId: string, before?: unknown, after?: unknown) {
  return {
    bodyId: actor.bodyId,
    actorId: actor.account.id,
    actorName: actor.account.displayName,
    action,
    targetType: 'activity',
    targetId,
    before,
    after,
  };
}

export async function createActivity(opts: { db: Db; actor: BodyActor; input: ActivityInput }) {
  const { db, actor, input } = opts;
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    await assertRefs(tx, actor.bodyId, input);
    const id = newId();
    const [row] = await tx
      .insert(activities)
      .values({
        id,
        bodyId: actor.bodyId,
        parentId: input.parentId ?? null,
        type: input.type,
        title: input.title,
        field: input.field ?? null,
        organiserUnitId: input.organiserUnitId ?? null,
        leaderPersonId: input.leaderPersonId ?? null,
        startsAt: new Date(input.startsAt),
        endsAt: input.endsAt ? new Date(input.endsAt) : null,
        place: input.place ?? null,
        description: input.description ?? null,
        minutes: input.minutes ?? null,
        status: input.status ?? 'planned',
        searchText: activitySearchText(input),
      })
      .returning();
    await writeParticipants(tx, actor.bodyId, id, input.participants ?? []);
    await appendAudit(
      tx,
      audit(actor, 'activity.create', id, undefined, { ...row, participants: input.participants }),
    );
    return row!;
  });
}

export async function updateActivity(opts: {
  db: Db;
  actor: BodyActor;
  id: string;
  version: number;
  patch: z.infer<typeof ActivityPatch>;
}) {
  const { db, actor, id, version, patch } = opts;
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const [before] = await tx
      .select()
      .from(activities)
      .where(and(eq(activities.id, id), eq(activities.bodyId, actor.bodyId)))
      .for('update');
    if (!before) throw new AppError('not_found');
    if (before.version !== version)
      throw new AppError('version_conflict', undefined, undefined, { currentVersion: before.version });
    await assertRefs(tx, actor.bodyId, patch);
    const startsAt = patch.startsAt ? new Date(patch.startsAt) : before.startsAt;
    const endsAt =
      patch.endsAt !== undefined ? (patch.endsAt ? new Date(patch.endsAt) : null) : before.endsAt;
    if (endsAt && endsAt < startsAt) {
      throw new AppError('validation_failed', undefined, [{ path: 'endsAt', message: 'end_before_start' }]);
    }
    const merged = { ...before, ...patch };
    const [after] = await tx
      .update(activities)
      .set({
        ...(patch.title !== undefined && { title: patch.title }),
        ...(patch.field !== undefined && { field: patch.field }),
        ...(patch.organiserUnitId !== undefined && { organiserUnitId: patch.organiserUnitId }),
        ...(patch.leaderPersonId !== undefined && { leaderPersonId: patch.leaderPersonId }),
        ...(patch.place !== undefined && { place: patch.place }),
        ...(patch.description !== undefined && { description: patch.description }),
        ...(patch.minutes !== undefined && { minutes: patch.minutes }),
        ...(patch.status !== undefined && { status: patch.status }),
        startsAt,
        endsAt,
        searchText: activitySearchText(merged),
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(activities.id, id))
      .returning();
    if (patch.participants) await writeParticipants(tx, actor.bodyId, id, patch.participants);
    await appendAudit(
      tx,
      audit(actor, 'activity.update', id, before, { ...after, participants: patch.participants }),
    );
    return after!;
  });
}

export async function addRecord(opts: { db: Db; actor: BodyActor; activityId: string; input: RecordInput }) {
  const { db, actor, activityId, input } = opts;
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const [act] = await tx
      .select({ id: activities.id })
      .from(activities)
      .where(and(eq(activities.id, activityId), eq(activities.bodyId, actor.bodyId)));
    if (!act) throw new AppError('not_found');
    if (input.parentId) {
      const [parent] = await tx
        .select({ id: activityRecords.id })
        .from(activityRecords)
        .where(and(eq(activityRecords.id, input.parentId), eq(activityRecords.activityId, activityId)));
      if (!parent)
        throw new AppError('validation_failed', undefined, [{ path: 'parentId', message: 'invalid_value' }]);
    }
    await assertUsableUnits(
      tx,
      actor.bodyId,
      input.responderUnitId ? [{ id: input.responderUnitId, path: 'responderUnitId' }] : [],
    );
    await assertPeople(tx, actor.bodyId, input.personId ? [{ id: input.personId, path: 'personId' }] : []);
    const [row] = await tx
      .insert(activityRecords)
      .values({
        id: newId(),
        bodyId: actor.bodyId,
        activityId,
        parentId: input.parentId ?? null,
        kind: input.kind,
        nature: input.nature ?? null,
        title: input.title ?? null,
        content: input.content,
        personId: input.personId ?? null,
        responderUnitId: input.responderUnitId ?? null,
        response: input.response ?? null,
        rating: input.rating ?? null,
        sortOrder: input.sortOrder ?? 0,
      })
      .returning();
    await appendAudit(tx, {
      ...audit(actor, 'activity.record_add', activityId, undefined, row),
      targetType: 'activity',
    });
    return row!;
  });
}
