import {
  CONTACT_METHODS,
  CONVERSION_TARGETS,
  codeLabel,
  type Locale,
  type Proposal,
  type ProposalAction,
  type ProposalFormConfig,
} from '@yiting/domain';
import type { I18n, MessageKey } from '../../i18n/I18nProvider.tsx';
import type { ActionFieldSpec, ActionFormSpec, FormValues } from '../tracking/ActionDialog.tsx';

type Opt = { value: string; label: string };

/** Field label from the shared `itemAction.field.*` texts. */
export const fieldLabel = (t: I18n['t'], name: string) => t(`itemAction.field.${name}` as MessageKey);

/** The aspects a proposer rates each reply on, as the body configures it. */
export const ratingAspects = (config: Pick<ProposalFormConfig, 'rateAttitudeAndResultApart'>) =>
  config.rateAttitudeAndResultApart ? (['attitude', 'result'] as const) : (['overall'] as const);

/**
 * The form of each proposal action: exactly the keys of ProposalActionPayloads[action]. The configurable
 * lists (reasons, categories, ratings) and how replies are rated are the body's (`GET /proposals/config`).
 */
export function proposalActionForm(
  action: ProposalAction,
  p: Proposal,
  ctx: {
    t: I18n['t'];
    label: I18n['label'];
    locale: Locale;
    unitOptions: Opt[];
    config: ProposalFormConfig;
  },
): ActionFormSpec {
  const { t, label, locale, unitOptions, config } = ctx;
  const f = (name: string, control: ActionFieldSpec['control'], extra: Partial<ActionFieldSpec> = {}) => ({
    name,
    label: fieldLabel(t, name),
    control,
    ...extra,
  });
  const comment = f('comment', 'textarea');
  const reason = f('reason', 'textarea', { required: true });
  const units = (list: string[]) => unitOptions.filter((o) => list.includes(o.value));
  const ownUnits = units(p.units.map((u) => u.unitId));
  const code = (group: Parameters<typeof codeLabel>[0], list: string[]): Opt[] =>
    list.map((c) => ({ value: c, label: codeLabel(group, c, locale, config.labels) }));
  const categories = code('resultCategory', config.resultCategories);

  switch (action) {
    case 'submit':
    case 'confirm_signature':
    case 'decline_signature':
    case 'accept':
    case 'decline_conversion':
    case 'receive':
    case 'approve_extension':
    case 'countersign':
    case 'approve_reply':
      return { fields: [comment] };
    case 'close_signatures':
      return { fields: [] };
    case 'withdraw':
    case 'return_for_revision':
    case 'dismiss_objection':
    case 'reject_extension':
    case 'close':
      return { fields: [reason] };
    case 'reject':
      return {
        fields: [
          f('reason', 'select', {
            required: true,
            options: code('rejectReason', config.rejectReasons),
          }),
          f('explanation', 'textarea', { required: true }),
        ],
      };
    case 'offer_conversion':
      return {
        fields: [
          f('to', 'radio', {
            required: true,
            options: CONVERSION_TARGETS.map((c) => ({ value: c, label: label('conversionTarget', c) })),
          }),
          reason,
        ],
      };
    case 'accept_conversion':
      return { fields: [f('note', 'textarea')] };
    case 'merge':
      return { fields: [f('targetId', 'text', { required: true }), f('reason', 'textarea')] };
    case 'absorb':
      return { fields: [f('itemIds', 'tags', { required: true })] };
    case 'assign': {
      const lead = (v: FormValues) => v.mode !== 'separate';
      return {
        fields: [
          f('mode', 'radio', {
            required: true,
            initial: 'lead',
            options: (['lead', 'separate'] as const).map((m) => ({
              value: m,
              label: t(`proposal.mode.${m}`),
            })),
          }),
          f('leadUnitId', 'select', { required: true, options: unitOptions, when: lead }),
          f('coUnitIds', 'multiselect', { options: unitOptions, when: lead }),
          f('unitIds', 'multiselect', { required: true, options: unitOptions, when: (v) => !lead(v) }),
        ],
      };
    }
    case 'object':
      return { fields: [reason, f('suggestedUnitId', 'select', { options: unitOptions })] };
    case 'reassign':
      return { fields: [f('unitId', 'select', { required: true, options: unitOptions }), comment] };
    case 'record_contact':
      return {
        fields: [
          f('method', 'radio', {
            required: true,
            options: CONTACT_METHODS.map((m) => ({ value: m, label: label('contactMethod', m) })),
          }),
          f('date', 'date', { required: true }),
          f('note', 'textarea', { required: true }),
        ],
      };
    case 'send_opinion':
      return { fields: [f('opinion', 'textarea', { required: true }), f('fileIds', 'files')] };
    case 'request_extension':
      return { fields: [f('until', 'date', { required: true }), reason] };
    case 'submit_reply':
    case 'final_answer':
      return {
        fields: [
          f('category', 'select', { required: true, options: categories }),
          f('summary', 'textarea', { required: true }),
          f('fileIds', 'files'),
        ],
      };
    case 'return_reply':
      return { fields: [reason, f('unitIds', 'multiselect', { options: ownUnits })] };
    case 'rate': {
      // The replies of this round (after an unsatisfied rating, only the units that handled it again), each
      // rated once overall or on its attitude and its result apart: the fields are `<aspect>:<unitId>`.
      const toRate = p.units.filter((u) => u.role !== 'co' && u.reply?.round === p.round);
      const aspects = ratingAspects(config);
      const scale = code('proposalRating', config.ratingScale);
      return {
        fields: [
          ...toRate.flatMap((u) =>
            aspects.map((a) => ({
              name: `${a}:${u.unitId}`,
              label: aspects.length > 1 ? `${u.unitName} · ${label('ratingAspect', a)}` : u.unitName,
              control: 'radio' as const,
              required: true,
              options: scale,
            })),
          ),
          comment,
        ],
        build: (v) => ({
          ratings: toRate.map((u) => ({
            unitId: u.unitId,
            ...Object.fromEntries(aspects.map((a) => [a, v[`${a}:${u.unitId}`] || undefined])),
          })),
          ...(typeof v.comment === 'string' && v.comment.trim() ? { comment: v.comment } : {}),
        }),
      };
    }
    case 'mark_key':
      return {
        fields: [
          f('key', 'switch', { initial: !p.key }),
          f('supervisorPersonId', 'person', { when: (v) => v.key === true }),
          // The chair's meeting that chose it (主席会议): its date and name or minutes number.
          f('meetingDate', 'date', { when: (v) => v.key === true }),
          f('meetingRef', 'text', { when: (v) => v.key === true }),
          f('note', 'textarea'),
        ],
      };
    case 'urge':
      return { fields: [f('message', 'textarea', { required: true })] };
  }
}
