import { useQueryClient } from '@tanstack/react-query';
import { type Matter, type MatterAction, MatterActionPayloads, RECTIFICATION_STATUSES } from '@yiting/domain';
import { Alert, type ButtonProps, DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { type ReactNode, useEffect, useState } from 'react';
import { isApiError } from '../../api/ApiError.ts';
import type { MessageKey } from '../../i18n/I18nProvider.tsx';
import { useI18n } from '../../i18n/useI18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import {
  applyFieldErrors,
  type FieldError,
  problemFieldErrors,
  zodFieldErrors,
} from '../../ui/fieldErrors.ts';
import { EvidenceUpload, type UploadedFile } from '../files/EvidenceUpload.tsx';
import { useUnitOptions } from '../units/useUnitOptions.ts';
import { ACTION_FIELDS, type ActionField } from './actionFields.ts';
import { fireMatterAction } from './fireMatterAction.ts';
import { unitLabel } from './unitLabel.ts';

type Values = Partial<Record<ActionField, unknown>>;

const DANGER: MatterAction[] = ['return', 'cancel', 'object', 'reject_extension'];
const DATE_FIELDS: ActionField[] = ['deadline', 'until'];
const NUMBER_FIELDS: ActionField[] = ['satisfied', 'basicallySatisfied', 'unsatisfied', 'abstained'];

/** Form values as the action's payload: dates as ISO days, files as their ids, blanks left out. */
function payloadOf(action: MatterAction, values: Values): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of ACTION_FIELDS[action]) {
    const v = values[f];
    if (v === undefined || v === null) continue;
    if (DATE_FIELDS.includes(f)) out[f] = (v as Dayjs).format('YYYY-MM-DD');
    else if (f === 'leadUnitLeader') {
      if (typeof v === 'string' && v.trim() && typeof values.leadUnitId === 'string') {
        out.unitLeaders = { [values.leadUnitId]: v.trim() };
      }
    } else if (f === 'evidenceFileIds') {
      const ids = (v as UploadedFile[]).filter((x) => x.status === 'done').map((x) => x.response?.id);
      if (ids.length) out[f] = ids;
    } else if (typeof v === 'string') {
      if (v.trim()) out[f] = v;
    } else if (Array.isArray(v)) {
      if (v.length) out[f] = v;
    } else out[f] = v;
  }
  return out;
}

/** Server paths are `payload.<field>`; the form's fields are the payload's. */
function withoutPayloadPrefix(fields: FieldError[]): FieldError[] {
  return fields.map((f) => ({ ...f, name: f.name[0] === 'payload' ? f.name.slice(1) : f.name }));
}

/**
 * The small form of one action, built from its payload schema: checked in the browser with
 * MatterActionPayloads[action] (the server checks the same schema, then the machine's rules), and the
 * server's field errors shown on the same fields.
 */
export function MatterActionDialog({
  matter,
  action,
  onClose,
  onDone,
}: {
  matter: Matter;
  action: MatterAction | null;
  onClose: () => void;
  onDone: (m: Matter, action: MatterAction) => void;
}) {
  const { t, label, validation } = useI18n();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [general, setGeneral] = useState<string[]>([]);
  const needsUnits = !!action && ACTION_FIELDS[action].some((f) => f.endsWith('UnitId') || f === 'coUnitIds');
  const units = useUnitOptions(needsUnits);

  useEffect(() => {
    if (!action) return;
    setError(null);
    setGeneral([]);
    form.resetFields();
    if (action === 'report_progress') form.setFieldsValue({ status: 'in_progress' });
  }, [action, form]);

  if (!action) return null;
  const fields = ACTION_FIELDS[action];
  const unitOptions = (units.data ?? []).map((u) => ({ value: u.id, label: unitLabel(u) }));

  const submit = async (values: Values) => {
    setError(null);
    setGeneral([]);
    const files = (values.evidenceFileIds as UploadedFile[] | undefined) ?? [];
    if (files.some((f) => f.status === 'uploading')) {
      applyFieldErrors(form, [{ name: ['evidenceFileIds'], errors: [t('files.stillUploading')] }]);
      return;
    }
    const parsed = MatterActionPayloads[action].safeParse(payloadOf(action, values), { reportInput: true });
    if (!parsed.success) {
      applyFieldErrors(form, zodFieldErrors(parsed.error.issues, validation));
      return;
    }
    setSaving(true);
    try {
      const next = await fireMatterAction(matter, action, parsed.data as Record<string, unknown>);
      await queryClient.invalidateQueries({
        predicate: (q) => /^\/(matters|dashboard|notifications)/.test(String(q.queryKey[0])),
      });
      onDone(next, action);
    } catch (e) {
      if (isApiError(e) && e.errors.length) {
        const mapped = withoutPayloadPrefix(problemFieldErrors(e));
        const onFields = mapped.filter((f) => f.name.length && fields.includes(f.name[0] as ActionField));
        applyFieldErrors(form, onFields);
        setGeneral(mapped.filter((f) => !onFields.includes(f)).flatMap((f) => f.errors));
      }
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  const item = (f: ActionField, control: ReactNode, extra?: Partial<{ required: boolean; help: string }>) => (
    <Form.Item
      key={f}
      name={f}
      label={t(`matterAction.field.${f}` as MessageKey)}
      required={extra?.required}
      extra={extra?.help}
      {...(f === 'evidenceFileIds' ? { valuePropName: 'fileList' } : {})}
    >
      {control}
    </Form.Item>
  );

  const controls: Record<ActionField, () => ReactNode> = {
    leadUnitId: () =>
      item(
        'leadUnitId',
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={unitOptions}
          loading={units.isPending}
          placeholder={t('matterAction.unitHint')}
        />,
        { required: true },
      ),
    leadUnitLeader: () =>
      item('leadUnitLeader', <Input maxLength={60} placeholder={t('matterAction.leadUnitLeaderHint')} />),
    coUnitIds: () =>
      item(
        'coUnitIds',
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          options={unitOptions}
          loading={units.isPending}
        />,
      ),
    suggestedUnitId: () =>
      item(
        'suggestedUnitId',
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={unitOptions} />,
      ),
    deadline: () =>
      item('deadline', <DatePicker style={{ width: '100%' }} />, {
        help: matter.deadline ? undefined : t('matterAction.deadlineHelp'),
      }),
    until: () => item('until', <DatePicker style={{ width: '100%' }} />, { required: true }),
    noticeNumber: () =>
      item('noticeNumber', <Input maxLength={60} placeholder={t('matterAction.noticeNumberHint')} />),
    comment: () => item('comment', <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />),
    reason: () =>
      item('reason', <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />, { required: true }),
    message: () =>
      item('message', <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />, { required: true }),
    measures: () =>
      item('measures', <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />, { required: true }),
    summary: () =>
      item('summary', <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />, { required: true }),
    status: () =>
      item(
        'status',
        <Radio.Group
          optionType="button"
          options={RECTIFICATION_STATUSES.map((s) => ({ value: s, label: label('rectificationStatus', s) }))}
        />,
        { required: true },
      ),
    evidenceFileIds: () =>
      item('evidenceFileIds', <EvidenceUpload />, {
        required: action === 'submit_completion',
        help: t('files.hint'),
      }),
    satisfied: () => item('satisfied', <InputNumber min={0} max={10000} />, { required: true }),
    basicallySatisfied: () => item('basicallySatisfied', <InputNumber min={0} max={10000} />),
    unsatisfied: () => item('unsatisfied', <InputNumber min={0} max={10000} />, { required: true }),
    abstained: () => item('abstained', <InputNumber min={0} max={10000} />),
  };

  return (
    <Modal
      open
      title={`${label('matterAction', action)}${t('punct.colon')}${matter.title}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={label('matterAction', action)}
      okButtonProps={
        { loading: saving, danger: DANGER.includes(action), 'data-testid': 'action-submit' } as ButtonProps
      }
      cancelText={t('common.cancel')}
      width={NUMBER_FIELDS.some((f) => fields.includes(f)) ? 520 : 600}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} disabled={saving}>
        {error ? <ErrorAlert error={error} style={{ marginBottom: 16 }} /> : null}
        {general.length ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={general.join(t('punct.semicolon'))}
          />
        ) : null}
        {matter.pendingExtension && (action === 'approve_extension' || action === 'reject_extension') ? (
          <Alert
            type="info"
            style={{ marginBottom: 16 }}
            title={t('matter.pendingExtension', matter.pendingExtension)}
          />
        ) : null}
        {fields.map((f) => controls[f]())}
      </Form>
    </Modal>
  );
}
