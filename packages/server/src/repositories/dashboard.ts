import type { MatterDashboard } from '@yiting/domain';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { itemUnits, trackedItems, units } from '../db/schema.ts';
import { ACTIVE_MATTER_STATES, todayCst, warningSql } from './matters.ts';

function rowsOf<T>(res: unknown): T[] {
  return (res as { rows: T[] }).rows;
}

const rate = (num: number, den: number) => (den === 0 ? null : Math.round((num / den) * 1000) / 1000);

/** The office's and leaders' overview of a body's matters; every figure maps to a list filter. */
export async function matterDashboard(db: Db, bodyId: string, yellowDays: number): Promise<MatterDashboard> {
  const scope = and(eq(trackedItems.bodyId, bodyId), eq(trackedItems.type, 'matter'));
  const byState = await db
    .select({ state: trackedItems.state, count: sql<number>`count(*)::int` })
    .from(trackedItems)
    .where(scope)
    .groupBy(trackedItems.state);
  const bySource = await db
    .select({ source: trackedItems.source, count: sql<number>`count(*)::int` })
    .from(trackedItems)
    .where(scope)
    .groupBy(trackedItems.source);
  const [w] = await db
    .select({
      green: sql<number>`count(*) filter (where ${warningSql('green', yellowDays)})::int`,
      yellow: sql<number>`count(*) filter (where ${warningSql('yellow', yellowDays)})::int`,
      red: sql<number>`count(*) filter (where ${warningSql('red', yellowDays)})::int`,
    })
    .from(trackedItems)
    .where(scope);
  const active = sql.join(
    ACTIVE_MATTER_STATES.map((s) => sql`${s}`),
    sql`, `,
  );
  const byUnit = rowsOf<{
    unit_id: string;
    unit_name: string;
    total: number;
    active: number;
    overdue: number;
    closed: number;
    closed_on_time: number;
  }>(
    await db.execute(sql`
      select iu.unit_id, u.name as unit_name,
        count(*) filter (where i.state not in ('draft', 'cancelled'))::int as total,
        count(*) filter (where i.state in (${active}))::int as active,
        count(*) filter (where i.state in (${active}) and i.deadline < ${todayCst})::int as overdue,
        count(*) filter (where i.state = 'closed')::int as closed,
        count(*) filter (where i.state = 'closed'
          and (i.closed_at at time zone 'Asia/Shanghai')::date <= i.deadline)::int as closed_on_time
      from ${itemUnits} iu
      join ${trackedItems} i on i.id = iu.item_id
      join ${units} u on u.id = iu.unit_id
      where iu.body_id = ${bodyId} and iu.role in ('lead', 'separate') and i.type = 'matter'
      group by iu.unit_id, u.name
      order by total desc, u.name
      limit 200`),
  );
  return {
    total: byState.reduce((n, r) => n + r.count, 0),
    byState: byState.map((r) => ({
      state: r.state as MatterDashboard['byState'][number]['state'],
      count: r.count,
    })),
    byWarning: (['green', 'yellow', 'red'] as const).map((level) => ({ level, count: w?.[level] ?? 0 })),
    bySource: bySource
      .filter((r) => r.source)
      .map((r) => ({ source: r.source as MatterDashboard['bySource'][number]['source'], count: r.count })),
    byUnit: byUnit.map((u) => ({
      unitId: u.unit_id,
      unitName: u.unit_name,
      total: u.total,
      active: u.active,
      overdue: u.overdue,
      closed: u.closed,
      closedOnTime: u.closed_on_time,
      onTimeRate: rate(u.closed_on_time, u.closed),
      closureRate: rate(u.closed, u.total),
    })),
  };
}
