import type { MatterDashboard } from '@yiting/domain';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { trackedItems, units } from '../db/schema.ts';
import { ACTIVE_MATTER_STATES, warningCaseSql } from './matters.ts';

const rate = (num: number, den: number) => (den === 0 ? null : Math.round((num / den) * 1000) / 1000);

type State = MatterDashboard['byState'][number]['state'];
type Source = MatterDashboard['bySource'][number]['source'];

/**
 * The office's and leaders' overview of a body's matters, from ONE grouped scan of the body's matters
 * (every figure maps to a list filter of GET /matters, which uses the same warning expressions).
 */
export async function matterDashboard(db: Db, bodyId: string, yellowDays: number): Promise<MatterDashboard> {
  const warning = warningCaseSql(yellowDays);
  const onTime = sql<boolean>`(${trackedItems.state} = 'closed' and (${trackedItems.closedAt} at time zone 'Asia/Shanghai')::date <= ${trackedItems.deadline})`;
  const groups = await db
    .select({
      unitId: trackedItems.leadUnitId,
      state: trackedItems.state,
      source: trackedItems.source,
      warning,
      onTime,
      count: sql<number>`count(*)::int`,
    })
    .from(trackedItems)
    .where(and(eq(trackedItems.bodyId, bodyId), eq(trackedItems.type, 'matter')))
    // By position: the expressions carry bind parameters, which PostgreSQL will not match by text.
    .groupBy(sql`1, 2, 3, 4, 5`);

  const byState = new Map<string, number>();
  const bySource = new Map<string, number>();
  const byWarning = { green: 0, yellow: 0, red: 0 };
  const byUnit = new Map<
    string,
    { total: number; active: number; overdue: number; closed: number; closedOnTime: number }
  >();
  let total = 0;
  for (const g of groups) {
    total += g.count;
    byState.set(g.state, (byState.get(g.state) ?? 0) + g.count);
    if (g.source) bySource.set(g.source, (bySource.get(g.source) ?? 0) + g.count);
    if (g.warning) byWarning[g.warning] += g.count;
    if (!g.unitId || g.state === 'draft' || g.state === 'cancelled') continue;
    const u = byUnit.get(g.unitId) ?? { total: 0, active: 0, overdue: 0, closed: 0, closedOnTime: 0 };
    u.total += g.count;
    if (ACTIVE_MATTER_STATES.includes(g.state as State)) u.active += g.count;
    if (g.warning === 'red') u.overdue += g.count;
    if (g.state === 'closed') u.closed += g.count;
    if (g.onTime) u.closedOnTime += g.count;
    byUnit.set(g.unitId, u);
  }
  const names = byUnit.size
    ? new Map(
        (
          await db
            .select({ id: units.id, name: units.name })
            .from(units)
            .where(inArray(units.id, [...byUnit.keys()]))
        ).map((u) => [u.id, u.name] as const),
      )
    : new Map<string, string>();
  return {
    total,
    byState: [...byState].map(([state, count]) => ({ state: state as State, count })),
    byWarning: (['green', 'yellow', 'red'] as const).map((level) => ({ level, count: byWarning[level] })),
    bySource: [...bySource].map(([source, count]) => ({ source: source as Source, count })),
    byUnit: [...byUnit]
      .map(([unitId, u]) => ({
        unitId,
        unitName: names.get(unitId) ?? '',
        ...u,
        onTimeRate: rate(u.closedOnTime, u.closed),
        closureRate: rate(u.closed, u.total),
      }))
      .sort((a, b) => b.total - a.total || a.unitName.localeCompare(b.unitName, 'zh-CN'))
      .slice(0, 200),
  };
}
