import {
  INSTRUCTION_LEVELS,
  type InstructionLevel,
  type ListLink,
  type ProposalKind,
  type ProposalStatistics,
  REPORT_LEVELS,
  type ReportLevel,
  type ReportStatistics,
  type Statistics,
} from '@yiting/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { trackedItems } from '../db/schema.ts';

/**
 * Statistics of proposals/suggestions and public-opinion reports, counted from the items' events
 * (docs/statistics.md). The list filters behind each figure are built from the same SQL fragments below,
 * so a figure and the list it links to cannot drift apart.
 */

// ---------------------------------------------------------------- shared fragments

/** The year's bounds as instants: a calendar year in China (UTC+8). */
function yearBounds(year: number): [string, string] {
  return [`${year}-01-01T00:00:00+08:00`, `${year + 1}-01-01T00:00:00+08:00`];
}

function inYear(column: SQL, year: number | undefined): SQL {
  if (year === undefined) return sql`true`;
  const [start, end] = yearBounds(year);
  return sql`${column} >= ${start}::timestamptz and ${column} < ${end}::timestamptz`;
}

/** The event by which a proposal reaches the office: its first entry into review (once per item). */
const RECEIVED_EVENT = sql`e.action in ('submit', 'close_signatures') and e.to_state = 'submitted' and e.from_state in ('draft', 'collecting_signatures')`;
/** The event by which a report reaches the editor. */
const SUBMITTED_EVENT = sql`e.action = 'submit' and e.from_state = 'draft'`;

const exists = (bodyId: string, cond: SQL) =>
  sql`exists (select 1 from item_events e where e.body_id = ${bodyId} and e.item_id = ${trackedItems.id} and ${cond})`;

/** The item's facts (item_facts, kept from its events: see scopeCte) meet `cond`. */
const facts = (bodyId: string, cond: SQL) =>
  sql`exists (select 1 from item_facts f where f.item_id = ${trackedItems.id} and f.body_id = ${bodyId} and ${cond})`;

/** Proposals that reached the office (in `year`, when given). */
export const receivedSql = (bodyId: string, year?: number) =>
  facts(bodyId, sql`f.received_at is not null and ${inYear(sql`f.received_at`, year)}`);

/** Reports submitted (in `year`, when given). */
export const reportSubmittedSql = (bodyId: string, year?: number) =>
  facts(bodyId, sql`f.submitted_at is not null and ${inYear(sql`f.submitted_at`, year)}`);

export const acceptedSql = (bodyId: string) => facts(bodyId, sql`f.accepted`);

export const instructedAtLevelSql = (bodyId: string, level: InstructionLevel) =>
  exists(bodyId, sql`e.action = 'record_instruction' and e.payload->>'leaderLevel' = ${level}`);

/** A unit's latest reply to the item is on time: on or before the reply deadline in force (China's date). */
const ON_TIME = (at: SQL, deadline: SQL) =>
  sql`(${deadline} is null or (${at} at time zone 'Asia/Shanghai')::date <= (${deadline})::date)`;

/** Some of the values of a unit's latest rating (item_unit_facts.ratings) count as unsatisfied. */
const ratedUnsatisfied = (ratings: SQL, unsatisfied: readonly string[]) =>
  unsatisfied.length
    ? sql`${ratings} && array[${sql.join(
        unsatisfied.map((u) => sql`${u}`),
        sql`, `,
      )}]::text[]`
    : sql`false`;

/** Replying units of the list's item (only `unitId`, when given), for the per-unit filters. */
function replyingUnit(bodyId: string, unitId: string | undefined, cond: SQL): SQL {
  return sql`exists (select 1 from item_units iu where iu.body_id = ${bodyId} and iu.item_id = ${trackedItems.id}
    and iu.role <> 'co' ${unitId ? sql`and iu.unit_id = ${unitId}` : sql``} and ${cond})`;
}

/** The unit's facts (item_unit_facts: its latest reply, its latest rating) meet `cond`, inside replyingUnit. */
const unitFacts = (bodyId: string, cond: SQL) =>
  sql`exists (select 1 from item_unit_facts uf where uf.item_id = ${trackedItems.id} and uf.unit_id = iu.unit_id
    and uf.body_id = ${bodyId} and ${cond})`;

export function replySql(bodyId: string, status: 'any' | 'on_time' | 'late', unitId?: string): SQL {
  const onTime = ON_TIME(sql`uf.replied_at`, sql`${trackedItems.data}->>'replyDeadline'`);
  const cond =
    status === 'any'
      ? sql`uf.replied_at is not null`
      : status === 'on_time'
        ? sql`uf.replied_at is not null and ${onTime}`
        : sql`uf.replied_at is not null and not ${onTime}`;
  return replyingUnit(bodyId, unitId, unitFacts(bodyId, cond));
}

export function ratingSql(
  bodyId: string,
  status: 'any' | 'satisfied' | 'unsatisfied',
  unsatisfied: readonly string[],
  unitId?: string,
): SQL {
  const bad = ratedUnsatisfied(sql`uf.ratings`, unsatisfied);
  const cond =
    status === 'any'
      ? sql`uf.ratings is not null`
      : status === 'satisfied'
        ? sql`uf.ratings is not null and not ${bad}`
        : sql`uf.ratings is not null and ${bad}`;
  return replyingUnit(bodyId, unitId, unitFacts(bodyId, cond));
}

export function resultCategorySql(category: string, unitId?: string): SQL {
  return sql`exists (select 1 from jsonb_array_elements(${trackedItems.data}->'units') u where u->>'role' <> 'co'
    and u->>'finalCategory' = ${category} ${unitId ? sql`and u->>'unitId' = ${unitId}` : sql``})`;
}

// ---------------------------------------------------------------- the statistics

type Rows<T> = { rows: T[] };
async function rows<T>(db: Db, q: SQL): Promise<T[]> {
  return ((await db.execute(q)) as unknown as Rows<T>).rows;
}

const rate = (num: number, den: number) => (den === 0 ? null : Math.round((num / den) * 1000) / 1000);

export interface StatisticsScope {
  bodyId: string;
  year?: number | undefined;
  sessionTerm?: number | undefined;
  sessionMeeting?: number | undefined;
  kind: ProposalKind;
  /** The body's ratings that count as unsatisfied. */
  unsatisfied: readonly string[];
}

function proposalScope(s: StatisticsScope): { where: SQL; base: Record<string, string> } {
  const base: Record<string, string> = { kind: s.kind, received: 'true' };
  if (s.year !== undefined) base.year = String(s.year);
  if (s.sessionTerm !== undefined) base.sessionTerm = String(s.sessionTerm);
  if (s.sessionMeeting !== undefined) base.sessionMeeting = String(s.sessionMeeting);
  const where = sql`i.body_id = ${s.bodyId} and i.type = ${s.kind}
    ${s.sessionTerm !== undefined ? sql`and i.session_term = ${s.sessionTerm}` : sql``}
    ${s.sessionMeeting !== undefined ? sql`and i.session_meeting = ${s.sessionMeeting}` : sql``}`;
  return { where, base };
}

/**
 * The received proposals in scope, as a CTE `scope`, with only the narrow columns the figures read (a
 * materialised CTE of whole rows, data and all, costs more than the counting). Received and accepted come
 * from item_facts, which a trigger keeps from the events (migration 0007): the same definitions as
 * `receivedSql` and `acceptedSql`, without reading the timeline.
 */
function scopeCte(s: StatisticsScope): SQL {
  const { where } = proposalScope(s);
  // The JSON fields are taken before the join (offset 0 keeps the subquery apart), so the join hashes
  // the narrow facts rather than whole item rows.
  return sql`scope as materialized (
      select i.id, i.category, i.sector, i.submitter_kind, i.state, i.is_key, f.accepted, i.deadline, i.units
      from item_facts f join (select i.id, i.category, i.sector, i.submitter_kind, i.state, i.is_key,
          i.data->>'replyDeadline' as deadline, i.data->'units' as units from tracked_items i where ${where} offset 0) i
        on i.id = f.item_id
      where f.body_id = ${s.bodyId} and f.received_at is not null and ${inYear(sql`f.received_at`, s.year)}
    )`;
}

type ItemGroup = {
  category: string | null;
  sector: string | null;
  submitter_kind: string | null;
  state: string;
  is_key: boolean;
  accepted: boolean;
  n: number;
};

type UnitGroup = {
  unit_id: string;
  unit_name: string;
  role: string;
  reply: 'on_time' | 'late' | null;
  rating: 'satisfied' | 'unsatisfied' | null;
  category: string | null;
  n: number;
};

export async function proposalStatistics(db: Db, s: StatisticsScope): Promise<ProposalStatistics> {
  const { base } = proposalScope(s);
  const link = (extra: Record<string, string> = {}): ListLink => ({
    path: '/proposals',
    query: { ...base, ...extra },
  });
  const fig = (count: number, extra: Record<string, string> = {}) => ({ count, link: link(extra) });

  // One statement, two grouped scans of the same scope: the items (outcome, category, sector, submitter
  // kind), and (item, unit) pairs (the unit's latest reply against the deadline, its latest rating, its
  // approved result category), with the reply and the rating from item_unit_facts.
  const all = await rows<(ItemGroup & { part: 'item' }) | (UnitGroup & { part: 'unit' })>(
    db,
    sql`with ${scopeCte(s)}
      select 'item' as part, category, sector, submitter_kind, state, is_key, accepted,
        null::uuid as unit_id, null as unit_name, null as role, null as reply, null as rating, count(*)::int as n
      from scope group by 2, 3, 4, 5, 6, 7
      union all
      -- Grouped by unit id, then named: the group keys stay short.
      select 'unit', g.category, null, null, null, null, null, g.unit_id, un.name, g.role, g.reply, g.rating, g.n
      from (select fin.category, iu.unit_id, iu.role,
          case when uf.replied_at is null then null when ${ON_TIME(sql`uf.replied_at`, sql`scope.deadline`)} then 'on_time' else 'late' end as reply,
          case when uf.ratings is null then null when ${ratedUnsatisfied(sql`uf.ratings`, s.unsatisfied)} then 'unsatisfied' else 'satisfied' end as rating,
          count(*)::int as n
        from scope join item_units iu on iu.item_id = scope.id and iu.body_id = ${s.bodyId}
        left join item_unit_facts uf on uf.item_id = scope.id and uf.unit_id = iu.unit_id and uf.body_id = ${s.bodyId}
        -- The unit's approved result category, from the item's own units (a join per row, no hash of them all).
        left join lateral (select u->>'finalCategory' as category from jsonb_array_elements(scope.units) u
          where u->>'role' <> 'co' and u->>'unitId' = iu.unit_id::text) fin on true
        group by 1, 2, 3, 4, 5) g
      join units un on un.id = g.unit_id`,
  );
  const items = all.filter((r): r is ItemGroup & { part: 'item' } => r.part === 'item');
  const unitRows = all.filter((r): r is UnitGroup & { part: 'unit' } => r.part === 'unit');

  let received = 0;
  let accepted = 0;
  let key = 0;
  const byState = new Map<string, number>();
  const breakdown = (pick: (g: ItemGroup) => string | null, param: string) => {
    const m = new Map<string | null, { received: number; accepted: number }>();
    for (const g of items) {
      const b = m.get(pick(g)) ?? { received: 0, accepted: 0 };
      b.received += g.n;
      if (g.accepted) b.accepted += g.n;
      m.set(pick(g), b);
    }
    return [...m]
      .sort((a, b) => b[1].received - a[1].received || String(a[0]).localeCompare(String(b[0]), 'zh-CN'))
      .map(([k, b]) => {
        // Items without a value have no list filter of their own; their link is the whole scope.
        const f = k === null ? {} : { [param]: k };
        return {
          key: k,
          received: fig(b.received, f),
          accepted: fig(b.accepted, { ...f, accepted: 'true' }),
          acceptanceRate: rate(b.accepted, b.received),
        };
      });
  };
  for (const g of items) {
    received += g.n;
    if (g.accepted) accepted += g.n;
    if (g.is_key) key += g.n;
    byState.set(g.state, (byState.get(g.state) ?? 0) + g.n);
  }

  const units = new Map<
    string,
    { name: string; assigned: number; onTime: number; late: number; satisfied: number; unsatisfied: number }
  >();
  const categories = new Map<string, number>();
  for (const g of unitRows) {
    const u = units.get(g.unit_id) ?? {
      name: g.unit_name,
      assigned: 0,
      onTime: 0,
      late: 0,
      satisfied: 0,
      unsatisfied: 0,
    };
    u.assigned += g.n;
    if (g.reply === 'on_time') u.onTime += g.n;
    if (g.reply === 'late') u.late += g.n;
    if (g.rating === 'satisfied') u.satisfied += g.n;
    if (g.rating === 'unsatisfied') u.unsatisfied += g.n;
    units.set(g.unit_id, u);
    if (g.category) categories.set(g.category, (categories.get(g.category) ?? 0) + g.n);
  }
  const sum = (f: (u: typeof units extends Map<string, infer V> ? V : never) => number) =>
    [...units.values()].reduce((a, u) => a + f(u), 0);
  const onTime = sum((u) => u.onTime);
  const late = sum((u) => u.late);
  const satisfied = sum((u) => u.satisfied);
  const unsatisfied = sum((u) => u.unsatisfied);
  const categorised = [...categories.values()].reduce((a, n) => a + n, 0);
  const state = (st: string) => fig(byState.get(st) ?? 0, { state: st });

  return {
    kind: s.kind,
    received: fig(received),
    accepted: fig(accepted, { accepted: 'true' }),
    rejected: state('rejected'),
    converted: state('converted'),
    merged: state('merged'),
    withdrawn: state('withdrawn'),
    key: fig(key, { key: 'true' }),
    acceptanceRate: rate(accepted, received),
    byCategory: breakdown((g) => g.category, 'category'),
    bySector: breakdown((g) => g.sector, 'sector'),
    bySubmitterKind: breakdown((g) => g.submitter_kind, 'submitterKind'),
    replies: {
      replied: fig(onTime + late, { reply: 'any' }),
      onTime: fig(onTime, { reply: 'on_time' }),
      late: fig(late, { reply: 'late' }),
      onTimeRate: rate(onTime, onTime + late),
    },
    ratings: {
      rated: fig(satisfied + unsatisfied, { rating: 'any' }),
      satisfied: fig(satisfied, { rating: 'satisfied' }),
      unsatisfied: fig(unsatisfied, { rating: 'unsatisfied' }),
      satisfactionRate: rate(satisfied, satisfied + unsatisfied),
    },
    resultCategories: [...categories]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([category, n]) => ({
        category,
        count: fig(n, { resultCategory: category }),
        share: rate(n, categorised),
      })),
    unitCount: units.size,
    units: [...units]
      .sort((a, b) => b[1].assigned - a[1].assigned || a[1].name.localeCompare(b[1].name, 'zh-CN'))
      .map(([unitId, u]) => ({
        unitId,
        unitName: u.name,
        assigned: fig(u.assigned, { unitId }),
        replied: fig(u.onTime + u.late, { unitId, reply: 'any' }),
        repliedOnTime: fig(u.onTime, { unitId, reply: 'on_time' }),
        repliedLate: fig(u.late, { unitId, reply: 'late' }),
        onTimeRate: rate(u.onTime, u.onTime + u.late),
        rated: fig(u.satisfied + u.unsatisfied, { unitId, rating: 'any' }),
        satisfied: fig(u.satisfied, { unitId, rating: 'satisfied' }),
        satisfactionRate: rate(u.satisfied, u.satisfied + u.unsatisfied),
      })),
  };
}

type ReportGroup = { state: string; levels: string[] | string; instructed: boolean; n: number };

/** Postgres arrays come back as arrays from node-postgres, as text from some drivers: accept both. */
function asArray(v: string[] | string): string[] {
  if (Array.isArray(v)) return v;
  const inner = v.replace(/^\{|\}$/g, '');
  return inner ? inner.split(',') : [];
}

export async function reportStatistics(
  db: Db,
  s: { bodyId: string; year?: number | undefined },
): Promise<ReportStatistics> {
  const base: Record<string, string> = { submitted: 'true' };
  if (s.year !== undefined) base.year = String(s.year);
  const fig = (count: number, extra: Record<string, string> = {}) => ({
    count,
    link: { path: '/opinion-reports' as const, query: { ...base, ...extra } },
  });
  // The submitted reports from item_facts (submitted_at: the `submit` event from `draft`, migration 0008).
  const scope = sql`scope as (select i.id, i.state, i.adoption_levels, i.instruction_count
      from item_facts f join tracked_items i on i.id = f.item_id
      where f.body_id = ${s.bodyId} and f.submitted_at is not null and ${inYear(sql`f.submitted_at`, s.year)}
        and i.body_id = ${s.bodyId} and i.type = 'opinion_report')`;
  const groups = await rows<ReportGroup>(
    db,
    sql`with ${scope}
      select state, adoption_levels::text[] as levels, instruction_count > 0 as instructed, count(*)::int as n
      from scope group by 1, 2, 3`,
  );
  const byLevel = await rows<{ level: string; n: number; reports: number }>(
    db,
    sql`with ${scope}
      select e.payload->>'leaderLevel' as level, count(*)::int as n, count(distinct e.item_id)::int as reports
      from item_events e join scope on scope.id = e.item_id
      where e.body_id = ${s.bodyId} and e.action = 'record_instruction' group by 1`,
  );
  let submitted = 0;
  let adopted = 0;
  let declined = 0;
  let instructed = 0;
  const adoptedAt = new Map<string, number>();
  for (const g of groups) {
    const levels = asArray(g.levels);
    submitted += g.n;
    if (levels.length) adopted += g.n;
    if (g.state === 'declined') declined += g.n;
    if (g.instructed) instructed += g.n;
    for (const l of levels) adoptedAt.set(l, (adoptedAt.get(l) ?? 0) + g.n);
  }
  const instructions = byLevel.reduce((a, r) => a + r.n, 0);
  return {
    submitted: fig(submitted),
    adopted: fig(adopted, { adopted: 'true' }),
    declined: fig(declined, { state: 'declined' }),
    adoptedByLevel: REPORT_LEVELS.filter((l) => adoptedAt.has(l)).map((level: ReportLevel) => ({
      level,
      count: fig(adoptedAt.get(level)!, { adoptedLevel: level }),
    })),
    instructed: fig(instructed, { instructed: 'true' }),
    instructions: fig(instructions, { instructed: 'true' }),
    instructionsByLevel: INSTRUCTION_LEVELS.flatMap((level) => {
      const r = byLevel.find((x) => x.level === level);
      return r ? [{ level, instructions: fig(r.n, { instructedLevel: level }), reports: r.reports }] : [];
    }),
  };
}

/**
 * The years and sessions that have something to count: years in which proposals of the kind reached the
 * office or reports were submitted, and the sessions of the received proposals; latest first.
 */
export async function statisticsScopes(
  db: Db,
  s: { bodyId: string; kind: ProposalKind },
): Promise<{ years: number[]; sessions: { term: number; meeting: number }[] }> {
  const years = await rows<{ year: number }>(
    db,
    sql`select distinct extract(year from e.at at time zone 'Asia/Shanghai')::int as year
      from item_events e join tracked_items i on i.id = e.item_id
      where e.body_id = ${s.bodyId} and i.body_id = ${s.bodyId}
        and ((i.type = ${s.kind} and ${RECEIVED_EVENT}) or (i.type = 'opinion_report' and ${SUBMITTED_EVENT}))
      order by 1 desc`,
  );
  const sessions = await rows<{ term: number; meeting: number }>(
    db,
    sql`select distinct i.session_term as term, i.session_meeting as meeting
      from tracked_items i
      where i.body_id = ${s.bodyId} and i.type = ${s.kind} and i.session_term is not null
        and i.session_meeting is not null
        and exists (select 1 from item_events e where e.body_id = ${s.bodyId} and e.item_id = i.id and ${RECEIVED_EVENT})
      order by 1 desc, 2 desc`,
  );
  return {
    years: years.map((r) => Number(r.year)),
    sessions: sessions.map((r) => ({ term: Number(r.term), meeting: Number(r.meeting) })),
  };
}

export async function statistics(db: Db, s: StatisticsScope): Promise<Statistics> {
  return {
    bodyId: s.bodyId,
    year: s.year ?? null,
    sessionTerm: s.sessionTerm ?? null,
    sessionMeeting: s.sessionMeeting ?? null,
    proposals: await proposalStatistics(db, s),
    reports: await reportStatistics(db, s),
  };
}
