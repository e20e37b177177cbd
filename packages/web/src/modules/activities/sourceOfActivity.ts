import type { ActivityType, MatterSource } from '@yiting/domain';

/** What a matter born from a record of this kind of activity is, for the default time limit and statistics. */
export function sourceOfActivity(type: ActivityType): MatterSource {
  switch (type) {
    case 'inspection':
    case 'law_enforcement_inspection':
      return 'inspection_finding';
    case 'special_inquiry':
      return 'inquiry_followup';
    case 'report_hearing':
      return 'deliberation_opinion';
    case 'joint_meeting':
    case 'plenary_session':
    case 'thematic_meeting':
      return 'meeting_decision';
    default:
      return 'research_finding';
  }
}
