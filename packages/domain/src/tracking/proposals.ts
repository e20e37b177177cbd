import { z } from 'zod';
import {
  addDuration,
  type Duration,
  type FireContext,
  type ItemSnapshot,
  type MachineDef,
  type RuleIssue,
} from './engine.ts';
import { endOfDayCst } from './matters.ts';

/**
 * 提案 (CPPCC) and 代表建议 (NPC): one machine. The two differ in wording (立案 / 受理, 提案人 / 代表) and in
 * a body's configuration, not in their flow, so `kind` is data and the labels pick the words.
 *
 * Why these states and no more (DOMAIN.md "Proposals and deputy suggestions"):
 * - `collecting_signatures` exists because co-signers confirm within a window while the text is frozen;
 * - the review has one state per outcome a proposer must be told about (`returned`, `rejected`,
 *   `converted`, `merged`, `accepted`) plus `conversion_offered`, since conversion needs the proposer's
 *   consent, which is the proposer's own act;
 * - `accepted` (立案) and `assigned` (交办) are apart because the office accepts during the review and
 *   assigns weeks later at the assignment meeting;
 * - re-handling is NOT a state: it is `handling` again with `round` = 2, a new reply deadline and only the
 *   unsatisfactory units' replies cleared. The same actions and rules apply; only data differs;
 * - rating is an action out of `replied`, not a state: its outcome (re-handling, follow-up, closed) is
 *   decided at once from the ratings and the result categories;
 * - `following_up` holds B/C items (being solved / solved later) until each unit gives a final answer.
 * Separate handling (分办) and co-handling (会办) live in `units`: the item moves on when every replying
 * unit has done its part, so one state describes the whole item.
 */
export const PROPOSAL_STATES = [
  'draft',
  'collecting_signatures', // 联名征集中 (co-signers confirm)
  'submitted', // 待审查
  'returned', // 退回修改
  'conversion_offered', // 拟转为社情民意信息/来信, awaiting the proposer's consent
  'rejected', // 不予立案
  'converted', // 已转办
  'merged', // 已并案 (answered through the item it was merged into)
  'withdrawn', // 提案人撤回
  'accepted', // 已立案
  'assigned', // 已交办 (units receive; objection window runs)
  'objected', // a unit says it is the wrong one; the office decides
  'handling', // 办理中 (round 2 = 重新办理)
  'reply_submitted', // 答复待审核 (co-units countersign)
  'replied', // 已答复 (awaiting the proposer's rating)
  'following_up', // 跟踪落实 (B/C until a final answer)
  'closed', // 办结
] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];
export const ProposalState = z.enum(PROPOSAL_STATES);

export const PROPOSAL_KINDS = ['proposal', 'suggestion'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];
export const ProposalKind = z.enum(PROPOSAL_KINDS);

/** Who submits: a member/deputy alone or jointly, or an organisation (DOMAIN.md). */
export const SUBMITTER_KINDS = [
  'individual',
  'joint', // 领衔 + 附议/联名
  'sector', // 界别
  'party', // 党派
  'organisation', // 人民团体
  'committee', // 专门委员会
  'delegation', // 代表团 (NPC)
] as const;
export type SubmitterKind = (typeof SUBMITTER_KINDS)[number];
export const SubmitterKind = z.enum(SUBMITTER_KINDS);

export const SUBMISSION_WINDOWS = ['plenary', 'year_round'] as const; // 大会期间 / 平时
export type SubmissionWindow = (typeof SUBMISSION_WINDOWS)[number];

export const CONVERSION_TARGETS = ['opinion_report', 'letter'] as const; // 社情民意信息 / 来信
export type ConversionTarget = (typeof CONVERSION_TARGETS)[number];

export const CONTACT_METHODS = ['visit', 'phone', 'meeting', 'other'] as const; // 走访 / 电话 / 座谈
export type ContactMethod = (typeof CONTACT_METHODS)[number];

/** Defaults of the configurable lists; a body may add its own codes (with labels in `labels`). */
export const DEFAULT_REJECT_REASONS = [
  'state_secrets', // 涉及国家秘密
  'personal_matters', // 涉及提案人个人事务
  'litigation', // 涉及正在诉讼或司法处理的案件
  'academic_debate', // 属于学术探讨
  'product_promotion', // 宣传推介具体产品
  'empty_content', // 没有具体内容、只有一般性建议
  'multiple_matters', // 一案多事
  'outside_remit', // 不属于本级职权范围
] as const;
export const DEFAULT_RESULT_CATEGORIES = ['A', 'B', 'C', 'D'] as const;
export const DEFAULT_RATINGS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;

const Code = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/);

export interface ProposalConfig {
  /** 不予立案 reasons offered to the office. */
  rejectReasons: string[];
  /** Result categories of a reply (A/B/C/D by default). */
  resultCategories: string[];
  /** Categories that stay followed up until a final answer (B, C). */
  followUpCategories: string[];
  /** The proposer's rating scale, and which of its values count as unsatisfied. */
  ratingScale: string[];
  unsatisfiedRatings: string[];
  /** Rate the unit's attitude and the result apart instead of one overall rating. */
  rateAttitudeAndResultApart: boolean;
  /** Unsatisfied ratings trigger at most this many re-handling rounds. */
  rehandlingRounds: number;
  timeLimits: {
    /** Contact the proposer, from assignment. */
    contact: Duration;
    /** Reply, from assignment. */
    reply: Duration;
    /** Co-handling units' opinion to the lead unit, from assignment. */
    coOpinion: Duration;
    /** Second reply after an unsatisfied rating. */
    rehandling: Duration;
    /** The deadline after extension may not pass assignment + this. */
    maxTotal: Duration;
  };
  maxExtensions: number;
  objectionWindowDays: number;
  /** Co-signers confirm within this many days of the lead's submission. */
  signatureWindowDays: number;
  /** The plenary session's submission window (大会期间), ISO dates; null when none is set. */
  plenaryWindow: { start: string; end: string } | null;
  /** Proposals are also received between sessions (平时提案). */
  yearRound: boolean;
  conversionTargets: ConversionTarget[];
  requireContactBeforeReply: boolean;
  requireCountersign: boolean;
  /** A reply needs the sealed, signed letter as a file. */
  requireReplyFile: boolean;
  /** Public holidays (ISO dates) skipped by working-day limits. */
  holidays: string[];
  /** Reminders (and the yellow warning) this many days before a deadline: units', co-signers'. */
  yellowDays: number;
  /** Remind the proposer to rate a reply this many days after it; null: no reminder (DOMAIN.md sets none). */
  rateReminderDays: number | null;
  /** Labels of a body's own codes (reasons, categories, ratings) not in LABELS. */
  labels: Record<string, { zh: string; en: string }>;
}

/** DOMAIN.md's defaults; `signatureWindowDays` is ours (DOMAIN.md asks for a window without a figure). */
export const DEFAULT_PROPOSAL_CONFIG: ProposalConfig = {
  rejectReasons: [...DEFAULT_REJECT_REASONS],
  resultCategories: [...DEFAULT_RESULT_CATEGORIES],
  followUpCategories: ['B', 'C'],
  ratingScale: [...DEFAULT_RATINGS],
  unsatisfiedRatings: ['unsatisfied'],
  rateAttitudeAndResultApart: false,
  rehandlingRounds: 1,
  timeLimits: {
    contact: { workingDays: 15 },
    reply: { months: 3 },
    coOpinion: { months: 1 },
    rehandling: { months: 1 },
    maxTotal: { months: 6 },
  },
  maxExtensions: 1,
  objectionWindowDays: 10,
  signatureWindowDays: 7,
  plenaryWindow: null,
  yearRound: true,
  conversionTargets: [...CONVERSION_TARGETS],
  requireContactBeforeReply: true,
  requireCountersign: true,
  requireReplyFile: true,
  holidays: [],
  yellowDays: 3,
  rateReminderDays: null,
  labels: {},
};

/** A body's stored overrides (bodies.config.proposal) over the defaults; time limits merge one by one. */
export function resolveProposalConfig(
  overrides: Partial<Omit<ProposalConfig, 'timeLimits'>> & {
    timeLimits?: Partial<ProposalConfig['timeLimits']>;
  } = {},
): ProposalConfig {
  return {
    ...DEFAULT_PROPOSAL_CONFIG,
    ...overrides,
    timeLimits: { ...DEFAULT_PROPOSAL_CONFIG.timeLimits, ...overrides.timeLimits },
  };
}

export type Cosigner = {
  personId: string;
  status: 'pending' | 'confirmed' | 'declined';
  at: string | null;
};

/** One handling unit's share: lead (主办, replies), co (会办: opinion + countersign), separate (分办, replies). */
export type HandlingUnit = {
  unitId: string;
  role: 'lead' | 'co' | 'separate';
  receivedAt: string | null;
  contactedAt: string | null;
  opinionAt: string | null;
  countersignedAt: string | null;
  /** The reply of the current round; cleared when returned or re-handled. */
  reply: { category: string; at: string; round: number } | null;
  /** The category as approved by the office (it may change the unit's), then by a final answer. */
  finalCategory: string | null;
};

export type ProposalRating = {
  round: number;
  unitId: string;
  overall: string | null;
  attitude: string | null;
  result: string | null;
  at: string;
};

// A type alias, not an interface, so that it is assignable to the engine's Record<string, unknown>.
export type ProposalData = {
  kind: ProposalKind;
  submitterKind: SubmitterKind;
  cosigners: Cosigner[];
  /** Names that did not confirm in time or declined: kept for the record, off the proposal. */
  droppedCosigners: Cosigner[];
  signatureDeadline: string | null;
  window: SubmissionWindow | null;
  submittedAt: string | null;
  returnCount: number;
  rejectReason: string | null;
  conversion: { to: ConversionTarget } | null;
  mergedInto: string | null;
  mergedFrom: string[];
  acceptedAt: string | null;
  mode: 'lead' | 'separate' | null;
  units: HandlingUnit[];
  objections: { unitId: string; reason: string; at: string; outcome: 'pending' | 'upheld' | 'dismissed' }[];
  assignedAt: string | null;
  contactDeadline: string | null;
  coOpinionDeadline: string | null;
  replyDeadline: string | null;
  extensionCount: number;
  pendingExtension: { until: string; reason: string } | null;
  round: number;
  ratings: ProposalRating[];
  repliedAt: string | null;
  key: boolean;
  supervisorPersonId: string | null;
  /** The chair's meeting (主席会议) that chose it as a key proposal; absent on items stored before. */
  keyMeeting?: KeyMeeting | null;
  closedAt: string | null;
};

/** The meeting that made a proposal a key one: its date and its reference (e.g. 十四届第21次主席会议). */
export type KeyMeeting = { date: string | null; reference: string | null };

export function newProposalData(
  kind: ProposalKind,
  submitterKind: SubmitterKind = 'individual',
  cosignerIds: string[] = [],
): ProposalData {
  return {
    kind,
    submitterKind,
    cosigners: cosignerIds.map((personId) => ({ personId, status: 'pending', at: null })),
    droppedCosigners: [],
    signatureDeadline: null,
    window: null,
    submittedAt: null,
    returnCount: 0,
    rejectReason: null,
    conversion: null,
    mergedInto: null,
    mergedFrom: [],
    acceptedAt: null,
    mode: null,
    units: [],
    objections: [],
    assignedAt: null,
    contactDeadline: null,
    coOpinionDeadline: null,
    replyDeadline: null,
    extensionCount: 0,
    pendingExtension: null,
    round: 1,
    ratings: [],
    repliedAt: null,
    key: false,
    supervisorPersonId: null,
    keyMeeting: null,
    closedAt: null,
  };
}

const Reason = z.string().trim().min(2).max(2000);
const Comment = z.string().trim().max(2000).optional();
const FileIds = z.array(z.uuid()).max(20);
const IsoDate = z.iso.date();
const UnitIds = z.array(z.uuid()).max(20);
const RatingEntry = z.strictObject({
  unitId: z.uuid(),
  overall: Code.optional(),
  attitude: Code.optional(),
  result: Code.optional(),
});

/** Payload schemas of each action: the API validates with them, the web forms too. */
export const ProposalActionPayloads = {
  submit: z.strictObject({ comment: Comment }),
  confirm_signature: z.strictObject({ comment: Comment }),
  decline_signature: z.strictObject({ comment: Comment }),
  close_signatures: z.strictObject({}),
  withdraw: z.strictObject({ reason: Reason }),
  accept: z.strictObject({ comment: Comment }),
  reject: z.strictObject({ reason: Code, explanation: Reason }),
  return_for_revision: z.strictObject({ reason: Reason }),
  offer_conversion: z.strictObject({ to: z.enum(CONVERSION_TARGETS), reason: Reason }),
  accept_conversion: z.strictObject({ note: Comment }),
  decline_conversion: z.strictObject({ comment: Comment }),
  merge: z.strictObject({ targetId: z.uuid(), reason: Comment }),
  absorb: z.strictObject({ itemIds: z.array(z.uuid()).min(1).max(50) }),
  assign: z.discriminatedUnion('mode', [
    z.strictObject({ mode: z.literal('lead'), leadUnitId: z.uuid(), coUnitIds: UnitIds.optional() }),
    z.strictObject({ mode: z.literal('separate'), unitIds: UnitIds.min(2) }),
  ]),
  receive: z.strictObject({ comment: Comment }),
  object: z.strictObject({ reason: Reason, suggestedUnitId: z.uuid().optional() }),
  reassign: z.strictObject({ unitId: z.uuid(), comment: Comment }),
  dismiss_objection: z.strictObject({ reason: Reason }),
  record_contact: z.strictObject({
    method: z.enum(CONTACT_METHODS),
    date: IsoDate,
    note: z.string().trim().min(2).max(5000),
  }),
  send_opinion: z.strictObject({ opinion: z.string().trim().min(2).max(10000), fileIds: FileIds.optional() }),
  request_extension: z.strictObject({ until: IsoDate, reason: Reason }),
  approve_extension: z.strictObject({ comment: Comment }),
  reject_extension: z.strictObject({ reason: Reason }),
  submit_reply: z.strictObject({
    category: Code,
    summary: z.string().trim().min(2).max(20000),
    fileIds: FileIds.optional(),
  }),
  countersign: z.strictObject({ comment: Comment }),
  return_reply: z.strictObject({ reason: Reason, unitIds: UnitIds.min(1).optional() }),
  approve_reply: z.strictObject({
    categories: z
      .array(z.strictObject({ unitId: z.uuid(), category: Code }))
      .max(20)
      .optional(),
    comment: Comment,
  }),
  rate: z.strictObject({ ratings: z.array(RatingEntry).min(1).max(20), comment: Comment }),
  final_answer: z.strictObject({
    category: Code,
    summary: z.string().trim().min(2).max(20000),
    fileIds: FileIds.optional(),
  }),
  close: z.strictObject({ reason: Reason }),
  mark_key: z.strictObject({
    key: z.boolean(),
    supervisorPersonId: z.uuid().optional(),
    /** The chair's meeting that decided it: its date and reference (会议名称或纪要号). */
    meetingDate: IsoDate.optional(),
    meetingRef: z.string().trim().min(2).max(100).optional(),
    note: Comment,
  }),
  urge: z.strictObject({ message: z.string().trim().min(2).max(2000) }),
} as const;
export type ProposalAction = keyof typeof ProposalActionPayloads;
export const PROPOSAL_ACTIONS = Object.keys(ProposalActionPayloads) as ProposalAction[];
type P<A extends ProposalAction> = z.infer<(typeof ProposalActionPayloads)[A]>;

type Item = ItemSnapshot<ProposalState> & { data: ProposalData };
type Ctx = FireContext<ProposalConfig>;
const data = (i: ItemSnapshot<ProposalState>) => (i as Item).data;

/** States in which a unit is expected to act: warnings and reminders apply. */
const ACTIVE: ProposalState[] = ['assigned', 'objected', 'handling', 'reply_submitted', 'following_up'];
const BEFORE_REVIEW: ProposalState[] = [
  'collecting_signatures',
  'submitted',
  'returned',
  'conversion_offered',
];
const RUNNING: ProposalState[] = [
  'submitted',
  'accepted',
  'assigned',
  'objected',
  'handling',
  'reply_submitted',
  'replied',
  'following_up',
];
const DAY = 86_400_000;
const CST = 8 * 3_600_000;

// ---------------------------------------------------------------- dates

/** Today's date in China (UTC+8): limits count in the proposer's calendar, not the server's. */
export function cstDate(now: Date): string {
  return new Date(now.getTime() + CST).toISOString().slice(0, 10);
}

/** A date (YYYY-MM-DD) plus a duration, counted on China's calendar with the body's holidays. */
export function addToDate(date: string, dur: Duration, holidays: readonly string[] = []): string {
  return addDuration(new Date(`${date}T00:00:00Z`), dur, new Set(holidays))
    .toISOString()
    .slice(0, 10);
}

function limit(ctx: Ctx, dur: Duration): string {
  return addToDate(cstDate(ctx.now), dur, ctx.config.holidays);
}

// ---------------------------------------------------------------- helpers of the rules

const issue = (path: string, message: string): RuleIssue => ({ path, message });
const replying = (u: HandlingUnit) => u.role !== 'co';

/** The acting unit's share, or an issue when the actor's unit is not on the item in one of `roles`. */
function ownUnit(
  i: ItemSnapshot<ProposalState>,
  ctx: Ctx,
  roles: HandlingUnit['role'][],
): { unit: HandlingUnit; issues: [] } | { unit: null; issues: RuleIssue[] } {
  const unitId = ctx.actor?.unitId;
  const unit = data(i).units.find((u) => u.unitId === unitId && roles.includes(u.role));
  return unit ? { unit, issues: [] } : { unit: null, issues: [issue('', 'not_your_unit')] };
}

function withUnit(units: HandlingUnit[], unitId: string, patch: Partial<HandlingUnit>): HandlingUnit[] {
  return units.map((u) => (u.unitId === unitId ? { ...u, ...patch } : u));
}

/** A unit as it is when assigned: nothing received, contacted or replied yet. */
export function newUnit(unitId: string, role: HandlingUnit['role']): HandlingUnit {
  return {
    unitId,
    role,
    receivedAt: null,
    contactedAt: null,
    opinionAt: null,
    countersignedAt: null,
    reply: null,
    finalCategory: null,
  };
}

/** Assigned until every replying unit has received the item; then handling. */
function receivedState(units: HandlingUnit[]): ProposalState {
  return units.filter(replying).every((u) => u.receivedAt) ? 'handling' : 'assigned';
}

function ownCosigner(i: ItemSnapshot<ProposalState>, ctx: Ctx): RuleIssue[] {
  const d = data(i);
  const c = d.cosigners.find((x) => x.personId === ctx.actor?.personId);
  if (!c) return [issue('', 'not_a_cosigner')];
  if (c.status !== 'pending') return [issue('', 'already_answered')];
  if (d.signatureDeadline && endOfDayCst(d.signatureDeadline).getTime() < ctx.now.getTime())
    return [issue('', 'signature_window_passed')];
  return [];
}

function answerCosigner(i: ItemSnapshot<ProposalState>, ctx: Ctx, status: Cosigner['status']) {
  const now = ctx.now.toISOString();
  return {
    cosigners: data(i).cosigners.map((c) =>
      c.personId === ctx.actor?.personId ? { ...c, status, at: now } : c,
    ),
  };
}

function inPlenary(config: ProposalConfig, today: string): boolean {
  const w = config.plenaryWindow;
  return !!w && today >= w.start && today <= w.end;
}

function windowRules(ctx: Ctx): RuleIssue[] {
  return !ctx.config.yearRound && !inPlenary(ctx.config, cstDate(ctx.now))
    ? [issue('', 'submission_window_closed')]
    : [];
}

/** Entering the review: unconfirmed co-signers drop off; with none left the proposal is an individual one. */
function intoReview(i: ItemSnapshot<ProposalState>, ctx: Ctx): Partial<ProposalData> {
  const d = data(i);
  const confirmed = d.cosigners.filter((c) => c.status === 'confirmed');
  const dropped = d.cosigners.filter((c) => c.status !== 'confirmed');
  return {
    cosigners: confirmed,
    droppedCosigners: [...d.droppedCosigners, ...dropped],
    submitterKind: d.submitterKind === 'joint' && confirmed.length === 0 ? 'individual' : d.submitterKind,
    window: inPlenary(ctx.config, cstDate(ctx.now)) ? 'plenary' : 'year_round',
    submittedAt: ctx.now.toISOString(),
  };
}

function deadlinesFromNow(ctx: Ctx, hasCoUnits: boolean): Partial<ProposalData> {
  const t = ctx.config.timeLimits;
  return {
    assignedAt: ctx.now.toISOString(),
    contactDeadline: limit(ctx, t.contact),
    coOpinionDeadline: hasCoUnits ? limit(ctx, t.coOpinion) : null,
    replyDeadline: limit(ctx, t.reply),
  };
}

function knownCategory(ctx: Ctx, category: string, path: string): RuleIssue[] {
  return ctx.config.resultCategories.includes(category) ? [] : [issue(path, 'unknown_category')];
}

function isUnsatisfied(r: ProposalRating, config: ProposalConfig): boolean {
  return [r.overall, r.attitude, r.result].some((v) => v !== null && config.unsatisfiedRatings.includes(v));
}

function toRatings(i: ItemSnapshot<ProposalState>, p: P<'rate'>, ctx: Ctx): ProposalRating[] {
  const at = ctx.now.toISOString();
  return p.ratings.map((r) => ({
    round: data(i).round,
    unitId: r.unitId,
    overall: r.overall ?? null,
    attitude: r.attitude ?? null,
    result: r.result ?? null,
    at,
  }));
}

function rehandles(i: ItemSnapshot<ProposalState>, p: P<'rate'>, ctx: Ctx): string[] {
  if (data(i).round > ctx.config.rehandlingRounds) return [];
  return toRatings(i, p, ctx)
    .filter((r) => isUnsatisfied(r, ctx.config))
    .map((r) => r.unitId);
}

/** The replies of the current round: all in round 1, the re-handled ones after that. */
const toRate = (d: ProposalData) => d.units.filter((u) => replying(u) && u.reply?.round === d.round);

const needsFollowUp = (units: HandlingUnit[], config: ProposalConfig) =>
  units.some(
    (u) => replying(u) && u.finalCategory !== null && config.followUpCategories.includes(u.finalCategory),
  );

// ---------------------------------------------------------------- the machine

export const proposalMachine: MachineDef<ProposalState, ProposalAction, ProposalConfig> = {
  type: 'proposal',
  states: PROPOSAL_STATES,
  initial: 'draft',
  final: ['rejected', 'converted', 'merged', 'withdrawn', 'closed'],
  transitions: {
    // From a draft, a joint proposal first collects its co-signers' confirmations; the lead may submit
    // before the window ends, and whoever has not confirmed by then drops off.
    submit: {
      from: ['draft', 'collecting_signatures', 'returned'],
      to: (i) =>
        i.state === 'draft' && data(i).cosigners.some((c) => c.status === 'pending')
          ? 'collecting_signatures'
          : 'submitted',
      by: ['proposer'],
      requires: (i, _p, ctx) => {
        const d = data(i);
        if (i.state === 'returned') return [];
        const issues = windowRules(ctx);
        if (i.state === 'draft' && d.submitterKind === 'joint' && d.cosigners.length === 0)
          issues.push(issue('cosigners', 'cosigners_required'));
        return issues;
      },
      sets: (i, _p, ctx) => {
        const d = data(i);
        if (i.state === 'draft' && d.cosigners.some((c) => c.status === 'pending'))
          return { signatureDeadline: addToDate(cstDate(ctx.now), { days: ctx.config.signatureWindowDays }) };
        return intoReview(i, ctx);
      },
    },
    confirm_signature: {
      from: ['collecting_signatures'],
      to: 'collecting_signatures',
      by: ['cosigner'],
      requires: (i, _p, ctx) => ownCosigner(i, ctx),
      sets: (i, _p, ctx) => answerCosigner(i, ctx, 'confirmed'),
    },
    decline_signature: {
      from: ['collecting_signatures'],
      to: 'collecting_signatures',
      by: ['cosigner'],
      requires: (i, _p, ctx) => ownCosigner(i, ctx),
      sets: (i, _p, ctx) => answerCosigner(i, ctx, 'declined'),
    },
    // The deadline job submits what the lead left waiting once the window has passed.
    close_signatures: {
      from: ['collecting_signatures'],
      to: 'submitted',
      by: ['system'],
      requires: (i, _p, ctx) => {
        const deadline = data(i).signatureDeadline;
        return deadline && endOfDayCst(deadline).getTime() >= ctx.now.getTime()
          ? [issue('', 'signature_window_open')]
          : [];
      },
      sets: (i, _p, ctx) => intoReview(i, ctx),
    },
    withdraw: { from: BEFORE_REVIEW, to: 'withdrawn', by: ['proposer'] },
    accept: {
      from: ['submitted'],
      to: 'accepted',
      by: ['office'],
      sets: (_i, _p, ctx) => ({ acceptedAt: ctx.now.toISOString() }),
    },
    reject: {
      from: ['submitted'],
      to: 'rejected',
      by: ['office'],
      requires: (_i, p: P<'reject'>, ctx) =>
        ctx.config.rejectReasons.includes(p.reason) ? [] : [issue('reason', 'unknown_reject_reason')],
      sets: (_i, p: P<'reject'>, ctx) => ({ rejectReason: p.reason, closedAt: ctx.now.toISOString() }),
    },
    return_for_revision: {
      from: ['submitted'],
      to: 'returned',
      by: ['office'],
      sets: (i) => ({ returnCount: data(i).returnCount + 1 }),
    },
    offer_conversion: {
      from: ['submitted'],
      to: 'conversion_offered',
      by: ['office'],
      requires: (_i, p: P<'offer_conversion'>, ctx) =>
        ctx.config.conversionTargets.includes(p.to) ? [] : [issue('to', 'unknown_conversion_target')],
      sets: (_i, p: P<'offer_conversion'>) => ({ conversion: { to: p.to } }),
    },
    // The proposer consents; the office may record a consent given by phone or on paper, with a note.
    accept_conversion: {
      from: ['conversion_offered'],
      to: 'converted',
      by: ['proposer', 'office'],
      requires: (_i, p: P<'accept_conversion'>, ctx) =>
        !ctx.parties.includes('proposer') && !p.note ? [issue('note', 'consent_note_required')] : [],
      sets: (_i, _p, ctx) => ({ closedAt: ctx.now.toISOString() }),
    },
    decline_conversion: {
      from: ['conversion_offered'],
      to: 'submitted',
      by: ['proposer'],
      sets: () => ({ conversion: null }),
    },
    // 并案: this item joins another (the target records it by `absorb`); its proposer is answered by the
    // target's reply. An item that has absorbed others is merged as a whole by merging into it instead.
    merge: {
      from: ['submitted', 'accepted'],
      to: 'merged',
      by: ['office'],
      requires: (i) => (data(i).mergedFrom.length ? [issue('targetId', 'merge_chain')] : []),
      sets: (_i, p: P<'merge'>) => ({ mergedInto: p.targetId }),
    },
    absorb: {
      from: ['submitted', 'accepted', 'assigned', 'objected', 'handling'],
      to: (i) => i.state,
      by: ['office'],
      requires: (i, p: P<'absorb'>) =>
        p.itemIds.some((id, k) => data(i).mergedFrom.includes(id) || p.itemIds.indexOf(id) !== k)
          ? [issue('itemIds', 'already_merged')]
          : [],
      sets: (i, p: P<'absorb'>) => ({ mergedFrom: [...data(i).mergedFrom, ...p.itemIds] }),
    },
    assign: {
      from: ['accepted'],
      to: 'assigned',
      by: ['office'],
      requires: (_i, p: P<'assign'>) => {
        const ids = p.mode === 'lead' ? [p.leadUnitId, ...(p.coUnitIds ?? [])] : p.unitIds;
        return new Set(ids).size === ids.length ? [] : [issue('unitIds', 'duplicate_unit')];
      },
      sets: (_i, p: P<'assign'>, ctx) => {
        const units =
          p.mode === 'lead'
            ? [newUnit(p.leadUnitId, 'lead'), ...(p.coUnitIds ?? []).map((u) => newUnit(u, 'co'))]
            : p.unitIds.map((u) => newUnit(u, 'separate'));
        return {
          mode: p.mode,
          units,
          round: 1,
          ...deadlinesFromNow(
            ctx,
            units.some((u) => u.role === 'co'),
          ),
        };
      },
    },
    // Every replying unit (lead or separate) signs for the item; handling starts when all have.
    receive: {
      from: ['assigned'],
      to: (i, _p, ctx) =>
        receivedState(
          withUnit(data(i).units, ctx.actor?.unitId ?? '', { receivedAt: ctx.now.toISOString() }),
        ),
      by: ['lead_unit'],
      requires: (i, _p, ctx) => {
        const own = ownUnit(i, ctx, ['lead', 'separate']);
        if (!own.unit) return own.issues;
        return own.unit.receivedAt ? [issue('', 'already_received')] : [];
      },
      sets: (i, _p, ctx) => ({
        units: withUnit(data(i).units, ctx.actor!.unitId!, { receivedAt: ctx.now.toISOString() }),
      }),
    },
    // A unit that thinks it is the wrong one objects once, within the window, before taking the item up
    // (a replying unit before receiving it, a co-unit before giving its opinion); it may not pass it on.
    object: {
      from: ['assigned', 'handling'],
      to: 'objected',
      by: ['lead_unit', 'co_unit'],
      requires: (i, _p, ctx) => {
        const d = data(i);
        const own = ownUnit(i, ctx, ['lead', 'separate', 'co']);
        if (!own.unit) return own.issues;
        const issues: RuleIssue[] = [];
        if (own.unit.receivedAt || own.unit.opinionAt) issues.push(issue('', 'already_received'));
        if (d.objections.some((o) => o.unitId === own.unit.unitId))
          issues.push(issue('', 'already_objected'));
        if (
          d.assignedAt &&
          ctx.now.getTime() - new Date(d.assignedAt).getTime() > ctx.config.objectionWindowDays * DAY
        )
          issues.push(issue('reason', 'objection_window_passed'));
        return issues;
      },
      sets: (i, p: P<'object'>, ctx) => ({
        objections: [
          ...data(i).objections,
          { unitId: ctx.actor!.unitId!, reason: p.reason, at: ctx.now.toISOString(), outcome: 'pending' },
        ],
      }),
    },
    // The office replaces the objecting unit by another in the same role. A new replying unit gets the
    // full time limits again; a new co-unit leaves the lead's deadlines as they are.
    reassign: {
      from: ['objected'],
      to: (i, p: P<'reassign'>) => receivedState(reassigned(i, p.unitId).units),
      by: ['office'],
      requires: (i, p: P<'reassign'>) =>
        data(i).units.some((u) => u.unitId === p.unitId) ? [issue('unitId', 'same_unit')] : [],
      sets: (i, p: P<'reassign'>, ctx) => {
        const { units, replaced } = reassigned(i, p.unitId);
        return {
          units,
          objections: settle(i, 'upheld'),
          ...(replaced && replying(replaced)
            ? deadlinesFromNow(
                ctx,
                units.some((u) => u.role === 'co'),
              )
            : {}),
        };
      },
    },
    dismiss_objection: {
      from: ['objected'],
      to: (i) => receivedState(data(i).units),
      by: ['office'],
      sets: (i) => ({ objections: settle(i, 'dismissed') }),
    },
    record_contact: {
      from: ['handling'],
      to: 'handling',
      by: ['lead_unit'],
      requires: (i, p: P<'record_contact'>, ctx) => {
        const own = ownUnit(i, ctx, ['lead', 'separate']);
        if (!own.unit) return own.issues;
        return p.date > cstDate(ctx.now) ? [issue('date', 'date_in_future')] : [];
      },
      sets: (i, _p, ctx) => {
        const own = ownUnit(i, ctx, ['lead', 'separate']).unit!;
        return {
          units: withUnit(data(i).units, own.unitId, {
            contactedAt: own.contactedAt ?? ctx.now.toISOString(),
          }),
        };
      },
    },
    send_opinion: {
      from: ['assigned', 'handling'],
      to: (i) => i.state,
      by: ['co_unit'],
      requires: (i, _p, ctx) => ownUnit(i, ctx, ['co']).issues,
      sets: (i, _p, ctx) => ({
        units: withUnit(data(i).units, ctx.actor!.unitId!, { opinionAt: ctx.now.toISOString() }),
      }),
    },
    request_extension: {
      from: ['handling'],
      to: 'handling',
      by: ['lead_unit'],
      requires: (i, p: P<'request_extension'>, ctx) => {
        const d = data(i);
        const own = ownUnit(i, ctx, ['lead', 'separate']);
        if (!own.unit) return own.issues;
        const issues: RuleIssue[] = [];
        if (d.pendingExtension) issues.push(issue('until', 'extension_pending'));
        if (d.extensionCount >= ctx.config.maxExtensions) issues.push(issue('until', 'extension_limit'));
        if (d.replyDeadline && endOfDayCst(d.replyDeadline).getTime() < ctx.now.getTime())
          issues.push(issue('until', 'extension_after_deadline'));
        if (d.replyDeadline && p.until <= d.replyDeadline) issues.push(issue('until', 'extension_not_later'));
        if (
          d.assignedAt &&
          p.until > addToDate(cstDate(new Date(d.assignedAt)), ctx.config.timeLimits.maxTotal)
        )
          issues.push(issue('until', 'extension_too_long'));
        return issues;
      },
      sets: (_i, p: P<'request_extension'>) => ({ pendingExtension: { until: p.until, reason: p.reason } }),
    },
    approve_extension: {
      from: ['handling'],
      to: 'handling',
      by: ['office', 'leader'],
      requires: (i) => (data(i).pendingExtension ? [] : [issue('', 'no_extension_pending')]),
      sets: (i) => {
        const d = data(i);
        return {
          replyDeadline: d.pendingExtension!.until,
          pendingExtension: null,
          extensionCount: d.extensionCount + 1,
        };
      },
    },
    reject_extension: {
      from: ['handling'],
      to: 'handling',
      by: ['office', 'leader'],
      requires: (i) => (data(i).pendingExtension ? [] : [issue('', 'no_extension_pending')]),
      sets: () => ({ pendingExtension: null }),
    },
    // Each replying unit replies for itself; the item waits for the office once all have replied.
    submit_reply: {
      from: ['handling'],
      to: (i, p: P<'submit_reply'>, ctx) =>
        withReply(i, p, ctx)
          .filter(replying)
          .every((u) => u.reply)
          ? 'reply_submitted'
          : 'handling',
      by: ['lead_unit'],
      requires: (i, p: P<'submit_reply'>, ctx) => {
        const d = data(i);
        const own = ownUnit(i, ctx, ['lead', 'separate']);
        if (!own.unit) return own.issues;
        const issues = knownCategory(ctx, p.category, 'category');
        if (own.unit.reply) issues.push(issue('', 'already_replied'));
        if (ctx.config.requireContactBeforeReply && !own.unit.contactedAt)
          issues.push(issue('', 'contact_required'));
        const waiting = d.units.some((u) => u.role === 'co' && !u.opinionAt);
        const opinionTimeLeft =
          d.coOpinionDeadline && endOfDayCst(d.coOpinionDeadline).getTime() >= ctx.now.getTime();
        if (d.round === 1 && own.unit.role === 'lead' && waiting && opinionTimeLeft)
          issues.push(issue('', 'co_opinions_missing'));
        if (ctx.config.requireReplyFile && !(p.fileIds?.length ?? 0))
          issues.push(issue('fileIds', 'reply_file_required'));
        return issues;
      },
      sets: (i, p: P<'submit_reply'>, ctx) => ({ units: withReply(i, p, ctx) }),
    },
    countersign: {
      from: ['reply_submitted'],
      to: 'reply_submitted',
      by: ['co_unit'],
      requires: (i, _p, ctx) => {
        const own = ownUnit(i, ctx, ['co']);
        if (!own.unit) return own.issues;
        return own.unit.countersignedAt ? [issue('', 'already_countersigned')] : [];
      },
      sets: (i, _p, ctx) => ({
        units: withUnit(data(i).units, ctx.actor!.unitId!, { countersignedAt: ctx.now.toISOString() }),
      }),
    },
    return_reply: {
      from: ['reply_submitted'],
      to: 'handling',
      by: ['office'],
      requires: (i, p: P<'return_reply'>) =>
        (p.unitIds ?? []).some((id) => !data(i).units.some((u) => u.unitId === id && replying(u)))
          ? [issue('unitIds', 'unknown_unit')]
          : [],
      sets: (i, p: P<'return_reply'>) => ({
        units: data(i).units.map((u) =>
          u.role === 'co'
            ? { ...u, countersignedAt: null }
            : !p.unitIds || p.unitIds.includes(u.unitId)
              ? { ...u, reply: null }
              : u,
        ),
      }),
    },
    // The office reviews (and may change the category of) every reply; co-units must have countersigned.
    approve_reply: {
      from: ['reply_submitted'],
      to: 'replied',
      by: ['office'],
      requires: (i, p: P<'approve_reply'>, ctx) => {
        const d = data(i);
        const issues: RuleIssue[] = [];
        if (ctx.config.requireCountersign && d.units.some((u) => u.role === 'co' && !u.countersignedAt))
          issues.push(issue('', 'countersign_missing'));
        (p.categories ?? []).forEach((c, k) => {
          if (!d.units.some((u) => u.unitId === c.unitId && replying(u)))
            issues.push(issue(`categories.${k}.unitId`, 'unknown_unit'));
          issues.push(...knownCategory(ctx, c.category, `categories.${k}.category`));
        });
        return issues;
      },
      sets: (i, p: P<'approve_reply'>, ctx) => ({
        units: data(i).units.map((u) => {
          if (!u.reply) return u;
          const category = p.categories?.find((c) => c.unitId === u.unitId)?.category ?? u.reply.category;
          return { ...u, reply: { ...u.reply, category }, finalCategory: category };
        }),
        repliedAt: ctx.now.toISOString(),
      }),
    },
    // The proposer rates every reply of the round. Unsatisfied (while re-handling rounds remain) → those units
    // handle again; otherwise B/C results are followed up, and the rest is closed.
    rate: {
      from: ['replied'],
      to: (i, p: P<'rate'>, ctx) =>
        rehandles(i, p, ctx).length
          ? 'handling'
          : needsFollowUp(data(i).units, ctx.config)
            ? 'following_up'
            : 'closed',
      by: ['proposer'],
      requires: (i, p: P<'rate'>, ctx) => {
        const c = ctx.config;
        const issues: RuleIssue[] = [];
        const rated = p.ratings.map((r) => r.unitId);
        const units = toRate(data(i));
        if (rated.some((id, k) => rated.indexOf(id) !== k)) issues.push(issue('ratings', 'duplicate_unit'));
        if (units.some((u) => !rated.includes(u.unitId))) issues.push(issue('ratings', 'rating_missing'));
        p.ratings.forEach((r, k) => {
          if (!units.some((u) => u.unitId === r.unitId))
            issues.push(issue(`ratings.${k}.unitId`, 'unknown_unit'));
          const needed = c.rateAttitudeAndResultApart
            ? (['attitude', 'result'] as const)
            : (['overall'] as const);
          for (const f of needed) if (!r[f]) issues.push(issue(`ratings.${k}.${f}`, 'rating_required'));
          for (const f of ['overall', 'attitude', 'result'] as const) {
            const v = r[f];
            if (v && (!c.ratingScale.includes(v) || !(needed as readonly string[]).includes(f)))
              issues.push(issue(`ratings.${k}.${f}`, 'unknown_rating'));
          }
        });
        return issues;
      },
      sets: (i, p: P<'rate'>, ctx) => {
        const d = data(i);
        const ratings = [...d.ratings, ...toRatings(i, p, ctx)];
        const again = rehandles(i, p, ctx);
        if (again.length)
          return {
            ratings,
            round: d.round + 1,
            replyDeadline: limit(ctx, ctx.config.timeLimits.rehandling),
            pendingExtension: null,
            units: d.units.map((u) =>
              again.includes(u.unitId)
                ? { ...u, reply: null, finalCategory: null }
                : u.role === 'co'
                  ? { ...u, countersignedAt: null }
                  : u,
            ),
          };
        return needsFollowUp(d.units, ctx.config)
          ? { ratings }
          : { ratings, closedAt: ctx.now.toISOString() };
      },
    },
    // B/C: the unit answers again once the matter is solved (or settled otherwise); closed when all have.
    final_answer: {
      from: ['following_up'],
      to: (i, p: P<'final_answer'>, ctx) =>
        needsFollowUp(withFinal(i, p, ctx), ctx.config) ? 'following_up' : 'closed',
      by: ['lead_unit'],
      requires: (i, p: P<'final_answer'>, ctx) => {
        const own = ownUnit(i, ctx, ['lead', 'separate']);
        if (!own.unit) return own.issues;
        const issues = knownCategory(ctx, p.category, 'category');
        if (!own.unit.finalCategory || !ctx.config.followUpCategories.includes(own.unit.finalCategory))
          issues.push(issue('', 'not_followed_up'));
        if (ctx.config.followUpCategories.includes(p.category))
          issues.push(issue('category', 'final_category_required'));
        return issues;
      },
      sets: (i, p: P<'final_answer'>, ctx) => {
        const units = withFinal(i, p, ctx);
        return needsFollowUp(units, ctx.config) ? { units } : { units, closedAt: ctx.now.toISOString() };
      },
    },
    // The office closes an item the proposer did not rate, or whose follow-up it ends (e.g. term end).
    close: {
      from: ['replied', 'following_up'],
      to: 'closed',
      by: ['office'],
      sets: (_i, _p, ctx) => ({ closedAt: ctx.now.toISOString() }),
    },
    // 重点提案: chosen by the chair's meeting and led by a named leader; a flag, not a state.
    mark_key: {
      from: RUNNING,
      to: (i) => i.state,
      by: ['office', 'leader'],
      requires: (_i, p: P<'mark_key'>, ctx) => [
        ...(p.key && !p.supervisorPersonId ? [issue('supervisorPersonId', 'supervisor_required')] : []),
        ...(p.meetingDate && p.meetingDate > cstDate(ctx.now)
          ? [issue('meetingDate', 'date_in_future')]
          : []),
      ],
      // Naming another leader later keeps the meeting on record unless a new one is given.
      sets: (i, p: P<'mark_key'>) => ({
        key: p.key,
        supervisorPersonId: p.key ? p.supervisorPersonId : null,
        keyMeeting: !p.key
          ? null
          : p.meetingDate || p.meetingRef
            ? { date: p.meetingDate ?? null, reference: p.meetingRef ?? null }
            : (data(i).keyMeeting ?? null),
      }),
    },
    urge: { from: ACTIVE, to: (i) => i.state, by: ['office', 'leader', 'supervisor'] },
  },
};

function settle(i: ItemSnapshot<ProposalState>, outcome: 'upheld' | 'dismissed') {
  return data(i).objections.map((o) => (o.outcome === 'pending' ? { ...o, outcome } : o));
}

function reassigned(i: ItemSnapshot<ProposalState>, unitId: string) {
  const d = data(i);
  const objecting = d.objections.find((o) => o.outcome === 'pending')?.unitId;
  const replaced = d.units.find((u) => u.unitId === objecting) ?? null;
  const units = d.units.map((u) => (u.unitId === objecting ? newUnit(unitId, u.role) : u));
  return { units, replaced };
}

function withReply(i: ItemSnapshot<ProposalState>, p: P<'submit_reply'>, ctx: Ctx): HandlingUnit[] {
  return withUnit(data(i).units, ctx.actor?.unitId ?? '', {
    reply: { category: p.category, at: ctx.now.toISOString(), round: data(i).round },
  });
}

function withFinal(i: ItemSnapshot<ProposalState>, p: P<'final_answer'>, ctx: Ctx): HandlingUnit[] {
  return withUnit(data(i).units, ctx.actor?.unitId ?? '', { finalCategory: p.category });
}

/** Active means a unit is expected to act: warnings apply. */
export function proposalIsActive(state: ProposalState): boolean {
  return ACTIVE.includes(state);
}

/** The deadlines a unit owes on an item: contact the proposer, the co-units' opinion, the reply. */
export type UnitDeadline = { kind: 'contact' | 'co_opinion' | 'reply'; date: string; unitIds: string[] };

/**
 * The open deadlines of an item, earliest first: the proposer not yet contacted by a replying unit,
 * co-units' opinions missing, the reply. Empty when no unit is expected to act.
 */
export function proposalOpenDeadlines(
  item: ItemSnapshot<ProposalState> & { data: ProposalData },
): UnitDeadline[] {
  if (!['assigned', 'objected', 'handling'].includes(item.state)) return [];
  const d = item.data;
  const open: UnitDeadline[] = [];
  const uncontacted = d.units.filter((u) => replying(u) && !u.contactedAt).map((u) => u.unitId);
  if (d.round === 1 && d.contactDeadline && uncontacted.length)
    open.push({ kind: 'contact', date: d.contactDeadline, unitIds: uncontacted });
  const silent = d.units.filter((u) => u.role === 'co' && !u.opinionAt).map((u) => u.unitId);
  if (d.round === 1 && d.coOpinionDeadline && silent.length)
    open.push({ kind: 'co_opinion', date: d.coOpinionDeadline, unitIds: silent });
  const unreplied = d.units.filter((u) => replying(u) && !u.reply).map((u) => u.unitId);
  if (d.replyDeadline && unreplied.length)
    open.push({ kind: 'reply', date: d.replyDeadline, unitIds: unreplied });
  return open.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The next open deadline of an item, for warnings (the `deadline` column); null when no unit is to act. */
export function proposalNextDeadline(
  item: ItemSnapshot<ProposalState> & { data: ProposalData },
): UnitDeadline | null {
  return proposalOpenDeadlines(item)[0] ?? null;
}

/** What a reminder of a proposal is about. */
export type ProposalDeadline = UnitDeadline['kind'] | 'signature' | 'rating';

export interface ProposalReminder {
  deadline: ProposalDeadline;
  /** yellow: the deadline is `yellowDays` away or less; red: it has passed. A rating reminder is yellow. */
  level: 'yellow' | 'red';
  /** The deadline's date (for a rating, the day the reminder is due): a new date is a new deadline. */
  date: string;
  /** Who owes the act: the liaisons of `unitIds`, the co-signers yet to answer, or the proposer. */
  to: 'units' | 'cosigners' | 'proposer';
  unitIds: string[];
}

/**
 * The reminders an item is owed now (DOMAIN.md): units of their contact, co-opinion and reply deadlines,
 * before (yellow) and after (red) each; co-signers who have not answered, before the signature deadline
 * (after it they drop off: see `proposalDueAction`); the proposer, `rateReminderDays` after a reply that
 * is still unrated, when the body sets it.
 */
export function proposalReminders(
  item: ItemSnapshot<ProposalState> & { data: ProposalData },
  config: ProposalConfig,
  now: Date,
): ProposalReminder[] {
  const today = cstDate(now);
  const soon = addToDate(today, { days: config.yellowDays });
  const d = item.data;
  const out: ProposalReminder[] = [];
  for (const u of proposalOpenDeadlines(item)) {
    const level = u.date < today ? 'red' : u.date <= soon ? 'yellow' : null;
    if (level) out.push({ deadline: u.kind, level, date: u.date, to: 'units', unitIds: u.unitIds });
  }
  const sig = d.signatureDeadline;
  if (
    item.state === 'collecting_signatures' &&
    sig &&
    sig >= today &&
    sig <= soon &&
    d.cosigners.some((c) => c.status === 'pending')
  )
    out.push({ deadline: 'signature', level: 'yellow', date: sig, to: 'cosigners', unitIds: [] });
  if (item.state === 'replied' && config.rateReminderDays !== null && d.repliedAt) {
    const date = addToDate(cstDate(new Date(d.repliedAt)), { days: config.rateReminderDays });
    if (date <= today) out.push({ deadline: 'rating', level: 'yellow', date, to: 'proposer', unitIds: [] });
  }
  return out;
}

/**
 * The action the system owes an item now, with the date it fell due: `close_signatures` once the
 * signature deadline has passed (the machine's own rule, on China's calendar). Null when none.
 */
export function proposalDueAction(
  item: ItemSnapshot<ProposalState> & { data: ProposalData },
  now: Date,
): { action: 'close_signatures'; date: string } | null {
  const sig = item.data.signatureDeadline;
  return item.state === 'collecting_signatures' && sig && sig < cstDate(now)
    ? { action: 'close_signatures', date: sig }
    : null;
}
