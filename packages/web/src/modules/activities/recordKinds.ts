import {
  type ActivityRecord,
  type ActivityType,
  type ParticipantRole,
  RECORD_KINDS,
  type RecordKind,
} from '@yiting/domain';

/** The records an activity of this type usually produces, first; every other kind after them. */
const LIKELY: Partial<Record<ActivityType, RecordKind[]>> = {
  research: ['report', 'finding', 'visit_note'],
  visit: ['visit_note', 'finding', 'suggestion'],
  inspection: ['report', 'finding', 'visit_note'],
  law_enforcement_inspection: ['report', 'finding', 'visit_note'],
  joint_meeting: ['rule', 'suggestion', 'speech'],
  plenary_session: ['suggestion', 'speech', 'rule'],
  thematic_meeting: ['suggestion', 'speech'],
  report_hearing: ['report', 'deliberation_opinion', 'speech'],
  special_inquiry: ['question'],
  consultation: ['suggestion', 'speech'],
};

export function recordKindsFor(type: ActivityType): RecordKind[] {
  const first = LIKELY[type] ?? [];
  return [...first, ...RECORD_KINDS.filter((k) => !first.includes(k))];
}

/** What each kind of record asks for besides its text. */
export function recordFields(kind: RecordKind) {
  return {
    /** A finding sits under a report, and is an achievement or a problem. */
    finding: kind === 'finding',
    /** Who spoke, asked or suggested. */
    person: kind === 'suggestion' || kind === 'question' || kind === 'speech',
    /** The department that answered, and its answer. */
    response: kind === 'suggestion' || kind === 'question',
    /** How the members rated the answer (a special inquiry). */
    rating: kind === 'question',
  };
}

/**
 * Records from which an assignment follows (the chain: research finds a problem → a meeting assigns it):
 * a problem, a suggestion or an inquiry question once; a deliberation opinion as often as it has points.
 */
export function canBecomeMatter(r: ActivityRecord): boolean {
  if (r.kind === 'deliberation_opinion') return true;
  if (r.kind === 'finding') return r.nature === 'problem' && r.matterIds.length === 0;
  return (r.kind === 'suggestion' || r.kind === 'question') && r.matterIds.length === 0;
}

/** The title a matter born from a record starts with: its own title, or the start of its text. */
export function matterTitleOf(r: Pick<ActivityRecord, 'kind' | 'title' | 'content'>): string {
  // A suggestion's or question's title is the speaker's position, not what the matter is about.
  const own = r.kind === 'finding' || r.kind === 'deliberation_opinion' ? r.title?.trim() : null;
  if (own) return own;
  const text = r.content.trim().split(/[。；;\n]/)[0] ?? '';
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** Participants in these roles are units (a member unit, an answering department); the others people. */
const UNIT_ROLES: ParticipantRole[] = ['member_unit', 'department_responder'];
export const participantIsUnit = (role: ParticipantRole | undefined) => !!role && UNIT_ROLES.includes(role);

/** The type a sub-activity of this one usually has (a research group's visits, a joint meeting's sessions). */
export function childTypeOf(type: ActivityType): ActivityType | null {
  switch (type) {
    case 'research':
    case 'inspection':
    case 'law_enforcement_inspection':
      return 'visit';
    case 'joint_meeting':
      return 'plenary_session';
    case 'report_hearing':
      return 'special_inquiry';
    default:
      return null;
  }
}
