import type { ActivityType } from '@yiting/domain';
import { Tag } from 'antd';
import { useI18n } from '../../i18n/useI18n.ts';

const COLORS: Partial<Record<ActivityType, string>> = {
  joint_meeting: 'red',
  plenary_session: 'red',
  thematic_meeting: 'blue',
  research: 'green',
  visit: 'lime',
  inspection: 'gold',
  law_enforcement_inspection: 'gold',
  report_hearing: 'purple',
  special_inquiry: 'purple',
  deputy_activity: 'cyan',
};

export function ActivityTypeTag({ type }: { type: ActivityType }) {
  const { label } = useI18n();
  return (
    <Tag color={COLORS[type] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {label('activityType', type)}
    </Tag>
  );
}
