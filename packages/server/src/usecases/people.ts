import type { MembershipInput, PersonInput, PersonPatch } from '@yiting/domain';
import { searchText } from '@yiting/domain';
import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../audit.ts';
import type { Db } from '../db/client.ts';
import { memberships, people, terms } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { newId } from '../ids.ts';
import type { Actor } from '../plugins/auth.ts';
import { membershipsOf } from '../repositories/people.ts';
import { assertUsableUnits } from './scope.ts';

type BodyActor = Actor & { bodyId: string };

export function personSearchText(p: {
  name: string;
  organization?: string | null;
  position?: string | null;
}) {
  return searchText(p.name, p.organization, p.position);
}

async function assertRefs(tx: Db, bodyId: string, ms: MembershipInput[] | undefined) {
  if (!ms) return;
  await assertUsableUnits(
    tx,
    bodyId,
    ms.flatMap((m, i) => (m.unitId ? [{ id: m.unitId, path: `memberships.${i}.unitId` }] : [])),
  );
  const termIds = ms.flatMap((m, i) => (m.termId ? [{ id: m.termId, i }] : []));
  if (termIds.length) {
    const known = new Set(
      (await tx.select({ id: terms.id }).from(terms).where(eq(terms.bodyId, bodyId))).map((t) => t.id),
    );
    const bad = termIds.filter((t) => !known.has(t.id));
    if (bad.length)
      throw new AppError(
        'validation_failed',
        undefined,
        bad.map((t) => ({ path: `memberships.${t.i}.termId`, message: 'unknown_term' })),
      );
  }
}

function membershipValues(bodyId: string, personId: string, m: MembershipInput) {
  return {
    id: newId(),
    bodyId,
    personId,
    role: m.role,
    unitId: m.unitId ?? null,
    termId: m.termId ?? null,
    title: m.title ?? null,
    deputyLevel: m.deputyLevel ?? null,
    delegation: m.delegation ?? null,
    sector: m.sector ?? null,
    startDate: m.startDate ?? null,
    endDate: m.endDate ?? null,
  };
}

function personValues(input: PersonPatch) {
  const v: Partial<typeof people.$inferInsert> = {};
  for (const k of [
    'name',
    'gender',
    'birthDate',
    'ethnicity',
    'party',
    'organization',
    'position',
    'phone',
    'email',
    'notes',
  ] as const) {
    if (input[k] !== undefined) (v as Record<string, unknown>)[k] = input[k] ?? null;
  }
  return v;
}

export async function createPerson(opts: { db: Db; actor: BodyActor; input: PersonInput }) {
  const { db, actor, input } = opts;
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    await assertRefs(tx, actor.bodyId, input.memberships);
    const id = newId();
    const [row] = await tx
      .insert(people)
      .values({
        ...personValues(input),
        id,
        bodyId: actor.bodyId,
        name: input.name,
        searchText: personSearchText(input),
      })
      .returning();
    const ms = (input.memberships ?? []).map((m) => membershipValues(actor.bodyId, id, m));
    if (ms.length) await tx.insert(memberships).values(ms);
    await appendAudit(tx, {
      bodyId: actor.bodyId,
      actorId: actor.account.id,
      actorName: actor.account.displayName,
      action: 'person.create',
      targetType: 'person',
      targetId: id,
      after: { ...row, memberships: ms },
    });
    return row!;
  });
}

export async function updatePerson(opts: {
  db: Db;
  actor: BodyActor;
  id: string;
  version: number;
  patch: PersonPatch;
}) {
  const { db, actor, id, version, patch } = opts;
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const [before] = await tx
      .select()
      .from(people)
      .where(and(eq(people.bodyId, actor.bodyId), eq(people.id, id)))
      .for('update');
    if (!before) throw new AppError('not_found');
    if (before.version !== version) {
      throw new AppError('version_conflict', undefined, undefined, { currentVersion: before.version });
    }
    await assertRefs(tx, actor.bodyId, patch.memberships);
    const merged = { ...before, ...personValues(patch) };
    const [after] = await tx
      .update(people)
      .set({
        ...personValues(patch),
        searchText: personSearchText(merged),
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(people.id, id))
      .returning();
    const beforeMs = await membershipsOf(tx, actor.bodyId, [id]);
    let afterMs: unknown = beforeMs;
    if (patch.memberships) {
      // Memberships are replaced as a whole: the form edits the person's full history at once.
      await tx
        .delete(memberships)
        .where(and(eq(memberships.bodyId, actor.bodyId), eq(memberships.personId, id)));
      const ms = patch.memberships.map((m) => membershipValues(actor.bodyId, id, m));
      if (ms.length) await tx.insert(memberships).values(ms);
      afterMs = ms;
    }
    await appendAudit(tx, {
      bodyId: actor.bodyId,
      actorId: actor.account.id,
      actorName: actor.account.displayName,
      action: 'person.update',
      targetType: 'person',
      targetId: id,
      before: { ...before, memberships: beforeMs },
      after: { ...after, memberships: afterMs },
    });
    return after!;
  });
}

export async function deletePerson(opts: { db: Db; actor: BodyActor; id: string; version: number }) {
  const { db, actor, id, version } = opts;
  await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const [before] = await tx
      .select()
      .from(people)
      .where(and(eq(people.bodyId, actor.bodyId), eq(people.id, id)))
      .for('update');
    if (!before) throw new AppError('not_found');
    if (before.version !== version) throw new AppError('version_conflict');
    const beforeMs = await membershipsOf(tx, actor.bodyId, [id]);
    await tx.delete(people).where(eq(people.id, id));
    await appendAudit(tx, {
      bodyId: actor.bodyId,
      actorId: actor.account.id,
      actorName: actor.account.displayName,
      action: 'person.delete',
      targetType: 'person',
      targetId: id,
      before: { ...before, memberships: beforeMs },
    });
  });
}
