import {
  codeLabel,
  LABELS,
  type OpinionReport,
  type Proposal,
  proposalLabel,
  type ReportLevel,
} from '@yiting/domain';
import { ratingText } from './key-proposals.ts';
import { cstDay, day, joinList, lbl, type TableColumn } from './table.ts';

const levels = (xs: ReportLevel[], l: 'zh-CN' | 'en-US') =>
  joinList(
    [...new Set(xs)].map((x) => lbl(LABELS.reportLevel[x], l)),
    l,
  );

/** The proposals list's export (GET /proposals/export.xlsx): what the office's 提案 register holds. */
export const PROPOSAL_COLUMNS: TableColumn<Proposal>[] = [
  { zh: '编号', en: 'Number', width: 12, value: (p) => p.number },
  {
    zh: '届次会次',
    en: 'Session',
    width: 12,
    value: (p, l) =>
      p.sessionTerm && p.sessionMeeting
        ? l === 'en-US'
          ? `term ${p.sessionTerm}, meeting ${p.sessionMeeting}`
          : `${p.sessionTerm}届${p.sessionMeeting}次`
        : null,
  },
  { zh: '标题', en: 'Title', width: 40, value: (p) => p.title },
  { zh: '类别', en: 'Category', width: 12, value: (p) => p.category },
  { zh: '提出方', en: 'Proposer', width: 18, value: (p) => p.proposerName ?? p.submitterName },
  { zh: '界别', en: 'Sector', width: 14, value: (p) => p.sector },
  { zh: '状态', en: 'State', width: 12, value: (p, l) => proposalLabel(p.kind, 'proposalState', p.state, l) },
  {
    zh: '主办单位',
    en: 'Lead unit(s)',
    width: 22,
    value: (p, l) =>
      joinList(
        p.units.filter((u) => u.role !== 'co').map((u) => u.unitName),
        l,
      ),
  },
  {
    zh: '会办单位',
    en: 'Co-handling units',
    width: 22,
    value: (p, l) =>
      joinList(
        p.units.filter((u) => u.role === 'co').map((u) => u.unitName),
        l,
      ),
  },
  { zh: '交办日期', en: 'Assigned on', width: 12, value: (p) => cstDay(p.assignedAt) },
  { zh: '答复期限', en: 'Reply deadline', width: 12, value: (p) => day(p.replyDeadline) },
  { zh: '答复日期', en: 'Replied on', width: 12, value: (p) => cstDay(p.repliedAt) },
  {
    zh: '答复类别',
    en: 'Result category',
    width: 14,
    value: (p, l) =>
      joinList(
        [
          ...new Set(
            p.units.map((u) => u.finalCategory ?? u.reply?.category).filter((c): c is string => !!c),
          ),
        ].map((c) => codeLabel('resultCategory', c, l)),
        l,
      ),
  },
  { zh: '满意度', en: 'Rating', width: 16, value: (p, l) => ratingText(p, l) },
  { zh: '重点', en: 'Key', width: 8, value: (p, l) => (p.key ? (l === 'en-US' ? 'Yes' : '是') : null) },
  {
    zh: '预警',
    en: 'Warning',
    width: 14,
    value: (p, l) => (p.warning ? lbl(LABELS.warning[p.warning], l) : null),
  },
];

/** The opinion reports' export (GET /opinion-reports/export.xlsx): what was sent on and what came of it. */
export const REPORT_COLUMNS: TableColumn<OpinionReport>[] = [
  {
    zh: '刊物期号',
    en: 'Bulletin issue',
    width: 20,
    value: (r, l) =>
      joinList(
        r.forwards.map((f) => `${f.bulletin} ${f.number}`.trim()),
        l,
      ),
  },
  { zh: '标题', en: 'Title', width: 40, value: (r) => r.title },
  { zh: '提交人', en: 'Submitted by', width: 18, value: (r) => r.proposerName ?? r.submitterName },
  { zh: '类别', en: 'Category', width: 12, value: (r) => r.category },
  { zh: '界别', en: 'Sector', width: 14, value: (r) => r.sector },
  { zh: '状态', en: 'State', width: 12, value: (r, l) => lbl(LABELS.reportState[r.state], l) },
  { zh: '提交日期', en: 'Submitted on', width: 12, value: (r) => cstDay(r.submittedAt) },
  {
    zh: '报送层级',
    en: 'Forwarded to',
    width: 18,
    value: (r, l) =>
      levels(
        r.forwards.map((f) => f.level),
        l,
      ),
  },
  { zh: '采用层级', en: 'Adopted at', width: 18, value: (r, l) => levels(r.adoptionLevels, l) },
  { zh: '批示数', en: 'Instructions', width: 8, value: (r) => r.instructionCount },
  { zh: '字数', en: 'Characters', width: 8, value: (r) => r.charCount },
];
