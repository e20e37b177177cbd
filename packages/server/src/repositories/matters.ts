import type { MatterState } from '@yiting/domain';
import { and, asc, desc, eq, gt, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  activities,
  files,
  itemEvents,
  itemFiles,
  itemUnits,
  people,
  trackedItems,
  units,
} from '../db/schema.ts';
import { itemTextMatch } from './item-search.ts';

export type ItemRow = typeof trackedItems.$inferSelect;

export const ACTIVE_MATTER_STATES: MatterState[] = [
  'assigned',
  'objected',
  'received',
  'in_rectification',
  'completion_submitted',
];

/** Today in China, as the date deadlines are written in. */
export const todayCst = sql`(now() at time zone 'Asia/Shanghai')::date`;

/**
 * Warning levels in SQL, matching `warningLevel` in the domain (tested against it): red past the
 * deadline, yellow within `yellowDays` or with a progress report overdue, green otherwise.
 */
function warningParts(yellowDays: number) {
  return {
    active: inArray(trackedItems.state, ACTIVE_MATTER_STATES),
    red: sql`${trackedItems.deadline} < ${todayCst}`,
    soon: sql`${trackedItems.deadline} <= ${todayCst} + ${yellowDays}::int`,
    reportLate: sql`(${trackedItems.reportEveryDays} is not null and ${trackedItems.lastReportAt} < now() - make_interval(days => ${trackedItems.reportEveryDays}))`,
  };
}

export function warningSql(level: 'green' | 'yellow' | 'red', yellowDays: number): SQL {
  const { active, red, soon, reportLate } = warningParts(yellowDays);
  if (level === 'red') return and(active, red)!;
  if (level === 'yellow')
    return and(active, sql`not coalesce(${red}, false)`, sql`(coalesce(${soon}, false) or ${reportLate})`)!;
  return and(
    active,
    sql`not coalesce(${red}, false)`,
    sql`not coalesce(${soon}, false)`,
    sql`not ${reportLate}`,
  )!;
}

/** The same levels as one expression (null for items without a warning), for grouping. */
export function warningCaseSql(yellowDays: number): SQL<'green' | 'yellow' | 'red' | null> {
  const { active, red, soon, reportLate } = warningParts(yellowDays);
  return sql`case when not ${active} then null
    when coalesce(${red}, false) then 'red'
    when coalesce(${soon}, false) or ${reportLate} then 'yellow'
    else 'green' end`;
}

export interface MatterFilter {
  bodyId: string;
  /** A liaison's unit: only items assigned to it. */
  unitScope: string | null;
  state?: string | undefined;
  warning?: 'green' | 'yellow' | 'red' | undefined;
  unitId?: string | undefined;
  source?: string | undefined;
  overdue?: boolean | undefined;
  sourceActivityId?: string | undefined;
  /** Only matters this person supervises. */
  supervisorPersonId?: string | undefined;
  q?: string | undefined;
  yellowDays: number;
}

/** The list filters. With q, the list route ranks through `searchItems`; the ledger keeps id order. */
export function matterWhere(f: MatterFilter): SQL {
  const unitFilter = (unitId: string) =>
    sql`exists (select 1 from ${itemUnits} iu where iu.body_id = ${f.bodyId} and iu.item_id = ${trackedItems.id} and iu.unit_id = ${unitId})`;
  return and(
    eq(trackedItems.bodyId, f.bodyId),
    eq(trackedItems.type, 'matter'),
    f.unitScope ? unitFilter(f.unitScope) : undefined,
    f.unitId ? unitFilter(f.unitId) : undefined,
    f.state ? eq(trackedItems.state, f.state) : undefined,
    f.source ? eq(trackedItems.source, f.source) : undefined,
    f.sourceActivityId ? eq(trackedItems.sourceActivityId, f.sourceActivityId) : undefined,
    f.supervisorPersonId ? eq(trackedItems.supervisorPersonId, f.supervisorPersonId) : undefined,
    f.warning ? warningSql(f.warning, f.yellowDays) : undefined,
    f.overdue ? warningSql('red', f.yellowDays) : undefined,
    f.q ? itemTextMatch(f.q) : undefined,
  )!;
}

export async function listMatters(db: Db, f: MatterFilter & { after?: string | undefined; limit: number }) {
  return db
    .select()
    .from(trackedItems)
    .where(and(matterWhere(f), f.after ? sql`${trackedItems.id} < ${f.after}` : undefined))
    .orderBy(desc(trackedItems.id))
    .limit(f.limit + 1);
}

export async function findMatter(db: Db, bodyId: string, id: string, unitScope: string | null) {
  const [row] = await db
    .select()
    .from(trackedItems)
    .where(and(eq(trackedItems.id, id), matterWhere({ bodyId, unitScope, yellowDays: 0 })));
  return row;
}

export async function unitsOfItems(db: Db, bodyId: string, itemIds: string[]) {
  if (itemIds.length === 0) return [];
  return db
    .select({
      itemId: itemUnits.itemId,
      unitId: itemUnits.unitId,
      role: itemUnits.role,
      responsibleLeader: itemUnits.responsibleLeader,
      unitName: units.name,
    })
    .from(itemUnits)
    .innerJoin(units, eq(units.id, itemUnits.unitId))
    .where(and(eq(itemUnits.bodyId, bodyId), inArray(itemUnits.itemId, itemIds)))
    .orderBy(asc(itemUnits.assignedAt));
}

export async function namesFor(db: Db, rows: ItemRow[]) {
  const personIds = [...new Set(rows.map((r) => r.supervisorPersonId).filter((x): x is string => !!x))];
  const activityIds = [...new Set(rows.map((r) => r.sourceActivityId).filter((x): x is string => !!x))];
  const ps = personIds.length
    ? await db.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, personIds))
    : [];
  const as = activityIds.length
    ? await db
        .select({ id: activities.id, title: activities.title })
        .from(activities)
        .where(inArray(activities.id, activityIds))
    : [];
  return {
    person: new Map(ps.map((p) => [p.id, p.name])),
    activity: new Map(as.map((a) => [a.id, a.title])),
  };
}

export async function eventsOf(db: Db, bodyId: string, itemId: string, after?: number, limit = 200) {
  const events = await db
    .select()
    .from(itemEvents)
    .where(
      and(
        eq(itemEvents.bodyId, bodyId),
        eq(itemEvents.itemId, itemId),
        after ? gt(itemEvents.seq, after) : undefined,
      ),
    )
    .orderBy(asc(itemEvents.seq))
    .limit(limit + 1);
  const attached = events.length
    ? await db
        .select({
          eventId: itemFiles.eventId,
          id: files.id,
          name: files.name,
          size: files.size,
          mime: files.mime,
        })
        .from(itemFiles)
        .innerJoin(files, eq(files.id, itemFiles.fileId))
        .where(and(eq(itemFiles.bodyId, bodyId), eq(itemFiles.itemId, itemId)))
    : [];
  return { events, attached };
}
