import { z } from 'zod';
import { DateString, Id, ListQuery } from './schemas.ts';

/** The work events of a body (DOMAIN.md: supervision chain; SCENARIO-2025: the NPC year). */
export const ACTIVITY_TYPES = [
  'joint_meeting', // 联席会议 (the mechanism; its sessions are children)
  'plenary_session', // 全体会议
  'thematic_meeting', // 专题会议
  'research', // 专题调研 (a research group; its visits are children)
  'visit', // 调研/视察走访点
  'inspection', // 视察
  'law_enforcement_inspection', // 执法检查
  'report_hearing', // 听取审议报告
  'special_inquiry', // 专题询问
  'deputy_activity', // 代表活动 (主题活动, 约见市长 …)
  'consultation', // 协商议政活动
  'study', // 学习/读书/讲堂
  'other',
] as const;
export const ActivityType = z.enum(ACTIVITY_TYPES);
export type ActivityType = z.infer<typeof ActivityType>;

export const PARTICIPANT_ROLES = [
  'leader',
  'member',
  'member_unit',
  'invited_deputy',
  'expert',
  'department_responder',
  'observer',
  'staff',
] as const;
export const ParticipantRole = z.enum(PARTICIPANT_ROLES);
export type ParticipantRole = z.infer<typeof ParticipantRole>;

export const ATTENDANCE = ['present', 'excused', 'absent'] as const;
export const Attendance = z.enum(ATTENDANCE);
export type Attendance = z.infer<typeof Attendance>;

export const ACTIVITY_STATUSES = ['planned', 'held', 'cancelled'] as const;
export const ActivityStatus = z.enum(ACTIVITY_STATUSES);

export const RECORD_KINDS = [
  'report', // 调研报告 / 视察报告
  'finding', // 发现问题 / 成效
  'speech', // 发言
  'suggestion', // 建议 (with the department's on-the-spot response)
  'question', // 专题询问: question, answering department, answer, rating
  'deliberation_opinion', // 审议意见
  'visit_note', // 走访记录
  'rule', // 运行机制 / 工作规则 adopted
] as const;
export const RecordKind = z.enum(RECORD_KINDS);
export type RecordKind = z.infer<typeof RecordKind>;

export const FindingNature = z.enum(['achievement', 'problem']);
export const AnswerRating = z.enum(['satisfied', 'basically_satisfied', 'unsatisfied']);

const text = (max: number) => z.string().trim().min(1).max(max);
const optional = (max: number) => z.string().trim().max(max).nullish();

export const ParticipantInput = z
  .strictObject({
    personId: Id.nullish(),
    unitId: Id.nullish(),
    role: ParticipantRole,
    attendance: Attendance.default('present'),
  })
  .refine((p) => !!p.personId || !!p.unitId, { path: ['personId'], message: 'person_or_unit_required' });

export const ActivityInput = z
  .strictObject({
    type: ActivityType,
    parentId: Id.nullish(),
    title: text(200),
    field: optional(60),
    organiserUnitId: Id.nullish(),
    leaderPersonId: Id.nullish(),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }).nullish(),
    place: optional(200),
    description: optional(10000),
    minutes: optional(50000),
    status: ActivityStatus.optional(),
    participants: z.array(ParticipantInput).max(2000).optional(),
  })
  .refine((a) => !a.endsAt || a.endsAt >= a.startsAt, { path: ['endsAt'], message: 'end_before_start' });
export type ActivityInput = z.infer<typeof ActivityInput>;

export const ActivityPatch = z.strictObject({
  title: text(200).optional(),
  field: optional(60),
  organiserUnitId: Id.nullish(),
  leaderPersonId: Id.nullish(),
  startsAt: z.iso.datetime({ offset: true }).optional(),
  endsAt: z.iso.datetime({ offset: true }).nullish(),
  place: optional(200),
  description: optional(10000),
  minutes: optional(50000),
  status: ActivityStatus.optional(),
  participants: z.array(ParticipantInput).max(2000).optional(),
});

export const Participant = z.object({
  id: Id,
  personId: Id.nullable(),
  personName: z.string().nullable(),
  unitId: Id.nullable(),
  unitName: z.string().nullable(),
  role: ParticipantRole,
  attendance: Attendance,
});

export const Activity = z.object({
  id: Id,
  bodyId: Id,
  parentId: Id.nullable(),
  type: ActivityType,
  title: z.string(),
  field: z.string().nullable(),
  organiserUnitId: Id.nullable(),
  organiserUnitName: z.string().nullable(),
  leaderPersonId: Id.nullable(),
  leaderName: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  place: z.string().nullable(),
  description: z.string().nullable(),
  minutes: z.string().nullable(),
  status: ActivityStatus,
  childCount: z.number().int(),
  participants: z.array(Participant),
  version: z.number().int(),
});
export type Activity = z.infer<typeof Activity>;

export const ActivityListQuery = ListQuery.extend({
  type: ActivityType.optional(),
  parentId: Id.optional(),
  /** Top-level only (no sessions or visits) unless a parent is asked for. */
  topLevel: z.enum(['true', 'false']).optional(),
  from: DateString.optional(),
  to: DateString.optional(),
  personId: Id.optional(),
});

export const RecordInput = z
  .strictObject({
    kind: RecordKind,
    parentId: Id.nullish(),
    nature: FindingNature.nullish(),
    title: optional(200),
    content: text(20000),
    personId: Id.nullish(),
    responderUnitId: Id.nullish(),
    response: optional(20000),
    rating: AnswerRating.nullish(),
    sortOrder: z.number().int().min(0).max(100000).optional(),
  })
  .refine((r) => r.kind !== 'finding' || !!r.nature, { path: ['nature'], message: 'nature_required' });
export type RecordInput = z.infer<typeof RecordInput>;

export const ActivityRecord = z.object({
  id: Id,
  activityId: Id,
  parentId: Id.nullable(),
  kind: RecordKind,
  nature: FindingNature.nullable(),
  title: z.string().nullable(),
  content: z.string(),
  personId: Id.nullable(),
  personName: z.string().nullable(),
  responderUnitId: Id.nullable(),
  responderUnitName: z.string().nullable(),
  response: z.string().nullable(),
  rating: AnswerRating.nullable(),
  sortOrder: z.number().int(),
  /** Matters born from this record (a finding turned into an assignment). */
  matterIds: z.array(Id),
});
export type ActivityRecord = z.infer<typeof ActivityRecord>;
