import { escapeLike, normaliseQuery } from '@yiting/domain';
import { and, asc, eq, gt, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { bodies, units } from '../db/schema.ts';

export type UnitRow = typeof units.$inferSelect & { bodyName: string };

const columns = { unit: units, bodyName: bodies.name };

/** Units this body may use: its own, and the departments of the governments of its region (shared). */
export async function listUnits(
  db: Db,
  opts: {
    bodyId: string;
    sharedBodyIds: string[];
    kind?: string | undefined;
    q?: string | undefined;
    after?: [number, string] | undefined;
    limit: number;
  },
): Promise<UnitRow[]> {
  const scope =
    opts.sharedBodyIds.length > 0
      ? or(
          eq(units.bodyId, opts.bodyId),
          and(inArray(units.bodyId, opts.sharedBodyIds), eq(units.kind, 'department')),
        )
      : eq(units.bodyId, opts.bodyId);
  const q = opts.q ? normaliseQuery(opts.q) : '';
  const rows = await db
    .select(columns)
    .from(units)
    .innerJoin(bodies, eq(bodies.id, units.bodyId))
    .where(
      and(
        scope,
        opts.kind ? eq(units.kind, opts.kind) : undefined,
        q ? sql`${units.searchText} like ${`%${escapeLike(q)}%`}` : undefined,
        opts.after
          ? or(
              gt(units.sortOrder, opts.after[0]),
              and(eq(units.sortOrder, opts.after[0]), gt(units.id, opts.after[1])),
            )
          : undefined,
      ),
    )
    .orderBy(asc(units.sortOrder), asc(units.id))
    .limit(opts.limit + 1);
  return rows.map((r) => ({ ...r.unit, bodyName: r.bodyName }));
}

export async function findUnit(db: Db, id: string): Promise<UnitRow | undefined> {
  const [row] = await db
    .select(columns)
    .from(units)
    .innerJoin(bodies, eq(bodies.id, units.bodyId))
    .where(eq(units.id, id));
  return row ? { ...row.unit, bodyName: row.bodyName } : undefined;
}

export async function unitsByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select().from(units).where(inArray(units.id, ids));
}

export async function unitsByName(db: Db, bodyIds: string[]) {
  return db
    .select({ id: units.id, name: units.name, bodyId: units.bodyId, kind: units.kind })
    .from(units)
    .where(inArray(units.bodyId, bodyIds));
}
