import {
  CONTACT_METHODS,
  CONVERSION_TARGETS,
  codeLabel,
  DEFAULT_RATINGS,
  DEFAULT_REJECT_REASONS,
  DEFAULT_RESULT_CATEGORIES,
  type Locale,
  type Proposal,
  type ProposalAction,
} from '@yiting/domain';
import type { I18n, MessageKey } from '../../i18n/I18nProvider.tsx';
import type { ActionFieldSpec, ActionFormSpec, FormValues } from '../tracking/ActionDialog.tsx';

type Opt = { value: string; label: string };

/** Field label from the shared `itemAction.field.*` texts. */
export const fieldLabel = (t: I18n['t'], name: string) => t(`itemAction.field.${name}` as MessageKey);

/**
 * The form of each proposal action: exactly the keys of ProposalActionPayloads[action]. The configurable
 * lists (reasons, categories, ratings) are the defaults here; a body's own codes still show by code.
 */
export function proposalActionForm(
  action: ProposalAction,
  p: Proposal,
  ctx: { t: I18n['t']; label: I18n['label']; locale: Locale; unitOptions: Opt[] },
): ActionFormSpec {
  const { t, label, locale, unitOptions } = ctx;
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
  const categories: Opt[] = DEFAULT_RESULT_CATEGORIES.map((c) => ({
    value: c,
    label: codeLabel('resultCategory', c, locale),
  }));
  const replying = p.units.filter((u) => u.role !== 'co');

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
            options: DEFAULT_REJECT_REASONS.map((r) => ({
              value: r,
              label: codeLabel('rejectReason', r, locale),
            })),
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
      // One rating per replying unit: the form's field is `rating.<unitId>`, the payload a list.
      const scale = DEFAULT_RATINGS.map((r) => ({ value: r, label: codeLabel('proposalRating', r, locale) }));
      return {
        fields: [
          ...replying.map((u) => ({
            name: `rating:${u.unitId}`,
            label: u.unitName,
            control: 'radio' as const,
            required: true,
            options: scale,
          })),
          comment,
        ],
        build: (v) => ({
          ratings: replying.map((u) => ({ unitId: u.unitId, overall: v[`rating:${u.unitId}`] || undefined })),
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
