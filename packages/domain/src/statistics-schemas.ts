import { z } from 'zod';
import { Id } from './schemas.ts';
import { InstructionLevel, ReportLevel } from './tracking/opinion-reports.ts';
import { ProposalKind } from './tracking/proposals.ts';

// Statistics of proposals/suggestions and public-opinion reports (docs/statistics.md): every figure is
// counted from the items' events and carries the list query that shows the items behind it.

const Year = z.coerce.number().int().min(2000).max(2100);
const Session = z.coerce.number().int().min(1).max(99);

export const StatisticsQuery = z.object({
  /** Calendar year (Asia/Shanghai) in which an item reached the office (its first submission). */
  year: Year.optional(),
  /** 届次 and 会次 of proposals; reports have no session and are scoped by year only. */
  sessionTerm: Session.optional(),
  sessionMeeting: Session.optional(),
  /** 提案 or 代表建议. */
  kind: ProposalKind.default('proposal'),
});
export type StatisticsQuery = z.infer<typeof StatisticsQuery>;

/** The scopes the statistics can be asked for (the page's year and session choices). */
export const StatisticsScopesQuery = StatisticsQuery.pick({ kind: true });
const SessionRef = z.object({ term: z.number().int(), meeting: z.number().int() });
export const StatisticsScopes = z.object({
  /** Years (Asia/Shanghai) in which proposals of the kind reached the office or reports were submitted, latest first. */
  years: z.array(z.number().int()),
  /** Sessions (届次, 会次) of the received proposals of the kind, latest first. */
  sessions: z.array(SessionRef),
  /** The session the body numbers new proposals in (its configuration), when it has one. */
  currentSession: SessionRef.nullable(),
});
export type StatisticsScopes = z.infer<typeof StatisticsScopes>;

/** The list that shows a figure's items: a path under /api/v1 (and the web app) and its query. */
export const ListLink = z.object({
  path: z.enum(['/proposals', '/opinion-reports']),
  query: z.record(z.string(), z.string()),
});
export type ListLink = z.infer<typeof ListLink>;

export const Figure = z.object({ count: z.number().int(), link: ListLink });
export type Figure = z.infer<typeof Figure>;

/** A share or rate in [0, 1], rounded to 3 places; null when nothing was counted. */
const Rate = z.number().min(0).max(1).nullable();

const Breakdown = z.object({
  /** The category, sector or submitter kind; null for items without one. */
  key: z.string().nullable(),
  received: Figure,
  accepted: Figure,
  acceptanceRate: Rate,
});

export const UnitStatistics = z.object({
  unitId: Id,
  unitName: z.string(),
  /** Items the unit holds, in any role (lead, co-handling, separate). */
  assigned: Figure,
  /** Items the unit replied to (as the lead or a separate unit). */
  replied: Figure,
  repliedOnTime: Figure,
  repliedLate: Figure,
  onTimeRate: Rate,
  rated: Figure,
  satisfied: Figure,
  satisfactionRate: Rate,
});

export const ProposalStatistics = z.object({
  kind: ProposalKind,
  received: Figure,
  accepted: Figure,
  rejected: Figure,
  converted: Figure,
  merged: Figure,
  withdrawn: Figure,
  key: Figure,
  acceptanceRate: Rate,
  byCategory: z.array(Breakdown),
  bySector: z.array(Breakdown),
  bySubmitterKind: z.array(Breakdown),
  /** Replies, counted per replying unit (an item handled by two separate units counts twice). */
  replies: z.object({
    replied: Figure,
    onTime: Figure,
    late: Figure,
    onTimeRate: Rate,
  }),
  /** The proposer's latest rating of each unit. */
  ratings: z.object({
    rated: Figure,
    satisfied: Figure,
    unsatisfied: Figure,
    satisfactionRate: Rate,
  }),
  /** Result categories (A/B/C/D) of the replies as approved by the office, per replying unit. */
  resultCategories: z.array(z.object({ category: z.string(), count: Figure, share: Rate })),
  unitCount: z.number().int(),
  units: z.array(UnitStatistics),
});
export type ProposalStatistics = z.infer<typeof ProposalStatistics>;

export const ReportStatistics = z.object({
  submitted: Figure,
  /** Reports adopted at one level or more. */
  adopted: Figure,
  declined: Figure,
  adoptedByLevel: z.array(z.object({ level: ReportLevel, count: Figure })),
  /** Reports with at least one leader's instruction. */
  instructed: Figure,
  /** Instructions (批示) received; the link lists the reports that received them. */
  instructions: Figure,
  instructionsByLevel: z.array(
    z.object({ level: InstructionLevel, instructions: Figure, reports: z.number().int() }),
  ),
});
export type ReportStatistics = z.infer<typeof ReportStatistics>;

export const Statistics = z.object({
  bodyId: Id,
  year: z.number().int().nullable(),
  sessionTerm: z.number().int().nullable(),
  sessionMeeting: z.number().int().nullable(),
  proposals: ProposalStatistics,
  reports: ReportStatistics,
});
export type Statistics = z.infer<typeof Statistics>;
