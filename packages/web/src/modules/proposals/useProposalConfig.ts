import { useQuery } from '@tanstack/react-query';
import { DEFAULT_PROPOSAL_CONFIG, type ProposalFormConfig } from '@yiting/domain';
import { api } from '../../api/client.ts';

/** The server's defaults, used until the body's own answer is in (a body that sets nothing has these). */
const DEFAULTS: ProposalFormConfig = {
  rejectReasons: DEFAULT_PROPOSAL_CONFIG.rejectReasons,
  resultCategories: DEFAULT_PROPOSAL_CONFIG.resultCategories,
  ratingScale: DEFAULT_PROPOSAL_CONFIG.ratingScale,
  unsatisfiedRatings: DEFAULT_PROPOSAL_CONFIG.unsatisfiedRatings,
  rateAttitudeAndResultApart: DEFAULT_PROPOSAL_CONFIG.rateAttitudeAndResultApart,
  labels: DEFAULT_PROPOSAL_CONFIG.labels,
};

/** The body's lists and rating rules for the proposal action forms (`GET /proposals/config`). */
export function useProposalConfig(): ProposalFormConfig {
  const { data } = useQuery({
    queryKey: ['/proposals/config'],
    queryFn: ({ signal }) => api.get<ProposalFormConfig>('/proposals/config', undefined, signal),
    staleTime: 5 * 60_000,
  });
  return data ?? DEFAULTS;
}
