import { INSTRUCTION_LEVELS, type OpinionReport, REPORT_LEVELS, type ReportAction } from '@yiting/domain';
import type { I18n } from '../../i18n/I18nProvider.tsx';
import { fieldLabel } from '../proposals/proposalActionForms.ts';
import type { ActionFieldSpec, ActionFormSpec } from '../tracking/ActionDialog.tsx';

/** The form of each report action: exactly the keys of ReportActionPayloads[action]. */
export function reportActionForm(
  action: ReportAction,
  r: OpinionReport,
  ctx: { t: I18n['t']; label: I18n['label'] },
): ActionFormSpec {
  const { t, label } = ctx;
  const f = (name: string, control: ActionFieldSpec['control'], extra: Partial<ActionFieldSpec> = {}) => ({
    name,
    label: fieldLabel(t, name),
    control,
    ...extra,
  });
  const levels = REPORT_LEVELS.map((l) => ({ value: l, label: label('reportLevel', l) }));
  switch (action) {
    case 'submit':
    case 'approve':
    case 'archive':
      return { fields: [f('comment', 'textarea')] };
    case 'edit':
      return {
        fields: [f('content', 'textarea', { required: true, initial: r.content }), f('note', 'textarea')],
      };
    case 'decline':
      return { fields: [f('reason', 'textarea', { required: true })] };
    case 'forward':
      return {
        fields: [
          f('level', 'select', { required: true, options: levels }),
          f('bulletin', 'text', { required: true, initial: t('report.defaultBulletin') }),
          f('number', 'text', { required: true }),
        ],
      };
    case 'record_adoption':
      return { fields: [f('level', 'select', { required: true, options: levels }), f('note', 'textarea')] };
    case 'record_instruction':
      return {
        fields: [
          f('leaderName', 'text', { required: true }),
          f('leaderLevel', 'select', {
            required: true,
            options: INSTRUCTION_LEVELS.map((l) => ({ value: l, label: label('instructionLevel', l) })),
          }),
          f('text', 'textarea', { required: true }),
          f('date', 'date', { required: true }),
        ],
      };
    case 'record_feedback':
      return {
        fields: [
          f('instruction', 'select', {
            required: true,
            initial: r.instructions.length ? r.instructions.length - 1 : undefined,
            options: r.instructions.map((i, n) => ({ value: n, label: `${i.leaderName} ${i.date}` })),
          }),
          f('text', 'textarea', { required: true }),
        ],
      };
  }
}
