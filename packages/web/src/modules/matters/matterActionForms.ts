import { type Matter, type MatterAction, RECTIFICATION_STATUSES } from '@yiting/domain';
import type { I18n, MessageKey } from '../../i18n/I18nProvider.tsx';
import { type ActionFieldSpec, type ActionFormSpec, plainPayload } from '../tracking/ActionDialog.tsx';

type Opt = { value: string; label: string };

/**
 * The form of each matter action for the shared ActionDialog: the keys of MatterActionPayloads[action],
 * except `leadUnitLeader`, which goes into `unitLeaders` under the chosen lead unit.
 */
export function matterActionForm(
  action: MatterAction,
  m: Matter,
  ctx: { t: I18n['t']; label: I18n['label']; unitOptions: Opt[] },
): ActionFormSpec {
  const { t, label, unitOptions } = ctx;
  const f = (name: string, control: ActionFieldSpec['control'], extra: Partial<ActionFieldSpec> = {}) => ({
    name,
    label: t(`matterAction.field.${name}` as MessageKey),
    control,
    ...extra,
  });
  const comment = f('comment', 'textarea');
  const reason = f('reason', 'textarea', { required: true });
  const assignment = [
    f('leadUnitId', 'select', {
      required: true,
      options: unitOptions,
      placeholder: t('matterAction.unitHint'),
    }),
    f('leadUnitLeader', 'text', { placeholder: t('matterAction.leadUnitLeaderHint') }),
    f('coUnitIds', 'multiselect', { options: unitOptions }),
    f('deadline', 'date', m.deadline ? {} : { help: t('matterAction.deadlineHelp') }),
  ];
  // The lead unit's responsible leader is named under its id (`unitLeaders`), not as a field of its own.
  const withLeader = (fields: ActionFieldSpec[]): ActionFormSpec => ({
    fields,
    build: (values) => {
      const { leadUnitLeader, ...payload } = plainPayload({ fields }, values);
      return typeof leadUnitLeader === 'string' && typeof payload.leadUnitId === 'string'
        ? { ...payload, unitLeaders: { [payload.leadUnitId]: leadUnitLeader.trim() } }
        : payload;
    },
  });
  const votes = (name: string, required = false) => f(name, 'number', { required });

  switch (action) {
    case 'assign':
      return withLeader([
        ...assignment,
        f('noticeNumber', 'text', { placeholder: t('matterAction.noticeNumberHint') }),
      ]);
    case 'reassign':
      return withLeader(assignment);
    case 'receive':
    case 'approve_extension':
    case 'close_out':
      return { fields: [comment] };
    case 'object':
      return { fields: [reason, f('suggestedUnitId', 'select', { options: unitOptions })] };
    case 'dismiss_objection':
    case 'reject_extension':
    case 'return':
    case 'reopen':
    case 'cancel':
      return { fields: [reason] };
    case 'report_progress':
      return {
        fields: [
          f('measures', 'textarea', { required: true }),
          f('status', 'radio', {
            required: true,
            initial: 'in_progress',
            options: RECTIFICATION_STATUSES.map((s) => ({
              value: s,
              label: label('rectificationStatus', s),
            })),
          }),
          f('evidenceFileIds', 'files', { help: t('files.hint') }),
        ],
      };
    case 'request_extension':
      return { fields: [f('until', 'date', { required: true }), reason] };
    case 'submit_completion':
      return {
        fields: [
          f('summary', 'textarea', { required: true }),
          f('evidenceFileIds', 'files', { required: true, help: t('files.hint') }),
        ],
      };
    case 'record_vote':
      return {
        fields: [
          votes('satisfied', true),
          votes('basicallySatisfied'),
          votes('unsatisfied', true),
          votes('abstained'),
        ],
      };
    case 'urge':
      return { fields: [f('message', 'textarea', { required: true })] };
  }
}
