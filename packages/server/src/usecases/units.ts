import type { UnitInput } from '@yiting/domain';
import { searchText } from '@yiting/domain';
import { and, eq, sql } from 'drizzle-orm';
import { appendAudit } from '../audit.ts';
import type { Db } from '../db/client.ts';
import { units } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { newId } from '../ids.ts';
import type { Actor } from '../plugins/auth.ts';
import { assertUsableUnits } from './scope.ts';

type BodyActor = Actor & { bodyId: string };

function auditBase(actor: BodyActor) {
  return { bodyId: actor.bodyId, actorId: actor.account.id, actorName: actor.account.displayName };
}

async function assertNameFree(tx: Db, bodyId: string, name: string, exceptId?: string) {
  const [dup] = await tx
    .select({ id: units.id })
    .from(units)
    .where(
      and(
        eq(units.bodyId, bodyId),
        eq(units.name, name),
        exceptId ? sql`${units.id} <> ${exceptId}` : undefined,
      ),
    );
  if (dup) throw new AppError('duplicate', undefined, [{ path: 'name', message: 'duplicate' }]);
}

export async function createUnit(opts: { db: Db; actor: BodyActor; input: UnitInput }) {
  const { db, actor, input } = opts;
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    if (input.parentId) await assertUsableUnits(tx, actor.bodyId, [{ id: input.parentId, path: 'parentId' }]);
    await assertNameFree(tx, actor.bodyId, input.name);
    const [row] = await tx
      .insert(units)
      .values({
        id: newId(),
        bodyId: actor.bodyId,
        parentId: input.parentId ?? null,
        name: input.name,
        shortName: input.shortName ?? null,
        kind: input.kind,
        phone: input.phone ?? null,
        address: input.address ?? null,
        sortOrder: input.sortOrder ?? 0,
        searchText: searchText(input.name, input.shortName),
      })
      .returning();
    await appendAudit(tx, {
      ...auditBase(actor),
      action: 'unit.create',
      targetType: 'unit',
      targetId: row!.id,
      after: row,
    });
    return row!;
  });
}

export async function updateUnit(opts: {
  db: Db;
  actor: BodyActor;
  id: string;
  version: number;
  patch: Partial<UnitInput>;
}) {
  const { db, actor, id, version, patch } = opts;
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const [before] = await tx
      .select()
      .from(units)
      .where(and(eq(units.id, id), eq(units.bodyId, actor.bodyId)))
      .for('update');
    if (!before) throw new AppError('not_found');
    if (before.version !== version)
      throw new AppError('version_conflict', undefined, undefined, { currentVersion: before.version });
    if (patch.parentId) {
      if (patch.parentId === id)
        throw new AppError('validation_failed', undefined, [{ path: 'parentId', message: 'invalid_value' }]);
      await assertUsableUnits(tx, actor.bodyId, [{ id: patch.parentId, path: 'parentId' }]);
    }
    if (patch.name && patch.name !== before.name) await assertNameFree(tx, actor.bodyId, patch.name, id);
    const name = patch.name ?? before.name;
    const shortName = patch.shortName === undefined ? before.shortName : patch.shortName;
    const [after] = await tx
      .update(units)
      .set({
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.shortName !== undefined && { shortName: patch.shortName }),
        ...(patch.kind !== undefined && { kind: patch.kind }),
        ...(patch.parentId !== undefined && { parentId: patch.parentId }),
        ...(patch.phone !== undefined && { phone: patch.phone }),
        ...(patch.address !== undefined && { address: patch.address }),
        ...(patch.sortOrder !== undefined && { sortOrder: patch.sortOrder }),
        searchText: searchText(name, shortName),
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(units.id, id))
      .returning();
    await appendAudit(tx, {
      ...auditBase(actor),
      action: 'unit.update',
      targetType: 'unit',
      targetId: id,
      before,
      after,
    });
    return after!;
  });
}
