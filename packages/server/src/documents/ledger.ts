import {
  endOfDayCst,
  LABELS,
  type Locale,
  type MatterData,
  type MatterSource,
  type MatterState,
  matterIsActive,
  type RectificationStatus,
  type WarningLevel,
  warningLevel,
} from '@yiting/domain';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { files, itemEvents, itemFiles } from '../db/schema.ts';
import {
  type ItemRow,
  listMatters,
  type MatterFilter,
  namesFor,
  unitsOfItems,
} from '../repositories/matters.ts';
import { lbl, TABLE_HEADER_ROW, type TableColumn, tableInfo, tableWorkbook } from '../xlsx/table.ts';
import { cstParts } from './wording.ts';

/** One row of the rectification ledger (整改台账, DOMAIN.md): a matter and its latest report. */
export interface LedgerRow {
  number: string | null;
  title: string;
  content: string;
  source: MatterSource;
  sourceActivityTitle: string | null;
  requirements: string | null;
  measures: string | null;
  leadUnit: string | null;
  coUnits: string[];
  /** Who reported for the unit last (the unit's responsible person on record). */
  responsiblePerson: string | null;
  /** The leader supervising the matter. */
  responsibleLeader: string | null;
  deadline: string | null;
  status: RectificationStatus;
  evidence: string[];
  closedOn: string | null;
  approvedBy: string | null;
  state: MatterState;
  warning: WarningLevel | null;
}

/** The ledger is bounded: past this many matters the sheet says it was cut short. */
export const LEDGER_MAX_ROWS = 20_000;
const PAGE = 1000;
const REPORTS = ['report_progress', 'submit_completion'];
const CLOSINGS = ['close_out', 'record_vote'];

const isoDay = (d: Date) => {
  const p = cstParts(d);
  return `${p.y}-${String(p.m).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`;
};

/**
 * 整改状态: 已完成 once the unit submitted completion (or the matter is closed out), else the status of
 * its latest progress report, else 未整改.
 */
function statusOf(state: MatterState, latestReported: RectificationStatus | null): RectificationStatus {
  if (state === 'completion_submitted' || state === 'closed') return 'completed';
  return latestReported ?? 'not_started';
}

function groupBy<T extends { itemId: string }>(xs: T[]) {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const list = m.get(x.itemId);
    if (list) list.push(x);
    else m.set(x.itemId, [x]);
  }
  return m;
}

async function rowsOfPage(db: Db, bodyId: string, items: ItemRow[], yellowDays: number, now: Date) {
  const ids = items.map((r) => r.id);
  const [units, names, events, attached] = await Promise.all([
    unitsOfItems(db, bodyId, ids),
    namesFor(db, items),
    db
      .select({
        itemId: itemEvents.itemId,
        action: itemEvents.action,
        toState: itemEvents.toState,
        actorName: itemEvents.actorName,
        payload: itemEvents.payload,
      })
      .from(itemEvents)
      .where(
        and(
          eq(itemEvents.bodyId, bodyId),
          inArray(itemEvents.itemId, ids),
          inArray(itemEvents.action, [...REPORTS, ...CLOSINGS]),
        ),
      )
      .orderBy(asc(itemEvents.itemId), asc(itemEvents.seq)),
    db
      .select({ itemId: itemFiles.itemId, name: files.name })
      .from(itemFiles)
      .innerJoin(files, eq(files.id, itemFiles.fileId))
      .where(and(eq(itemFiles.bodyId, bodyId), inArray(itemFiles.itemId, ids)))
      .orderBy(asc(files.createdAt)),
  ]);
  // Grouped once: a page of 1,000 matters may carry tens of thousands of events.
  const unitsBy = groupBy(units);
  const eventsBy = groupBy(events);
  const filesBy = groupBy(attached);
  return items.map((r): LedgerRow => {
    const state = r.state as MatterState;
    const mine = unitsBy.get(r.id) ?? [];
    const evs = eventsBy.get(r.id) ?? [];
    const reports = evs.filter((e) => REPORTS.includes(e.action));
    const lastReport = reports.at(-1);
    const lastStatus = reports.filter((e) => e.action === 'report_progress').at(-1)?.payload as
      | { status?: RectificationStatus }
      | undefined;
    const p = (lastReport?.payload ?? {}) as { measures?: string; summary?: string };
    const closing =
      state === 'closed'
        ? evs.filter((e) => CLOSINGS.includes(e.action) && e.toState === 'closed').at(-1)
        : undefined;
    return {
      number: r.number,
      title: r.title,
      content: r.content,
      source: (r.data as MatterData).source,
      sourceActivityTitle: r.sourceActivityId ? (names.activity.get(r.sourceActivityId) ?? null) : null,
      requirements: r.requirements,
      measures: p.measures ?? p.summary ?? null,
      leadUnit: mine.find((u) => u.role === 'lead')?.unitName ?? null,
      coUnits: mine.filter((u) => u.role !== 'lead').map((u) => u.unitName),
      responsiblePerson: lastReport?.actorName ?? null,
      // The lead unit's own responsible leader when one was named; else the congress's supervising leader.
      responsibleLeader:
        mine.find((u) => u.role === 'lead')?.responsibleLeader ??
        (r.supervisorPersonId ? (names.person.get(r.supervisorPersonId) ?? null) : null),
      deadline: r.deadline,
      status: statusOf(state, lastStatus?.status ?? null),
      evidence: [...new Set((filesBy.get(r.id) ?? []).map((f) => f.name))],
      closedOn: r.closedAt ? isoDay(r.closedAt) : null,
      approvedBy: closing?.actorName ?? null,
      state,
      warning: warningLevel(
        {
          deadline: r.deadline ? endOfDayCst(r.deadline) : null,
          lastReportAt: r.lastReportAt,
          reportEveryDays: r.reportEveryDays,
          active: matterIsActive(state),
        },
        now,
        yellowDays,
      ),
    };
  });
}

/**
 * The ledger's rows, newest matter first, read page by page with the list's filters. Drafts and
 * cancelled matters are not rectification items and are left out unless asked for by state.
 */
export async function ledgerRows(
  db: Db,
  filter: MatterFilter,
  opts: { max?: number; now?: Date } = {},
): Promise<{ rows: LedgerRow[]; truncated: boolean }> {
  const max = opts.max ?? LEDGER_MAX_ROWS;
  const now = opts.now ?? new Date();
  const rows: LedgerRow[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await listMatters(db, { ...filter, after, limit: PAGE });
    const items = page.slice(0, PAGE);
    const wanted = filter.state ? items : items.filter((r) => r.state !== 'draft' && r.state !== 'cancelled');
    rows.push(...(await rowsOfPage(db, filter.bodyId, wanted, filter.yellowDays, now)));
    if (rows.length > max) return { rows: rows.slice(0, max), truncated: true };
    if (page.length <= PAGE) return { rows, truncated: false };
    after = items.at(-1)!.id;
  }
}

const day = (s: string | null) => (s ? new Date(`${s}T00:00:00Z`) : null);
const list = (xs: string[], locale: Locale) => xs.join(locale === 'en-US' ? '; ' : '；') || null;

/** The ledger's columns, in the order of DOMAIN.md's 整改台账 fields. */
export const LEDGER_COLUMNS: TableColumn<LedgerRow>[] = [
  { zh: '交办编号', en: 'Number', width: 20, value: (r) => r.number },
  { zh: '问题', en: 'Problem', width: 30, value: (r) => r.title },
  { zh: '问题描述', en: 'Description', width: 45, value: (r) => r.content },
  {
    zh: '来源',
    en: 'Source',
    width: 24,
    value: (r, l) =>
      [lbl(LABELS.matterSource[r.source], l), r.sourceActivityTitle]
        .filter(Boolean)
        .join(l === 'en-US' ? ': ' : '：'),
  },
  { zh: '整改要求', en: 'Requirements', width: 30, value: (r) => r.requirements },
  { zh: '整改措施', en: 'Measures', width: 45, value: (r) => r.measures },
  { zh: '责任单位', en: 'Responsible unit', width: 22, value: (r) => r.leadUnit },
  { zh: '会办单位', en: 'Co-handling units', width: 22, value: (r, l) => list(r.coUnits, l) },
  { zh: '责任人', en: 'Responsible person', width: 12, value: (r) => r.responsiblePerson },
  { zh: '责任领导', en: 'Responsible leader', width: 12, value: (r) => r.responsibleLeader },
  { zh: '整改时限', en: 'Deadline', width: 12, value: (r) => day(r.deadline) },
  { zh: '整改状态', en: 'Status', width: 11, value: (r, l) => lbl(LABELS.rectificationStatus[r.status], l) },
  { zh: '佐证材料', en: 'Evidence', width: 26, value: (r, l) => list(r.evidence, l) },
  { zh: '办结日期', en: 'Closing date', width: 12, value: (r) => day(r.closedOn) },
  { zh: '审核人', en: 'Approved by', width: 12, value: (r) => r.approvedBy },
  { zh: '事项状态', en: 'Matter state', width: 12, value: (r, l) => lbl(LABELS.matterState[r.state], l) },
  {
    zh: '预警',
    en: 'Warning',
    width: 14,
    value: (r, l) => (r.warning ? lbl(LABELS.warning[r.warning], l) : null),
  },
];

/** Row 1 title, row 2 what was exported, row 3 headers, data from row 4. */
export const LEDGER_HEADER_ROW = TABLE_HEADER_ROW;

export async function writeLedger(opts: {
  bodyName: string;
  rows: LedgerRow[];
  truncated: boolean;
  filters: string[];
  locale: Locale;
  exportedOn: string;
}): Promise<Buffer> {
  const en = opts.locale === 'en-US';
  return tableWorkbook({
    sheet: en ? 'Rectification ledger' : '整改台账',
    title: en ? `${opts.bodyName} — Rectification ledger` : `${opts.bodyName}整改台账`,
    info: tableInfo({
      locale: opts.locale,
      exportedOn: opts.exportedOn,
      count: opts.rows.length,
      noun: { zh: '事项数', en: 'Matters' },
      filters: opts.filters,
      truncated: opts.truncated,
    }),
    columns: LEDGER_COLUMNS,
    rows: opts.rows,
    locale: opts.locale,
  });
}
