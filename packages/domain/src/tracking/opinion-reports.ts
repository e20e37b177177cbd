import { z } from 'zod';
import type { FireContext, ItemSnapshot, MachineDef, RuleIssue } from './engine.ts';
import { cstDate } from './proposals.ts';

/**
 * 社情民意信息 (DOMAIN.md "Public-opinion reports"): submitted → edited → approved (签批) → forwarded (报送)
 * → instructed (批示) → archived. Adoption (采用) by each level and every further forward or instruction are
 * actions that record data and keep the state, because they come in any number and any order; only the
 * first instruction moves the report to `instructed`, since from then on its follow-up is owed.
 * `declined` (不予采用) is the editor's other answer. A late instruction may reach an archived report: it
 * reopens it for follow-up, the only way out of a final state.
 */
export const REPORT_STATES = [
  'draft',
  'submitted', // 已报送 (awaiting the editor)
  'edited', // 已编辑 (awaiting 签批)
  'approved', // 已签批
  'forwarded', // 已报送 (in a bulletin)
  'instructed', // 获领导批示 (follow-up owed)
  'declined', // 不予采用
  'archived', // 已归档
] as const;
export type ReportState = (typeof REPORT_STATES)[number];
export const ReportState = z.enum(REPORT_STATES);

/** Who submits a report. */
export const REPORT_SUBMITTER_KINDS = ['member', 'sector', 'party', 'committee', 'organisation'] as const;
export type ReportSubmitterKind = (typeof REPORT_SUBMITTER_KINDS)[number];
export const ReportSubmitterKind = z.enum(REPORT_SUBMITTER_KINDS);

/** Where a bulletin goes, and the levels at which adoption is counted. */
export const REPORT_LEVELS = [
  'own_body', // 本级政协
  'higher_cppcc', // 上级政协
  'party_government', // 同级党委、政府
  'provincial', // 省级
  'national', // 全国
] as const;
export type ReportLevel = (typeof REPORT_LEVELS)[number];
export const ReportLevel = z.enum(REPORT_LEVELS);

/** The level of the leader who gave an instruction (批示领导级别). */
export const INSTRUCTION_LEVELS = ['national', 'provincial', 'city', 'county'] as const;
export type InstructionLevel = (typeof INSTRUCTION_LEVELS)[number];
export const InstructionLevel = z.enum(INSTRUCTION_LEVELS);

export interface ReportConfig {
  /** A report's length limit, in characters (whitespace not counted). */
  maxChars: number;
  /** Levels the body forwards to and counts adoption at. */
  levels: ReportLevel[];
  /** Every instruction needs its follow-up recorded before the report is archived. */
  requireFeedbackBeforeArchive: boolean;
}

export const DEFAULT_REPORT_CONFIG: ReportConfig = {
  maxChars: 1500,
  levels: [...REPORT_LEVELS],
  requireFeedbackBeforeArchive: true,
};

export type ReportInstruction = {
  leaderName: string;
  leaderLevel: InstructionLevel;
  text: string;
  date: string;
  feedback: { text: string; at: string }[];
};

// A type alias, not an interface, so that it is assignable to the engine's Record<string, unknown>.
export type ReportData = {
  submitterKind: ReportSubmitterKind;
  /** Characters of the current text; the server sets it whenever the text is saved. */
  charCount: number;
  /** Set when a proposal was converted into this report. */
  convertedFromId: string | null;
  submittedAt: string | null;
  editedAt: string | null;
  approvedAt: string | null;
  forwards: { level: ReportLevel; bulletin: string; number: string; at: string }[];
  adoptions: { level: ReportLevel; at: string }[];
  instructions: ReportInstruction[];
  declineReason: string | null;
  archivedAt: string | null;
};

export function newReportData(submitterKind: ReportSubmitterKind = 'member', charCount = 0): ReportData {
  return {
    submitterKind,
    charCount,
    convertedFromId: null,
    submittedAt: null,
    editedAt: null,
    approvedAt: null,
    forwards: [],
    adoptions: [],
    instructions: [],
    declineReason: null,
    archivedAt: null,
  };
}

/** Characters as an editor counts them: every code point except whitespace (a Han character is one). */
export function countChars(text: string): number {
  let n = 0;
  for (const ch of text) if (!/\s/u.test(ch)) n++;
  return n;
}

const Reason = z.string().trim().min(2).max(2000);
const Comment = z.string().trim().max(2000).optional();

export const ReportActionPayloads = {
  submit: z.strictObject({ comment: Comment }),
  edit: z.strictObject({ content: z.string().trim().min(2).max(20000), note: Comment }),
  decline: z.strictObject({ reason: Reason }),
  approve: z.strictObject({ comment: Comment }),
  forward: z.strictObject({
    level: ReportLevel,
    bulletin: z.string().trim().min(2).max(100), // 刊物, e.g. 社情民意
    number: z.string().trim().min(1).max(60), // 期号, e.g. 2025年第12期
  }),
  record_adoption: z.strictObject({ level: ReportLevel, note: Comment }),
  record_instruction: z.strictObject({
    leaderName: z.string().trim().min(2).max(100),
    leaderLevel: InstructionLevel,
    text: z.string().trim().min(2).max(5000),
    date: z.iso.date(),
  }),
  record_feedback: z.strictObject({
    instruction: z.number().int().min(0).max(99),
    text: z.string().trim().min(2).max(5000),
  }),
  archive: z.strictObject({ comment: Comment }),
} as const;
export type ReportAction = keyof typeof ReportActionPayloads;
export const REPORT_ACTIONS = Object.keys(ReportActionPayloads) as ReportAction[];
type P<A extends ReportAction> = z.infer<(typeof ReportActionPayloads)[A]>;

type Item = ItemSnapshot<ReportState> & { data: ReportData };
type Ctx = FireContext<ReportConfig>;
const data = (i: ItemSnapshot<ReportState>) => (i as Item).data;
const issue = (path: string, message: string): RuleIssue => ({ path, message });

function lengthRules(chars: number, ctx: Ctx, path: string): RuleIssue[] {
  if (chars === 0) return [issue(path, 'report_empty')];
  return chars > ctx.config.maxChars ? [issue(path, 'report_too_long')] : [];
}

const levelRules = (level: ReportLevel, ctx: Ctx): RuleIssue[] =>
  ctx.config.levels.includes(level) ? [] : [issue('level', 'unknown_level')];

const OUT: ReportState[] = ['forwarded', 'instructed', 'archived'];

export const reportMachine: MachineDef<ReportState, ReportAction, ReportConfig> = {
  type: 'opinion_report',
  states: REPORT_STATES,
  initial: 'draft',
  final: ['declined', 'archived'],
  transitions: {
    submit: {
      from: ['draft'],
      to: 'submitted',
      by: ['proposer'],
      requires: (i, _p, ctx) => lengthRules(data(i).charCount, ctx, 'content'),
      sets: (_i, _p, ctx) => ({ submittedAt: ctx.now.toISOString() }),
    },
    // Light editing by the office; the edited text must still keep to the limit.
    edit: {
      from: ['submitted', 'edited'],
      to: 'edited',
      by: ['office'],
      requires: (_i, p: P<'edit'>, ctx) => lengthRules(countChars(p.content), ctx, 'content'),
      sets: (_i, p: P<'edit'>, ctx) => ({
        charCount: countChars(p.content),
        editedAt: ctx.now.toISOString(),
      }),
    },
    decline: {
      from: ['submitted', 'edited'],
      to: 'declined',
      by: ['office'],
      sets: (_i, p: P<'decline'>) => ({ declineReason: p.reason }),
    },
    approve: {
      from: ['edited'],
      to: 'approved',
      by: ['leader'],
      sets: (_i, _p, ctx) => ({ approvedAt: ctx.now.toISOString() }),
    },
    // The first forward sends it out; later ones (another level) keep the state. One bulletin per level.
    forward: {
      from: ['approved', 'forwarded', 'instructed'],
      to: (i) => (i.state === 'approved' ? 'forwarded' : i.state),
      by: ['office'],
      requires: (i, p: P<'forward'>, ctx) => [
        ...levelRules(p.level, ctx),
        ...(data(i).forwards.some((f) => f.level === p.level) ? [issue('level', 'already_forwarded')] : []),
      ],
      sets: (i, p: P<'forward'>, ctx) => ({
        forwards: [
          ...data(i).forwards,
          { level: p.level, bulletin: p.bulletin, number: p.number, at: ctx.now.toISOString() },
        ],
      }),
    },
    // Adoption is counted once per level; it may be learnt after archiving.
    record_adoption: {
      from: OUT,
      to: (i) => i.state,
      by: ['office'],
      requires: (i, p: P<'record_adoption'>, ctx) => [
        ...levelRules(p.level, ctx),
        ...(data(i).adoptions.some((a) => a.level === p.level) ? [issue('level', 'already_adopted')] : []),
      ],
      sets: (i, p: P<'record_adoption'>, ctx) => ({
        adoptions: [...data(i).adoptions, { level: p.level, at: ctx.now.toISOString() }],
      }),
    },
    record_instruction: {
      from: OUT,
      to: 'instructed',
      by: ['office'],
      requires: (_i, p: P<'record_instruction'>, ctx) =>
        p.date > cstDate(ctx.now) ? [issue('date', 'date_in_future')] : [],
      sets: (i, p: P<'record_instruction'>) => ({
        instructions: [...data(i).instructions, { ...p, feedback: [] }],
        archivedAt: null,
      }),
    },
    record_feedback: {
      from: ['instructed'],
      to: 'instructed',
      by: ['office'],
      requires: (i, p: P<'record_feedback'>) =>
        p.instruction < data(i).instructions.length ? [] : [issue('instruction', 'unknown_instruction')],
      sets: (i, p: P<'record_feedback'>, ctx) => ({
        instructions: data(i).instructions.map((x, k) =>
          k === p.instruction
            ? { ...x, feedback: [...x.feedback, { text: p.text, at: ctx.now.toISOString() }] }
            : x,
        ),
      }),
    },
    archive: {
      from: ['forwarded', 'instructed'],
      to: 'archived',
      by: ['office'],
      requires: (i, _p, ctx) =>
        ctx.config.requireFeedbackBeforeArchive && data(i).instructions.some((x) => !x.feedback.length)
          ? [issue('', 'feedback_missing')]
          : [],
      sets: (_i, _p, ctx) => ({ archivedAt: ctx.now.toISOString() }),
    },
  },
};
