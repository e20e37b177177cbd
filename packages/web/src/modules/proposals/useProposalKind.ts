import type { ProposalKind } from '@yiting/domain';
import { useMe } from '../auth/useMe.ts';

/** A CPPCC committee receives 提案 from members; a people's congress 代表建议 from deputies. */
export function useProposalKind(): ProposalKind {
  const { data: me } = useMe();
  return me?.body?.kind === 'cppcc_committee' ? 'proposal' : 'suggestion';
}
