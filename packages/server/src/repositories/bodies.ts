import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { bodies, terms } from '../db/schema.ts';

/** The ids of a body and every body below it (recursive over parent_id). */
export async function subtreeIds(db: Db, rootId: string): Promise<string[]> {
  const res = await db.execute<{ id: string }>(sql`
    with recursive t(id) as (
      select id from bodies where id = ${rootId}
      union all
      select b.id from bodies b join t on b.parent_id = t.id
    ) select id from t`);
  return (res as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
}

export async function findBody(db: Db, id: string) {
  const [row] = await db.select().from(bodies).where(eq(bodies.id, id));
  return row;
}

export async function listBodies(
  db: Db,
  ids: string[],
  filter: { kind?: string | undefined; level?: string | undefined; parentId?: string | undefined },
) {
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      body: bodies,
      // Written out: drizzle would render the outer column unqualified, which the subquery's own `id` shadows.
      childCount: sql<number>`(select count(*)::int from bodies c where c.parent_id = "bodies"."id")`,
    })
    .from(bodies)
    .where(
      and(
        inArray(bodies.id, ids),
        filter.kind ? eq(bodies.kind, filter.kind) : undefined,
        filter.level ? eq(bodies.level, filter.level) : undefined,
        filter.parentId ? eq(bodies.parentId, filter.parentId) : undefined,
      ),
    )
    .orderBy(bodies.createdAt, bodies.id);
  return rows;
}

/** Government bodies of the same region: their departments are this body's handling units. */
export async function governmentsOfRegion(db: Db, regionCode: string): Promise<string[]> {
  const rows = await db
    .select({ id: bodies.id })
    .from(bodies)
    .where(and(eq(bodies.regionCode, regionCode), eq(bodies.kind, 'government')));
  return rows.map((r) => r.id);
}

export async function listTerms(db: Db, bodyId: string) {
  return db.select().from(terms).where(eq(terms.bodyId, bodyId)).orderBy(terms.number);
}
