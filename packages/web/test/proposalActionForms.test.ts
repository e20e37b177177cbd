import {
  DEFAULT_PROPOSAL_CONFIG,
  LABELS,
  type LabelGroup,
  type Proposal,
  ProposalActionPayloads,
  type ProposalFormConfig,
} from '@yiting/domain';
import { describe, expect, it } from 'vitest';
import type { I18n, MessageKey } from '../src/i18n/I18nProvider.tsx';
import { zhCN } from '../src/i18n/zh-CN.ts';
import { proposalActionForm } from '../src/modules/proposals/proposalActionForms.ts';

const t = ((key: MessageKey) => zhCN[key]) as I18n['t'];
const label = ((group: LabelGroup, value: string) =>
  (LABELS[group] as Record<string, { zh: string }>)[value]?.zh ?? value) as I18n['label'];

const DEFAULTS: ProposalFormConfig = {
  rejectReasons: DEFAULT_PROPOSAL_CONFIG.rejectReasons,
  resultCategories: DEFAULT_PROPOSAL_CONFIG.resultCategories,
  ratingScale: DEFAULT_PROPOSAL_CONFIG.ratingScale,
  unsatisfiedRatings: DEFAULT_PROPOSAL_CONFIG.unsatisfiedRatings,
  rateAttitudeAndResultApart: false,
  labels: {},
};
const APART: ProposalFormConfig = {
  ...DEFAULTS,
  ratingScale: ['good', 'fair', 'poor'],
  unsatisfiedRatings: ['poor'],
  rateAttitudeAndResultApart: true,
  labels: {
    good: { zh: '好', en: 'Good' },
    fair: { zh: '一般', en: 'Fair' },
    poor: { zh: '差', en: 'Poor' },
  },
};

const FGJ = '0197a000-0000-7000-8000-000000000001';
const CZ = '0197a000-0000-7000-8000-000000000002';
const KJJ = '0197a000-0000-7000-8000-000000000003';

const unit = (unitId: string, unitName: string, role: 'lead' | 'co' | 'separate', round: number | null) => ({
  unitId,
  unitName,
  role,
  receivedAt: null,
  contactedAt: null,
  opinionAt: null,
  countersignedAt: null,
  reply: round === null ? null : { category: 'A', at: '2025-05-01T00:00:00Z', round },
  finalCategory: null,
});

/** Handled apart by two units; the co-unit of the first gives no reply of its own. */
const proposal = (round: number) =>
  ({
    round,
    key: false,
    units: [
      unit(FGJ, '市发展改革局', 'separate', round),
      unit(CZ, '市财政局', 'co', null),
      // Rated satisfied in round 1: it did not handle again, its reply stays round 1's.
      unit(KJJ, '市科技局', 'separate', 1),
    ],
  }) as unknown as Proposal;

const rateForm = (p: Proposal, config: ProposalFormConfig) =>
  proposalActionForm('rate', p, { t, label, locale: 'zh-CN', unitOptions: [], config });

describe('the rate form follows the body’s configuration', () => {
  it('asks one overall rating per reply of the round, on the default scale', () => {
    const spec = rateForm(proposal(1), DEFAULTS);
    expect(spec.fields.map((f) => [f.name, f.label])).toEqual([
      [`overall:${FGJ}`, '市发展改革局'],
      [`overall:${KJJ}`, '市科技局'],
      ['comment', '意见'],
    ]);
    expect(spec.fields[0]!.options!.map((o) => o.label)).toEqual(['满意', '基本满意', '不满意']);
    const payload = spec.build!({
      [`overall:${FGJ}`]: 'satisfied',
      [`overall:${KJJ}`]: 'unsatisfied',
      comment: ' ',
    });
    expect(payload).toEqual({
      ratings: [
        { unitId: FGJ, overall: 'satisfied' },
        { unitId: KJJ, overall: 'unsatisfied' },
      ],
    });
    expect(ProposalActionPayloads.rate.safeParse(payload).success).toBe(true);
  });

  it('asks attitude and result apart on the body’s own scale, and only the units handled again', () => {
    const spec = rateForm(proposal(2), APART);
    expect(spec.fields.map((f) => [f.name, f.label])).toEqual([
      [`attitude:${FGJ}`, '市发展改革局 · 办理态度'],
      [`result:${FGJ}`, '市发展改革局 · 办理结果'],
      ['comment', '意见'],
    ]);
    expect(spec.fields[0]!.options).toEqual([
      { value: 'good', label: '好' },
      { value: 'fair', label: '一般' },
      { value: 'poor', label: '差' },
    ]);
    const payload = spec.build!({
      [`attitude:${FGJ}`]: 'good',
      [`result:${FGJ}`]: 'poor',
      comment: '结果未落实',
    });
    expect(JSON.parse(JSON.stringify(payload))).toEqual({
      ratings: [{ unitId: FGJ, attitude: 'good', result: 'poor' }],
      comment: '结果未落实',
    });
    expect(ProposalActionPayloads.rate.safeParse(payload).success).toBe(true);
  });

  it('offers the body’s own result categories and reject reasons by their labels', () => {
    const config = {
      ...DEFAULTS,
      resultCategories: ['A', 'E'],
      rejectReasons: ['outside_remit', 'duplicate'],
      labels: {
        E: { zh: 'E 已列入规划', en: 'E Planned' },
        duplicate: { zh: '与已立案提案重复', en: 'Duplicate' },
      },
    };
    const reply = proposalActionForm('submit_reply', proposal(1), {
      t,
      label,
      locale: 'zh-CN',
      unitOptions: [],
      config,
    });
    expect(reply.fields[0]!.options!.map((o) => o.label)).toEqual(['A 已经解决或基本解决', 'E 已列入规划']);
    const reject = proposalActionForm('reject', proposal(1), {
      t,
      label,
      locale: 'zh-CN',
      unitOptions: [],
      config,
    });
    expect(reject.fields[0]!.options!.map((o) => o.label)).toEqual([
      '不属于本级职权范围',
      '与已立案提案重复',
    ]);
  });
});
