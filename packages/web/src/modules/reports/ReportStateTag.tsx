import type { ReportState } from '@yiting/domain';
import { Tag } from 'antd';
import { useI18n } from '../../i18n/useI18n.ts';

const COLORS: Record<ReportState, string> = {
  draft: 'default',
  submitted: 'blue',
  edited: 'cyan',
  approved: 'geekblue',
  forwarded: 'purple',
  instructed: 'gold',
  declined: 'red',
  archived: 'success',
};

export function ReportStateTag({ state }: { state: ReportState }) {
  const { label } = useI18n();
  return (
    <Tag color={COLORS[state]} data-state={state} style={{ marginInlineEnd: 0 }}>
      {label('reportState', state)}
    </Tag>
  );
}
