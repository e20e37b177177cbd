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
import ExcelJS from 'exceljs';

type Column = { zh: string; en: string; width: number; value: (p: KeyProposal, l: Locale) => unknown };

const lbl = (x: { zh: string; en: string }, l: Locale) => (l === 'en-US' ? x.en : x.zh);
const join = (xs: (string | null | undefined)[], l: Locale) =>
  xs.filter(Boolean).join(l === 'en-US' ? '; ' : '；') || null;
const day = (s: string | null) => (s ? new Date(`${s.slice(0, 10)}T00:00:00Z`) : null);
const cstDay = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The proposer's ratings of the latest round rated, one per replying unit. */
function ratingText(p: KeyProposal, l: Locale): string | null {
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
export const KEY_HEADER_ROW = 3;

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
  const wb = new ExcelJS.Workbook();
  wb.creator = '议厅 Yiting';
  wb.created = new Date();
  const what =
    opts.kind === 'proposal' ? (en ? 'Key proposals' : '重点提案') : en ? 'Key suggestions' : '重点督办建议';
  const ws = wb.addWorksheet(what, {
    views: [{ state: 'frozen', ySplit: KEY_HEADER_ROW, xSplit: 2 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const cols = [{ zh: '序号', en: 'No.', width: 6 }, ...COLUMNS];
  cols.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
  });
  const last = ws.getColumn(cols.length).letter;
  const s = progress.session;
  const session = s
    ? en
      ? ` (term ${s.term}, meeting ${s.meeting})`
      : `（第${s.term}届第${s.meeting}次会议）`
    : '';

  ws.mergeCells(`A1:${last}1`);
  const title = ws.getCell('A1');
  title.value = en ? `${opts.bodyName} — ${what}${session}` : `${opts.bodyName}${what}办理进展${session}`;
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
  ws.mergeCells(`A2:${last}2`);
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
  ws.getCell('A2').value = info.join(en ? '; ' : '；');
  ws.getCell('A2').font = { color: { argb: 'FF595959' } };

  const header = ws.getRow(KEY_HEADER_ROW);
  const thin = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
  cols.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = en ? c.en : c.zh;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = { top: thin, bottom: thin, left: thin, right: thin };
  });
  header.height = 24;
  ws.autoFilter = {
    from: { row: KEY_HEADER_ROW, column: 1 },
    to: { row: KEY_HEADER_ROW, column: cols.length },
  };

  progress.items.forEach((p, i) => {
    const row = ws.addRow([i + 1, ...COLUMNS.map((c) => c.value(p, locale) ?? null)]);
    row.alignment = { vertical: 'top', wrapText: true };
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = { top: thin, bottom: thin, left: thin, right: thin };
      if (cell.value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
    });
    // The warning cell in its traffic-light colour, as on the page.
    const w = p.warning;
    if (w && w !== 'green') {
      const cell = row.getCell(COLUMNS.findIndex((c) => c.zh === '预警') + 2);
      cell.font = { bold: true, color: { argb: w === 'red' ? 'FFCF1322' : 'FFD48806' } };
    }
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
