import type { Db } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { findBody, governmentsOfRegion } from '../repositories/bodies.ts';
import { unitsByIds } from '../repositories/units.ts';

/** The government bodies whose departments this body may assign work to (same region). */
export async function sharedUnitBodies(db: Db, bodyId: string): Promise<string[]> {
  const body = await findBody(db, bodyId);
  if (!body) throw new AppError('not_found');
  return (await governmentsOfRegion(db, body.regionCode)).filter((id) => id !== bodyId);
}

/**
 * Checks that every unit id belongs to this body or is a shared department; a unit of another body
 * is reported as a field error (400), exactly like an unknown one.
 */
export async function assertUsableUnits(db: Db, bodyId: string, ids: { id: string; path: string }[]) {
  const wanted = ids.filter((x) => x.id);
  if (wanted.length === 0) return;
  const rows = await unitsByIds(
    db,
    wanted.map((x) => x.id),
  );
  const shared = new Set(await sharedUnitBodies(db, bodyId));
  const ok = new Set(
    rows
      .filter((u) => u.bodyId === bodyId || (shared.has(u.bodyId) && u.kind === 'department'))
      .map((u) => u.id),
  );
  const bad = wanted.filter((x) => !ok.has(x.id));
  if (bad.length) {
    throw new AppError(
      'validation_failed',
      undefined,
      bad.map((x) => ({ path: x.path, message: 'unknown_unit' })),
    );
  }
}
