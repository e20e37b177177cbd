import {
  codeLabel,
  KEY_STEPS,
  type KeyProgress,
  type KeyProposal,
  keyStepLabel,
  LABELS,
  type Locale,
  proposalLabel,
} from '@yiting/domain';
import { day, joinList as join, lbl, TABLE_HEADER_ROW, type TableColumn, tableWorkbook } from './table.ts';

type Column = TableColumn<KeyProposal>;

const cstDay = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The proposer's ratings of the latest round rated, one per replying unit. */
export function ratingText(p: Pick<KeyProposal, 'ratings' | 'units'>, l: Locale): string | null {
  const round = Math.max(0, ...p.ratings.map((r) => r.round));
  const latest = p.ratings.filter((r) => r.round === round);
  const unitName = (id: string) => p.units.find((u) => u.unitId === id)?.unitName ?? '';
  return join(
    latest.map((r) => {
      const v = r.overall ?? r.result ?? r.attitude;
      const text = v ? codeLabel('proposalRating', v, l) : null;
      return latest.length > 1 ? `${unitName(r.unitId)}${l === 'en-US' ? ': ' : '：'}${text}` : text;
    }),
    l,
  );
}

/** The progress view's columns (KeyProposalsPage), as a table to hand to the chair's meeting. */
const COLUMNS: Column[] = [
  { zh: '案号', en: 'Number', width: 14, value: (p) => p.number },
  { zh: '标题', en: 'Title', width: 40, value: (p) => p.title },
  { zh: '提案人', en: 'Proposer', width: 16, value: (p) => p.proposerName ?? p.submitterName },
  { zh: '督办领导', en: 'Supervising leader', width: 12, value: (p) => p.supervisorName },
  {
    zh: '主席会议',
    en: "Chair's meeting",
    width: 22,
    value: (p, l) => join([p.keyMeeting?.reference, p.keyMeeting?.date], l),
  },
  {
    zh: '主办单位',
    en: 'Lead unit(s)',
    width: 22,
    value: (p, l) =>
      join(
        p.units.filter((u) => u.role !== 'co').map((u) => u.unitName),
        l,
      ),
  },
  {
    zh: '会办单位',
    en: 'Co-handling units',
    width: 22,
    value: (p, l) =>
      join(
        p.units.filter((u) => u.role === 'co').map((u) => u.unitName),
        l,
      ),
  },
  { zh: '进展', en: 'Stage', width: 14, value: (p, l) => lbl(LABELS.keyStage[p.stage], l) },
  {
    zh: '已完成环节',
    en: 'Steps done',
    width: 30,
    value: (p, l) =>
      KEY_STEPS.slice(0, p.stepsDone)
        .map((s) => keyStepLabel(s, { kind: p.kind, locale: l }))
        .join(l === 'en-US' ? ' → ' : '→') || null,
  },
  { zh: '状态', en: 'State', width: 12, value: (p, l) => proposalLabel(p.kind, 'proposalState', p.state, l) },
  { zh: '下一期限', en: 'Next deadline', width: 12, value: (p) => day(p.nextDeadline?.date ?? null) },
  {
    zh: '预警',
    en: 'Warning',
    width: 14,
    value: (p, l) => (p.warning ? lbl(LABELS.warning[p.warning], l) : null),
  },
  {
    zh: '最新动态',
    en: 'Latest event',
    width: 28,
    value: (p, l) =>
      p.latestEvent
        ? join(
            [
              cstDay(p.latestEvent.at),
              proposalLabel(p.kind, 'proposalAction', p.latestEvent.action as never, l),
              p.latestEvent.actorName,
            ],
            l,
          )
        : null,
  },
  { zh: '评价', en: 'Rating', width: 16, value: (p, l) => ratingText(p, l) },
];

/** Row 1 title, row 2 the summary, row 3 headers, data from row 4 (as the ledger). */
export const KEY_HEADER_ROW = TABLE_HEADER_ROW;

export async function keyProposalsWorkbook(opts: {
  bodyName: string;
  progress: KeyProgress;
  kind: 'proposal' | 'suggestion';
  supervisor: string | null;
  locale: Locale;
  exportedOn: string;
}): Promise<Buffer> {
  const { progress, locale } = opts;
  const en = locale === 'en-US';
  const what =
    opts.kind === 'proposal' ? (en ? 'Key proposals' : '重点提案') : en ? 'Key suggestions' : '重点督办建议';
  const s = progress.session;
  const session = s
    ? en
      ? ` (term ${s.term}, meeting ${s.meeting})`
      : `（第${s.term}届第${s.meeting}次会议）`
    : '';

  const title = en ? `${opts.bodyName} — ${what}${session}` : `${opts.bodyName}${what}办理进展${session}`;
  const sum = progress.summary;
  const colon = en ? ': ' : '：';
  const info = [
    `${en ? 'Exported on' : '导出日期'}${colon}${opts.exportedOn}`,
    ...(opts.supervisor ? [`${en ? 'Supervising leader' : '督办领导'}${colon}${opts.supervisor}`] : []),
    `${en ? 'Total' : '共'}${colon}${sum.total}`,
    ...Object.entries(sum.byStage)
      .filter(([, n]) => n > 0)
      .map(
        ([stage, n]) => `${lbl(LABELS.keyStage[stage as keyof typeof LABELS.keyStage], locale)}${colon}${n}`,
      ),
    `${lbl(LABELS.warning.red, locale)}${colon}${sum.overdue}`,
  ];

  const warningColumn = COLUMNS.findIndex((c) => c.zh === '预警') + 2;
  return tableWorkbook({
    sheet: what,
    title,
    info,
    columns: COLUMNS,
    rows: progress.items,
    locale,
    // The warning cell in its traffic-light colour, as on the page.
    style: (row, p) => {
      if (p.warning && p.warning !== 'green')
        row.getCell(warningColumn).font = {
          bold: true,
          color: { argb: p.warning === 'red' ? 'FFCF1322' : 'FFD48806' },
        };
    },
  });
}
