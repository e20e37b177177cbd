import { z } from 'zod';
import { WarningLevelSchema } from './matter-schemas.ts';
import { Id, ListQuery } from './schemas.ts';
import { ItemHighlights } from './text.ts';
import { KeyStage } from './tracking/key-proposals.ts';
import {
  InstructionLevel,
  REPORT_ACTIONS,
  ReportLevel,
  ReportState,
  ReportSubmitterKind,
} from './tracking/opinion-reports.ts';
import { PROPOSAL_ACTIONS, ProposalKind, ProposalState, SubmitterKind } from './tracking/proposals.ts';

// API shapes of proposals/suggestions and public-opinion reports: requests are strict objects (unknown
// fields are a 400), responses plain objects. The machines' payloads are in tracking/*.ts.

const Title = z.string().trim().min(2).max(200);
const Text = z.string().trim().min(2).max(20000);
const Category = z.string().trim().min(1).max(40);
const Sector = z.string().trim().min(1).max(60);
const SubmitterName = z.string().trim().min(2).max(100);
const Flag = z.enum(['true', 'false']);

/** A proposal or suggestion as its proposer (or the office, on their behalf) first writes it. */
export const ProposalInput = z.strictObject({
  kind: ProposalKind.default('proposal'),
  title: Title,
  content: Text,
  category: Category.nullish(),
  /** The proposer's sector (界别); taken from their membership when not given. */
  sector: Sector.nullish(),
  /** individual unless co-signers are named (joint), or an organisation's kind. */
  submitterKind: SubmitterKind.optional(),
  /** The submitting organisation (a sector, party, people's organisation, committee, delegation). */
  submitterName: SubmitterName.nullish(),
  /** Only the office names the proposer; a member or deputy always submits for themselves. */
  proposerPersonId: Id.nullish(),
  cosignerIds: z.array(Id).max(100).optional(),
  /** 届次 and 会次; the body's current session when not given. */
  sessionTerm: z.number().int().min(1).max(99).nullish(),
  sessionMeeting: z.number().int().min(1).max(99).nullish(),
});
export type ProposalInput = z.infer<typeof ProposalInput>;

/** A draft (or a proposal returned for revision) as its proposer edits it; co-signers only in a draft. */
export const ProposalPatch = ProposalInput.pick({
  title: true,
  content: true,
  category: true,
  sector: true,
  submitterKind: true,
  submitterName: true,
  cosignerIds: true,
}).partial();
export type ProposalPatch = z.infer<typeof ProposalPatch>;

export const SIGNER_STATUSES = ['invited', 'confirmed', 'declined', 'dropped'] as const;
export const SignerStatus = z.enum(SIGNER_STATUSES);

export const ProposalSigner = z.object({
  personId: Id,
  name: z.string(),
  role: z.enum(['lead', 'cosigner']),
  status: SignerStatus,
  at: z.string().nullable(),
});

export const ProposalUnit = z.object({
  unitId: Id,
  unitName: z.string(),
  role: z.enum(['lead', 'co', 'separate']),
  receivedAt: z.string().nullable(),
  contactedAt: z.string().nullable(),
  opinionAt: z.string().nullable(),
  countersignedAt: z.string().nullable(),
  reply: z.object({ category: z.string(), at: z.string(), round: z.number().int() }).nullable(),
  finalCategory: z.string().nullable(),
});

export const Proposal = z.object({
  id: Id,
  bodyId: Id,
  kind: ProposalKind,
  /** `届-次-序号`, given when the proposal is accepted (立案). */
  number: z.string().nullable(),
  sessionTerm: z.number().int().nullable(),
  sessionMeeting: z.number().int().nullable(),
  seqNo: z.number().int().nullable(),
  title: z.string(),
  content: z.string(),
  category: z.string().nullable(),
  sector: z.string().nullable(),
  submitterKind: SubmitterKind,
  submitterName: z.string().nullable(),
  proposerPersonId: Id.nullable(),
  proposerName: z.string().nullable(),
  signers: z.array(ProposalSigner),
  state: ProposalState,
  version: z.number().int(),
  window: z.enum(['plenary', 'year_round']).nullable(),
  signatureDeadline: z.string().nullable(),
  submittedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  returnCount: z.number().int(),
  rejectReason: z.string().nullable(),
  /** What the office offered to convert it into; `itemId` is the report made when the proposer agreed. */
  conversion: z.object({ to: z.string(), itemId: Id.optional() }).nullable(),
  mergedInto: Id.nullable(),
  mergedFrom: z.array(Id),
  mode: z.enum(['lead', 'separate']).nullable(),
  units: z.array(ProposalUnit),
  objections: z.array(
    z.object({
      unitId: Id,
      reason: z.string(),
      at: z.string(),
      outcome: z.enum(['pending', 'upheld', 'dismissed']),
    }),
  ),
  assignedAt: z.string().nullable(),
  contactDeadline: z.string().nullable(),
  coOpinionDeadline: z.string().nullable(),
  replyDeadline: z.string().nullable(),
  /** The next open deadline (contact, co-units' opinion, reply) and its warning level. */
  deadline: z.string().nullable(),
  nextDeadline: z
    .object({ kind: z.enum(['contact', 'co_opinion', 'reply']), date: z.string(), unitIds: z.array(Id) })
    .nullable(),
  warning: WarningLevelSchema.nullable(),
  extensionCount: z.number().int(),
  pendingExtension: z.object({ until: z.string(), reason: z.string() }).nullable(),
  round: z.number().int(),
  ratings: z.array(
    z.object({
      round: z.number().int(),
      unitId: Id,
      overall: z.string().nullable(),
      attitude: z.string().nullable(),
      result: z.string().nullable(),
      at: z.string(),
    }),
  ),
  repliedAt: z.string().nullable(),
  key: z.boolean(),
  supervisorPersonId: Id.nullable(),
  supervisorName: z.string().nullable(),
  /** The chair's meeting (主席会议) that chose it as a key proposal. */
  keyMeeting: z.object({ date: z.string().nullable(), reference: z.string().nullable() }).nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** What the current user may do now; the UI offers exactly these. */
  actions: z.array(z.enum(PROPOSAL_ACTIONS as [string, ...string[]])),
  /** In a list searched with q: where the query matched. */
  highlights: ItemHighlights.optional(),
});
export type Proposal = z.infer<typeof Proposal>;

export const ProposalListQuery = ListQuery.extend({
  kind: ProposalKind.optional(),
  state: ProposalState.optional(),
  sessionTerm: z.coerce.number().int().min(1).max(99).optional(),
  sessionMeeting: z.coerce.number().int().min(1).max(99).optional(),
  category: Category.optional(),
  unitId: Id.optional(),
  sector: Sector.optional(),
  submitterKind: SubmitterKind.optional(),
  proposerPersonId: Id.optional(),
  key: Flag.optional(),
  /** In a final state (rejected, converted, merged, withdrawn, closed), or not: `false` lists those still open. */
  final: Flag.optional(),
  warning: WarningLevelSchema.optional(),
  // The filters behind the statistics' figures (docs/statistics.md).
  /** Reached the office (first submission) in this calendar year, Asia/Shanghai; implies `received`. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** Reached the office at all (drafts and proposals still collecting signatures have not). */
  received: Flag.optional(),
  /** Accepted (立案) at some point: an `accept` event exists. */
  accepted: Flag.optional(),
  /** A replying unit (`unitId`'s, when given) whose latest reply was on time, late, or any reply. */
  reply: z.enum(['any', 'on_time', 'late']).optional(),
  /** A replying unit (`unitId`'s, when given) whose latest rating by the proposer was this. */
  rating: z.enum(['any', 'satisfied', 'unsatisfied']).optional(),
  /** A replying unit (`unitId`'s, when given) whose approved result category is this. */
  resultCategory: z.string().trim().min(1).max(40).optional(),
});

/** The key proposals (重点提案) of one session: `/proposals/key-progress` and its .xlsx. */
export const KeyProgressQuery = z
  .strictObject({
    kind: ProposalKind.default('proposal'),
    /** 届次 and 会次; the latest session with key proposals when not given. */
    sessionTerm: z.coerce.number().int().min(1).max(99).optional(),
    sessionMeeting: z.coerce.number().int().min(1).max(99).optional(),
    /** Only those this leader supervises (领衔督办). */
    supervisorPersonId: Id.optional(),
    /** Only those the caller's person supervises (a leader's own list). */
    supervisedByMe: Flag.optional(),
  })
  .refine((q) => (q.sessionTerm === undefined) === (q.sessionMeeting === undefined), {
    path: ['sessionMeeting'],
    message: 'session_incomplete',
  });
export type KeyProgressQuery = z.infer<typeof KeyProgressQuery>;

export const KeyProposal = Proposal.extend({
  /** Where it stands (tracking/key-proposals.ts) and how many of the six steps are done. */
  stage: KeyStage,
  stepsDone: z.number().int(),
  latestEvent: z.object({ action: z.string(), at: z.string(), actorName: z.string().nullable() }).nullable(),
});
export type KeyProposal = z.infer<typeof KeyProposal>;

export const KeyProgress = z.object({
  /** Sessions with proposals the caller may see, newest first, and how many key ones each has. */
  sessions: z.array(
    z.object({ term: z.number().int(), meeting: z.number().int(), keyCount: z.number().int() }),
  ),
  /** The session shown (null when there are no proposals at all). */
  session: z.object({ term: z.number().int(), meeting: z.number().int() }).nullable(),
  /** The supervising leaders of the session's key proposals, for the filter (before it applies). */
  supervisors: z.array(z.object({ personId: Id, name: z.string(), count: z.number().int() })),
  summary: z.object({
    total: z.number().int(),
    byStage: z.record(KeyStage, z.number().int()),
    overdue: z.number().int(),
    dueSoon: z.number().int(),
  }),
  /** In number order. */
  items: z.array(KeyProposal),
});
export type KeyProgress = z.infer<typeof KeyProgress>;

/**
 * What the action forms need of the body's proposal configuration (`GET /proposals/config`): its own
 * lists (reasons, result categories, rating scale), how a proposer rates, and the labels of its own codes.
 */
export const ProposalFormConfig = z.object({
  rejectReasons: z.array(z.string()),
  resultCategories: z.array(z.string()),
  ratingScale: z.array(z.string()),
  /** The ratings of the scale that count as unsatisfied (re-handling). */
  unsatisfiedRatings: z.array(z.string()),
  /** Rate each unit's attitude and result apart instead of one overall rating. */
  rateAttitudeAndResultApart: z.boolean(),
  labels: z.record(z.string(), z.object({ zh: z.string(), en: z.string() })),
});
export type ProposalFormConfig = z.infer<typeof ProposalFormConfig>;

export const ProposalTransitionInput = z.strictObject({
  action: z.enum(PROPOSAL_ACTIONS as [string, ...string[]]),
  payload: z.record(z.string(), z.unknown()).default({}),
});

// ---------------------------------------------------------------- public-opinion reports

/**
 * A report as its author writes it. The text may be longer than the body's limit while it is a draft;
 * submitting refuses it (the limit is the body's configuration, not the schema's).
 */
export const OpinionReportInput = z.strictObject({
  title: Title,
  content: Text,
  category: Category.nullish(),
  sector: Sector.nullish(),
  submitterKind: ReportSubmitterKind.optional(),
  submitterName: SubmitterName.nullish(),
  /** Only the office names the author; a member always writes for themselves. */
  proposerPersonId: Id.nullish(),
});
export type OpinionReportInput = z.infer<typeof OpinionReportInput>;

export const OpinionReportPatch = OpinionReportInput.omit({ proposerPersonId: true }).partial();
export type OpinionReportPatch = z.infer<typeof OpinionReportPatch>;

export const OpinionReport = z.object({
  id: Id,
  bodyId: Id,
  title: z.string(),
  content: z.string(),
  category: z.string().nullable(),
  sector: z.string().nullable(),
  submitterKind: ReportSubmitterKind,
  submitterName: z.string().nullable(),
  proposerPersonId: Id.nullable(),
  proposerName: z.string().nullable(),
  state: ReportState,
  version: z.number().int(),
  charCount: z.number().int(),
  maxChars: z.number().int(),
  convertedFromId: Id.nullable(),
  submittedAt: z.string().nullable(),
  editedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  forwards: z.array(
    z.object({ level: ReportLevel, bulletin: z.string(), number: z.string(), at: z.string() }),
  ),
  adoptions: z.array(z.object({ level: ReportLevel, at: z.string() })),
  adoptionLevels: z.array(ReportLevel),
  instructions: z.array(
    z.object({
      leaderName: z.string(),
      leaderLevel: InstructionLevel,
      text: z.string(),
      date: z.string(),
      feedback: z.array(z.object({ text: z.string(), at: z.string() })),
    }),
  ),
  instructionCount: z.number().int(),
  declineReason: z.string().nullable(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  actions: z.array(z.enum(REPORT_ACTIONS as [string, ...string[]])),
  /** In a list searched with q: where the query matched. */
  highlights: ItemHighlights.optional(),
});
export type OpinionReport = z.infer<typeof OpinionReport>;

export const OpinionReportListQuery = ListQuery.extend({
  state: ReportState.optional(),
  category: Category.optional(),
  sector: Sector.optional(),
  submitterKind: ReportSubmitterKind.optional(),
  proposerPersonId: Id.optional(),
  /** Reports adopted at this level. */
  adoptedLevel: ReportLevel.optional(),
  /** Reports with (true) or without (false) a leader's instruction. */
  instructed: Flag.optional(),
  /** Submitted (first submission) in this calendar year, Asia/Shanghai; implies `submitted`. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  submitted: Flag.optional(),
  /** Adopted at one level or more (true) or at none (false). */
  adopted: Flag.optional(),
  /** Reports with an instruction by a leader of this level. */
  instructedLevel: InstructionLevel.optional(),
});

export const OpinionReportTransitionInput = z.strictObject({
  action: z.enum(REPORT_ACTIONS as [string, ...string[]]),
  payload: z.record(z.string(), z.unknown()).default({}),
});
