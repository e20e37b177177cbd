import { LABELS, type Statistics } from '@yiting/domain';
import ExcelJS from 'exceljs';

type Cell = string | number | null;
type Sheet = { name: string; headers: [string, string][]; rows: Cell[][] };

const pct = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);

/**
 * The statistics page's tables, one sheet each: Chinese headers in row 1, English in row 2, figures from
 * row 3 (rates as percentages). The same numbers as GET /statistics: they come from the same object.
 */
export async function statisticsWorkbook(s: Statistics): Promise<Buffer> {
  const p = s.proposals;
  const r = s.reports;
  const kind = LABELS.proposalKind[p.kind];
  const summary: [string, string, number | null][] = [
    [`收到${kind.zh}`, `${kind.en}s received`, p.received.count],
    ['立案', 'Accepted', p.accepted.count],
    ['不予立案', 'Rejected', p.rejected.count],
    ['转办', 'Converted', p.converted.count],
    ['并案', 'Merged', p.merged.count],
    ['撤回', 'Withdrawn', p.withdrawn.count],
    ['重点提案', 'Key', p.key.count],
    ['立案率（%）', 'Acceptance rate (%)', pct(p.acceptanceRate)],
    ['承办单位数', 'Units involved', p.unitCount],
    ['已答复（件次）', 'Replies', p.replies.replied.count],
    ['按时答复（件次）', 'Replied on time', p.replies.onTime.count],
    ['逾期答复（件次）', 'Replied late', p.replies.late.count],
    ['按时答复率（%）', 'On-time rate (%)', pct(p.replies.onTimeRate)],
    ['已评价（件次）', 'Rated', p.ratings.rated.count],
    ['满意和基本满意（件次）', 'Satisfied', p.ratings.satisfied.count],
    ['不满意（件次）', 'Unsatisfied', p.ratings.unsatisfied.count],
    ['满意率（%）', 'Satisfaction rate (%)', pct(p.ratings.satisfactionRate)],
    ['报送社情民意信息', 'Opinion reports submitted', r.submitted.count],
    ['采用社情民意信息', 'Opinion reports adopted', r.adopted.count],
    ['不予采用', 'Opinion reports declined', r.declined.count],
    ['获批示信息', 'Reports instructed', r.instructed.count],
    ['领导批示（次）', 'Instructions', r.instructions.count],
  ];
  const breakdown = (rows: Statistics['proposals']['byCategory'], label = (k: string) => k) =>
    rows.map((b) => [
      b.key === null ? '（未填）' : label(b.key),
      b.received.count,
      b.accepted.count,
      pct(b.acceptanceRate),
    ]);
  const bHeaders: [string, string][] = [
    ['收到', 'Received'],
    ['立案', 'Accepted'],
    ['立案率（%）', 'Acceptance rate (%)'],
  ];
  const sheets: Sheet[] = [
    {
      name: '概况',
      headers: [
        ['指标', 'Figure'],
        ['英文名称', 'Figure (English)'],
        ['数值', 'Value'],
      ],
      rows: summary.map(([zh, en, v]) => [zh, en, v]),
    },
    { name: '按类别', headers: [['类别', 'Category'], ...bHeaders], rows: breakdown(p.byCategory) },
    { name: '按界别', headers: [['界别', 'Sector'], ...bHeaders], rows: breakdown(p.bySector) },
    {
      name: '按提交方式',
      headers: [['提交方式', 'Submitted by'], ...bHeaders],
      rows: breakdown(
        p.bySubmitterKind,
        (k) => LABELS.submitterKind[k as keyof typeof LABELS.submitterKind]?.zh ?? k,
      ),
    },
    {
      name: '承办单位',
      headers: [
        ['承办单位', 'Unit'],
        ['交办', 'Assigned'],
        ['已答复', 'Replied'],
        ['按时答复', 'On time'],
        ['逾期答复', 'Late'],
        ['按时答复率（%）', 'On-time rate (%)'],
        ['已评价', 'Rated'],
        ['满意和基本满意', 'Satisfied'],
        ['满意率（%）', 'Satisfaction rate (%)'],
      ],
      rows: p.units.map((u) => [
        u.unitName,
        u.assigned.count,
        u.replied.count,
        u.repliedOnTime.count,
        u.repliedLate.count,
        pct(u.onTimeRate),
        u.rated.count,
        u.satisfied.count,
        pct(u.satisfactionRate),
      ]),
    },
    {
      name: '答复类别',
      headers: [
        ['答复类别', 'Result category'],
        ['件次', 'Replies'],
        ['占比（%）', 'Share (%)'],
      ],
      rows: p.resultCategories.map((c) => [c.category, c.count.count, pct(c.share)]),
    },
    {
      name: '社情民意采用',
      headers: [
        ['采用层级', 'Adopted at'],
        ['篇数', 'Reports'],
      ],
      rows: r.adoptedByLevel.map((a) => [LABELS.reportLevel[a.level].zh, a.count.count]),
    },
    {
      name: '领导批示',
      headers: [
        ['批示领导级别', 'Leader level'],
        ['批示次数', 'Instructions'],
        ['获批示信息篇数', 'Reports'],
      ],
      rows: r.instructionsByLevel.map((i) => [
        LABELS.instructionLevel[i.level].zh,
        i.instructions.count,
        i.reports,
      ]),
    },
  ];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Yiting';
  for (const sh of sheets) {
    const ws = wb.addWorksheet(sh.name);
    ws.addRow(sh.headers.map((h) => h[0]));
    ws.addRow(sh.headers.map((h) => h[1]));
    ws.getRow(1).font = { bold: true };
    for (const row of sh.rows) ws.addRow(row);
    ws.columns.forEach((c, i) => {
      c.width = i === 0 ? 24 : 14;
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
