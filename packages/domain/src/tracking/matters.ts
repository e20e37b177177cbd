import { z } from 'zod';
import { addDuration, type Duration, type ItemSnapshot, type MachineDef, type RuleIssue } from './engine.ts';

/** 交办事项: a problem assigned to a handling unit and followed until it is closed out (销号). */
export const MATTER_STATES = [
  'draft',
  'assigned', // 交办 (notice issued)
  'objected', // the unit says it is the wrong one; the office decides
  'received', // 签收
  'in_rectification', // 整改中 (progress reports)
  'completion_submitted', // 办结报告已提交
  'closed', // 销号
  'cancelled',
] as const;
export type MatterState = (typeof MATTER_STATES)[number];
export const MatterState = z.enum(MATTER_STATES);

/** Where a matter came from (DOMAIN.md: supervision chain). */
export const MATTER_SOURCES = [
  'research_finding', // 调研发现问题
  'meeting_decision', // 议定事项
  'deliberation_opinion', // 审议意见
  'inquiry_followup', // 专题询问跟踪
  'inspection_finding', // 执法检查/视察发现问题
  'leader_instruction', // 领导批示
  'document', // 文件
] as const;
export type MatterSource = (typeof MATTER_SOURCES)[number];
export const MatterSource = z.enum(MATTER_SOURCES);

/** 整改台账 status of one progress report. */
export const RECTIFICATION_STATUSES = ['completed', 'partial', 'in_progress', 'not_started'] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];
export const RectificationStatus = z.enum(RECTIFICATION_STATUSES);

export interface MatterConfig {
  /** Default handling time by source; the issuer may set an earlier or later deadline. */
  timeLimits: Record<MatterSource, Duration>;
  /** Yellow warning this many days before the deadline. */
  yellowDays: number;
  /** A unit may object to an assignment within this many days. */
  objectionWindowDays: number;
  /** Approved extensions allowed per matter. */
  maxExtensions: number;
  /** Completion needs at least one evidence file. */
  requireEvidence: boolean;
  /** Failed satisfaction votes that mark a matter for accountability. */
  voteFailuresForAccountability: number;
  /** Progress reports are due this often, in days (yellow warning when missing). */
  reportEveryDays: number;
}

/** DOMAIN.md's defaults; a body overrides any of them in its configuration. */
export const DEFAULT_MATTER_CONFIG: MatterConfig = {
  timeLimits: {
    research_finding: { months: 3 },
    meeting_decision: { days: 20 },
    deliberation_opinion: { months: 3 },
    inquiry_followup: { months: 3 },
    inspection_finding: { months: 3 },
    leader_instruction: { days: 15 },
    document: { days: 30 },
  },
  yellowDays: 3,
  objectionWindowDays: 10,
  maxExtensions: 1,
  requireEvidence: true,
  voteFailuresForAccountability: 2,
  reportEveryDays: 30,
};

/** The fields of a matter the rules read and set (kept on the row; `deadline` etc. as ISO strings). */
// A type alias, not an interface, so that it is assignable to the engine's Record<string, unknown>.
export type MatterData = {
  source: MatterSource;
  leadUnitId: string | null;
  deadline: string | null;
  assignedAt: string | null;
  receivedAt: string | null;
  lastReportAt: string | null;
  submittedAt: string | null;
  closedAt: string | null;
  returnCount: number;
  extensionCount: number;
  pendingExtension: { until: string; reason: string } | null;
  voteFailures: number;
  accountability: boolean;
};

const Reason = z.string().trim().min(2).max(2000);
const FileIds = z.array(z.uuid()).max(20);
const IsoDate = z.iso.date();

/** Payload schemas of each action: the API validates with them, the web forms too. */
export const MatterActionPayloads = {
  assign: z.strictObject({
    leadUnitId: z.uuid(),
    coUnitIds: z.array(z.uuid()).max(20).optional(),
    /** The responsible leader (责任领导) of each handling unit, by unit id: name and post. */
    unitLeaders: z.record(z.uuid(), z.string().trim().min(1).max(60)).optional(),
    deadline: IsoDate.optional(),
    noticeNumber: z.string().max(60).optional(),
  }),
  receive: z.strictObject({ comment: z.string().max(2000).optional() }),
  object: z.strictObject({ reason: Reason, suggestedUnitId: z.uuid().optional() }),
  reassign: z.strictObject({
    leadUnitId: z.uuid(),
    coUnitIds: z.array(z.uuid()).max(20).optional(),
    /** The responsible leader (责任领导) of each handling unit, by unit id: name and post. */
    unitLeaders: z.record(z.uuid(), z.string().trim().min(1).max(60)).optional(),
    deadline: IsoDate.optional(),
  }),
  dismiss_objection: z.strictObject({ reason: Reason }),
  report_progress: z.strictObject({
    measures: z.string().trim().min(2).max(5000),
    status: RectificationStatus,
    evidenceFileIds: FileIds.optional(),
  }),
  request_extension: z.strictObject({ until: IsoDate, reason: Reason }),
  approve_extension: z.strictObject({ comment: z.string().max(2000).optional() }),
  reject_extension: z.strictObject({ reason: Reason }),
  submit_completion: z.strictObject({
    summary: z.string().trim().min(2).max(5000),
    evidenceFileIds: FileIds.optional(),
  }),
  return: z.strictObject({ reason: Reason }),
  close_out: z.strictObject({ comment: z.string().max(2000).optional() }),
  record_vote: z.strictObject({
    satisfied: z.number().int().min(0).max(10000),
    basicallySatisfied: z.number().int().min(0).max(10000).default(0),
    unsatisfied: z.number().int().min(0).max(10000),
    abstained: z.number().int().min(0).max(10000).default(0),
  }),
  reopen: z.strictObject({ reason: Reason }),
  urge: z.strictObject({ message: z.string().trim().min(2).max(2000) }),
  cancel: z.strictObject({ reason: Reason }),
} as const;
export type MatterAction = keyof typeof MatterActionPayloads;
export const MATTER_ACTIONS = Object.keys(MatterActionPayloads) as MatterAction[];
type P<A extends MatterAction> = z.infer<(typeof MatterActionPayloads)[A]>;

type Item = ItemSnapshot<MatterState> & { data: MatterData };
type Ctx = { now: Date; config: MatterConfig };

const ACTIVE: MatterState[] = [
  'assigned',
  'objected',
  'received',
  'in_rectification',
  'completion_submitted',
];
const HANDLING: MatterState[] = ['received', 'in_rectification'];
const DAY = 86_400_000;

/** End of the given day in China (UTC+8), so a deadline of 2025-09-30 lasts the whole of that day. */
export function endOfDayCst(date: string): Date {
  return new Date(`${date}T23:59:59.999+08:00`);
}

function deadlineRules(deadline: string | undefined, now: Date): RuleIssue[] {
  if (deadline && endOfDayCst(deadline).getTime() < now.getTime()) {
    return [{ path: 'deadline', message: 'deadline_in_past' }];
  }
  return [];
}

function defaultDeadline(source: MatterSource, now: Date, config: MatterConfig): string {
  return addDuration(now, config.timeLimits[source]).toISOString().slice(0, 10);
}

function assignment(item: Item, p: P<'assign'> | P<'reassign'>, ctx: Ctx) {
  return {
    leadUnitId: p.leadUnitId,
    coUnitIds: p.coUnitIds ?? [],
    deadline: p.deadline ?? item.data.deadline ?? defaultDeadline(item.data.source, ctx.now, ctx.config),
    assignedAt: ctx.now.toISOString(),
  };
}

export const matterMachine: MachineDef<MatterState, MatterAction, MatterConfig> = {
  type: 'matter',
  states: MATTER_STATES,
  initial: 'draft',
  final: ['closed', 'cancelled'],
  transitions: {
    assign: {
      from: ['draft'],
      to: 'assigned',
      by: ['office'],
      requires: (_i, p: P<'assign'>, ctx) => deadlineRules(p.deadline, ctx.now),
      sets: (i, p: P<'assign'>, ctx) => assignment(i as Item, p, ctx),
    },
    receive: {
      from: ['assigned'],
      to: 'received',
      by: ['lead_unit'],
      sets: (_i, _p, ctx) => ({ receivedAt: ctx.now.toISOString(), lastReportAt: ctx.now.toISOString() }),
    },
    object: {
      from: ['assigned'],
      to: 'objected',
      by: ['lead_unit'],
      requires: (i, _p, ctx) => {
        const assignedAt = (i as Item).data.assignedAt;
        if (!assignedAt) return [];
        const window = ctx.config.objectionWindowDays * DAY;
        return ctx.now.getTime() - new Date(assignedAt).getTime() > window
          ? [{ path: 'reason', message: 'objection_window_passed' }]
          : [];
      },
    },
    reassign: {
      from: ['objected'],
      to: 'assigned',
      by: ['office'],
      requires: (i, p: P<'reassign'>, ctx) => [
        ...deadlineRules(p.deadline, ctx.now),
        ...(p.leadUnitId === (i as Item).data.leadUnitId
          ? [{ path: 'leadUnitId', message: 'same_unit' }]
          : []),
      ],
      sets: (i, p: P<'reassign'>, ctx) => assignment(i as Item, p, ctx),
    },
    dismiss_objection: { from: ['objected'], to: 'assigned', by: ['office'] },
    report_progress: {
      from: HANDLING,
      to: 'in_rectification',
      by: ['lead_unit'],
      sets: (_i, _p, ctx) => ({ lastReportAt: ctx.now.toISOString() }),
    },
    request_extension: {
      from: HANDLING,
      to: (i) => i.state,
      by: ['lead_unit'],
      requires: (i, p: P<'request_extension'>, ctx) => {
        const d = (i as Item).data;
        const issues: RuleIssue[] = [];
        if (d.pendingExtension) issues.push({ path: 'until', message: 'extension_pending' });
        if (d.extensionCount >= ctx.config.maxExtensions)
          issues.push({ path: 'until', message: 'extension_limit' });
        if (d.deadline && endOfDayCst(d.deadline).getTime() < ctx.now.getTime()) {
          issues.push({ path: 'until', message: 'extension_after_deadline' });
        }
        if (d.deadline && p.until <= d.deadline)
          issues.push({ path: 'until', message: 'extension_not_later' });
        return issues;
      },
      sets: (_i, p: P<'request_extension'>) => ({ pendingExtension: { until: p.until, reason: p.reason } }),
    },
    approve_extension: {
      from: HANDLING,
      to: (i) => i.state,
      by: ['office', 'leader', 'supervisor'],
      requires: (i) =>
        (i as Item).data.pendingExtension ? [] : [{ path: '', message: 'no_extension_pending' }],
      sets: (i) => {
        const d = (i as Item).data;
        return {
          deadline: d.pendingExtension!.until,
          pendingExtension: null,
          extensionCount: d.extensionCount + 1,
        };
      },
    },
    reject_extension: {
      from: HANDLING,
      to: (i) => i.state,
      by: ['office', 'leader', 'supervisor'],
      requires: (i) =>
        (i as Item).data.pendingExtension ? [] : [{ path: '', message: 'no_extension_pending' }],
      sets: () => ({ pendingExtension: null }),
    },
    submit_completion: {
      from: HANDLING,
      to: 'completion_submitted',
      by: ['lead_unit'],
      requires: (_i, p: P<'submit_completion'>, ctx) =>
        ctx.config.requireEvidence && !(p.evidenceFileIds?.length ?? 0)
          ? [{ path: 'evidenceFileIds', message: 'evidence_required' }]
          : [],
      sets: (_i, _p, ctx) => ({ submittedAt: ctx.now.toISOString(), lastReportAt: ctx.now.toISOString() }),
    },
    return: {
      from: ['completion_submitted'],
      to: 'in_rectification',
      by: ['office'],
      sets: (i) => ({ returnCount: (i as Item).data.returnCount + 1, submittedAt: null }),
    },
    close_out: {
      from: ['completion_submitted'],
      to: 'closed',
      by: ['office', 'leader', 'supervisor'],
      sets: (_i, _p, ctx) => ({ closedAt: ctx.now.toISOString() }),
    },
    // A handling report put to the standing committee's satisfaction vote: a majority of 满意 (with
    // 基本满意 counted as satisfied) closes it; otherwise it goes back, and repeated failures mark it.
    record_vote: {
      from: ['completion_submitted'],
      to: (_i, p: P<'record_vote'>) => (votePasses(p) ? 'closed' : 'in_rectification'),
      by: ['office'],
      requires: (_i, p: P<'record_vote'>) =>
        p.satisfied + p.basicallySatisfied + p.unsatisfied + p.abstained === 0
          ? [{ path: 'satisfied', message: 'no_votes' }]
          : [],
      sets: (i, p: P<'record_vote'>, ctx) => {
        const d = (i as Item).data;
        if (votePasses(p)) return { closedAt: ctx.now.toISOString() };
        const voteFailures = d.voteFailures + 1;
        return {
          voteFailures,
          submittedAt: null,
          accountability: d.accountability || voteFailures >= ctx.config.voteFailuresForAccountability,
        };
      },
    },
    reopen: {
      from: ['closed'],
      to: 'in_rectification',
      by: ['office', 'leader', 'supervisor'],
      sets: () => ({ closedAt: null, submittedAt: null }),
    },
    urge: { from: ACTIVE, to: (i) => i.state, by: ['office', 'leader', 'supervisor'] },
    cancel: { from: ['draft', 'assigned', 'objected'], to: 'cancelled', by: ['office'] },
  },
};

export function votePasses(v: {
  satisfied: number;
  basicallySatisfied?: number;
  unsatisfied: number;
  abstained?: number;
}) {
  const yes = v.satisfied + (v.basicallySatisfied ?? 0);
  const total = yes + v.unsatisfied + (v.abstained ?? 0);
  return yes * 2 > total;
}

/** Active means a unit is expected to act: warnings apply. */
export function matterIsActive(state: MatterState): boolean {
  return ACTIVE.includes(state);
}

export function newMatterData(source: MatterSource): MatterData {
  return {
    source,
    leadUnitId: null,
    deadline: null,
    assignedAt: null,
    receivedAt: null,
    lastReportAt: null,
    submittedAt: null,
    closedAt: null,
    returnCount: 0,
    extensionCount: 0,
    pendingExtension: null,
    voteFailures: 0,
    accountability: false,
  };
}
