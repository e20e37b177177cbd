import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { itemSigners, itemUnits, people, trackedItems } from '../db/schema.ts';
import type { Actor } from '../plugins/auth.ts';
import type { ItemRow, ItemTypeDef } from '../tracking/registry.ts';

/** The rows of a type this actor may see, in the body; the base of every list and by-id read. */
export function visibleItems(def: ItemTypeDef, actor: Actor & { bodyId: string }): SQL {
  return and(
    eq(trackedItems.bodyId, actor.bodyId),
    inArray(trackedItems.type, [...def.types]),
    def.scope(actor) ?? undefined,
  )!;
}

export async function findItem(
  db: Db,
  def: ItemTypeDef,
  actor: Actor & { bodyId: string },
  id: string,
): Promise<ItemRow | undefined> {
  const [row] = await db
    .select()
    .from(trackedItems)
    .where(and(eq(trackedItems.id, id), visibleItems(def, actor)));
  return row;
}

/** Newest first by id (UUIDv7: creation order); `after` is the last id of the previous page. */
export async function listItems(
  db: Db,
  def: ItemTypeDef,
  actor: Actor & { bodyId: string },
  filters: (SQL | undefined)[],
  page: { after?: string | undefined; limit: number },
): Promise<ItemRow[]> {
  return db
    .select()
    .from(trackedItems)
    .where(
      and(
        visibleItems(def, actor),
        ...filters,
        page.after ? sql`${trackedItems.id} < ${page.after}` : undefined,
      ),
    )
    .orderBy(desc(trackedItems.id))
    .limit(page.limit + 1);
}

/** Items assigned to a unit (in any role). */
export const assignedToUnit = (bodyId: string, unitId: string) =>
  sql`exists (select 1 from ${itemUnits} iu where iu.body_id = ${bodyId} and iu.item_id = ${trackedItems.id} and iu.unit_id = ${unitId})`;

export async function signersOfItems(db: Db, bodyId: string, itemIds: string[]) {
  if (!itemIds.length) return [];
  return (
    db
      .select({
        itemId: itemSigners.itemId,
        personId: itemSigners.personId,
        name: people.name,
        role: itemSigners.role,
        status: itemSigners.status,
        at: itemSigners.at,
      })
      .from(itemSigners)
      .innerJoin(people, eq(people.id, itemSigners.personId))
      .where(and(eq(itemSigners.bodyId, bodyId), inArray(itemSigners.itemId, itemIds)))
      // The lead first, then co-signers in the order they were named.
      .orderBy(asc(itemSigners.itemId), desc(itemSigners.role), asc(itemSigners.at))
  );
}

export async function personNames(db: Db, bodyId: string, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return new Map<string, string>();
  const rows = await db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(and(eq(people.bodyId, bodyId), inArray(people.id, wanted)));
  return new Map(rows.map((p) => [p.id, p.name]));
}
