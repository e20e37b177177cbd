import type { ProposalKind } from '@yiting/domain';
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { itemEvents, trackedItems } from '../db/schema.ts';
import type { Actor } from '../plugins/auth.ts';
import type { ItemRow, ItemTypeDef } from '../tracking/registry.ts';
import { visibleItems } from './tracked-items.ts';

type BodyActor = Actor & { bodyId: string };

/** A session holds a few dozen key proposals at most; this bounds a runaway list all the same. */
export const KEY_PROPOSALS_MAX = 1000;

/** The sessions (届次·会次) of the proposals this actor may see, newest first, with their key ones. */
export async function proposalSessions(db: Db, def: ItemTypeDef, actor: BodyActor, kind: ProposalKind) {
  const rows = await db
    .select({
      term: trackedItems.sessionTerm,
      meeting: trackedItems.sessionMeeting,
      keyCount: sql<number>`(count(*) filter (where ${trackedItems.isKey}))::int`,
    })
    .from(trackedItems)
    .where(
      and(
        visibleItems(def, actor),
        eq(trackedItems.type, kind),
        isNotNull(trackedItems.sessionTerm),
        isNotNull(trackedItems.sessionMeeting),
      ),
    )
    .groupBy(trackedItems.sessionTerm, trackedItems.sessionMeeting)
    .orderBy(desc(trackedItems.sessionTerm), desc(trackedItems.sessionMeeting));
  return rows as { term: number; meeting: number; keyCount: number }[];
}

/** The key proposals of one session this actor may see, in number order. */
export async function keyProposalRows(
  db: Db,
  def: ItemTypeDef,
  actor: BodyActor,
  f: { kind: ProposalKind; term: number; meeting: number; supervisorPersonId?: string | undefined },
): Promise<ItemRow[]> {
  return db
    .select()
    .from(trackedItems)
    .where(
      and(
        visibleItems(def, actor),
        eq(trackedItems.type, f.kind),
        eq(trackedItems.isKey, true),
        eq(trackedItems.sessionTerm, f.term),
        eq(trackedItems.sessionMeeting, f.meeting),
        f.supervisorPersonId ? eq(trackedItems.supervisorPersonId, f.supervisorPersonId) : undefined,
      ),
    )
    .orderBy(sql`${trackedItems.seqNo} asc nulls last`, asc(trackedItems.id))
    .limit(KEY_PROPOSALS_MAX);
}

/** Each item's latest event (its timeline's last line), one query for the whole list. */
export async function latestEvents(db: Db, bodyId: string, itemIds: string[]) {
  if (!itemIds.length) return new Map<string, { action: string; at: Date; actorName: string | null }>();
  const rows = await db
    .selectDistinctOn([itemEvents.itemId], {
      itemId: itemEvents.itemId,
      action: itemEvents.action,
      at: itemEvents.at,
      actorName: itemEvents.actorName,
    })
    .from(itemEvents)
    .where(and(eq(itemEvents.bodyId, bodyId), inArray(itemEvents.itemId, itemIds)))
    .orderBy(itemEvents.itemId, desc(itemEvents.seq));
  return new Map(rows.map(({ itemId, ...e }) => [itemId, e]));
}
