import { z } from 'zod';
import { Id, ListQuery } from './schemas.ts';
import { ItemHighlights } from './text.ts';
import { WARNING_LEVELS } from './tracking/engine.ts';
import { MATTER_ACTIONS, MatterSource, MatterState } from './tracking/matters.ts';

export const WarningLevelSchema = z.enum(WARNING_LEVELS);

export const MatterInput = z.strictObject({
  title: z.string().trim().min(2).max(200),
  content: z.string().trim().min(2).max(20000),
  requirements: z.string().trim().max(5000).nullish(),
  source: MatterSource,
  sourceActivityId: Id.nullish(),
  sourceRecordId: Id.nullish(),
  supervisorPersonId: Id.nullish(),
  contact: z.string().trim().max(200).nullish(),
  reportEveryDays: z.number().int().min(1).max(365).nullish(),
});
export type MatterInput = z.infer<typeof MatterInput>;
export const MatterPatch = MatterInput.partial();

export const MatterUnit = z.object({
  unitId: Id,
  unitName: z.string(),
  role: z.enum(['lead', 'co', 'separate']),
  /** 责任领导 of the unit for this matter, named at assignment. */
  responsibleLeader: z.string().nullable(),
});

export const Matter = z.object({
  id: Id,
  bodyId: Id,
  number: z.string().nullable(),
  title: z.string(),
  content: z.string(),
  requirements: z.string().nullable(),
  source: MatterSource,
  sourceActivityId: Id.nullable(),
  sourceActivityTitle: z.string().nullable(),
  sourceRecordId: Id.nullable(),
  state: MatterState,
  version: z.number().int(),
  units: z.array(MatterUnit),
  leadUnitId: Id.nullable(),
  supervisorPersonId: Id.nullable(),
  supervisorName: z.string().nullable(),
  deadline: z.string().nullable(),
  warning: WarningLevelSchema.nullable(),
  contact: z.string().nullable(),
  reportEveryDays: z.number().int().nullable(),
  returnCount: z.number().int(),
  extensionCount: z.number().int(),
  pendingExtension: z.object({ until: z.string(), reason: z.string() }).nullable(),
  voteFailures: z.number().int(),
  accountability: z.boolean(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** What the current user may do now; the UI offers exactly these. */
  actions: z.array(z.enum(MATTER_ACTIONS as [string, ...string[]])),
  /** In a list searched with q: where the query matched. */
  highlights: ItemHighlights.optional(),
});
export type Matter = z.infer<typeof Matter>;

export const MatterListQuery = ListQuery.extend({
  state: MatterState.optional(),
  warning: WarningLevelSchema.optional(),
  unitId: Id.optional(),
  source: MatterSource.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  sourceActivityId: Id.optional(),
  /** Only the matters whose supervising leader is the caller's person (a leader's own list). */
  supervisedByMe: z.enum(['true', 'false']).optional(),
});

export const TransitionInput = z.strictObject({
  action: z.enum(MATTER_ACTIONS as [string, ...string[]]),
  payload: z.record(z.string(), z.unknown()).default({}),
});

export const ItemEvent = z.object({
  id: Id,
  seq: z.number().int(),
  action: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  actorId: Id.nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
  payload: z.record(z.string(), z.unknown()),
  files: z.array(z.object({ id: Id, name: z.string(), size: z.number().int(), mime: z.string() })),
});
export type ItemEvent = z.infer<typeof ItemEvent>;

export const FileMeta = z.object({
  id: Id,
  name: z.string(),
  size: z.number().int(),
  mime: z.string(),
  sha256: z.string(),
});

export const MatterDashboard = z.object({
  total: z.number().int(),
  byState: z.array(z.object({ state: MatterState, count: z.number().int() })),
  byWarning: z.array(z.object({ level: WarningLevelSchema, count: z.number().int() })),
  bySource: z.array(z.object({ source: MatterSource, count: z.number().int() })),
  byUnit: z.array(
    z.object({
      unitId: Id,
      unitName: z.string(),
      total: z.number().int(),
      active: z.number().int(),
      overdue: z.number().int(),
      closed: z.number().int(),
      closedOnTime: z.number().int(),
      /** Closed by the deadline ÷ closed; null when nothing is closed yet. */
      onTimeRate: z.number().nullable(),
      /** Closed ÷ assigned (drafts and cancelled ones excluded). */
      closureRate: z.number().nullable(),
    }),
  ),
});
export type MatterDashboard = z.infer<typeof MatterDashboard>;

/** Finding → research/meeting → assignment → progress reports → review → close-out, on one page. */
export const MatterChain = z.object({
  matter: Matter,
  /** The activity the matter came from, and its parent (e.g. the research group of a visit). */
  activities: z.array(
    z.object({
      id: Id,
      type: z.string(),
      title: z.string(),
      startsAt: z.string(),
      leaderName: z.string().nullable(),
    }),
  ),
  /** The finding or agreed item, and the report it belongs to. */
  records: z.array(
    z.object({
      id: Id,
      kind: z.string(),
      nature: z.string().nullable(),
      title: z.string().nullable(),
      content: z.string(),
    }),
  ),
  events: z.array(ItemEvent),
});
export type MatterChain = z.infer<typeof MatterChain>;
