import type { MatterState } from '@yiting/domain';
import { Tag } from 'antd';
import { useI18n } from '../../i18n/useI18n.ts';

const COLORS: Record<MatterState, string> = {
  draft: 'default',
  assigned: 'blue',
  objected: 'orange',
  received: 'cyan',
  in_rectification: 'processing',
  completion_submitted: 'purple',
  closed: 'success',
  cancelled: 'default',
};

export function MatterStateTag({ state }: { state: MatterState }) {
  const { label } = useI18n();
  return (
    <Tag color={COLORS[state]} data-state={state} style={{ marginInlineEnd: 0 }}>
      {label('matterState', state)}
    </Tag>
  );
}
