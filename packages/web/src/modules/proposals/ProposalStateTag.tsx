import { type ProposalKind, type ProposalState, proposalLabel } from '@yiting/domain';
import { Tag } from 'antd';
import { useI18n } from '../../i18n/useI18n.ts';

const COLORS: Record<ProposalState, string> = {
  draft: 'default',
  collecting_signatures: 'gold',
  submitted: 'blue',
  returned: 'orange',
  conversion_offered: 'orange',
  rejected: 'red',
  converted: 'default',
  merged: 'default',
  withdrawn: 'default',
  accepted: 'cyan',
  assigned: 'geekblue',
  objected: 'orange',
  handling: 'processing',
  reply_submitted: 'purple',
  replied: 'purple',
  following_up: 'lime',
  closed: 'success',
};

export function ProposalStateTag({ state, kind }: { state: ProposalState; kind: ProposalKind }) {
  const { locale } = useI18n();
  return (
    <Tag color={COLORS[state]} data-state={state} style={{ marginInlineEnd: 0 }}>
      {proposalLabel(kind, 'proposalState', state, locale)}
    </Tag>
  );
}
