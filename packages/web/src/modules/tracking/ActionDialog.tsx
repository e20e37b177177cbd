import {
  Alert,
  type ButtonProps,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Switch,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { isApiError } from '../../api/ApiError.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import {
  applyFieldErrors,
  type FieldError,
  type IssueLike,
  problemFieldErrors,
  zodFieldErrors,
} from '../../ui/fieldErrors.ts';
import { EvidenceUpload, type UploadedFile } from '../files/EvidenceUpload.tsx';
import { PersonPicker } from '../matters/PersonPicker.tsx';

export type FieldControl =
  | 'text'
  | 'textarea'
  | 'select'
  | 'multiselect'
  | 'tags'
  | 'radio'
  | 'date'
  | 'number'
  | 'files'
  | 'switch'
  | 'person';

export type FormValues = Record<string, unknown>;

/** One field of an action's form; its name is the payload key unless the action builds the payload itself. */
export interface ActionFieldSpec {
  name: string;
  label: string;
  control: FieldControl;
  required?: boolean;
  options?: { value: string | number; label: string }[];
  help?: string;
  placeholder?: string;
  initial?: unknown;
  /** Shown only for some values of the others (assign's mode: lead unit or separate units). */
  when?: (values: FormValues) => boolean;
}

export interface ActionFormSpec {
  fields: ActionFieldSpec[];
  /** The payload from the form values, when it is not simply field = value (e.g. one rating per unit). */
  build?: (values: FormValues) => Record<string, unknown>;
}

/** The part of a zod schema this dialog uses (the web app does not import zod itself). */
export interface PayloadSchema {
  safeParse(
    data: unknown,
    params?: { reportInput?: boolean },
  ): { success: true; data: unknown } | { success: false; error: { issues: readonly IssueLike[] } };
}

/** Form values as a payload: dates as ISO days, files as their ids, blanks left out, hidden fields too. */
export function plainPayload(spec: ActionFormSpec, values: FormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of spec.fields) {
    if (f.when && !f.when(values)) continue;
    const v = values[f.name];
    if (v === undefined || v === null) continue;
    if (f.control === 'date') out[f.name] = (v as Dayjs).format('YYYY-MM-DD');
    else if (f.control === 'files') {
      const ids = (v as UploadedFile[]).filter((x) => x.status === 'done').map((x) => x.response?.id);
      if (ids.length) out[f.name] = ids;
    } else if (typeof v === 'string') {
      if (v.trim()) out[f.name] = v;
    } else if (Array.isArray(v)) {
      if (v.length) out[f.name] = v;
    } else out[f.name] = v;
  }
  return out;
}

/** Server paths are `payload.<field>`; the form's fields are the payload's. */
function withoutPayloadPrefix(fields: FieldError[]): FieldError[] {
  return fields.map((f) => ({ ...f, name: f.name[0] === 'payload' ? f.name.slice(1) : f.name }));
}

/**
 * The form of one action of any tracked item (proposal, report, …), built from a field list: checked in
 * the browser with the action's payload schema (the server checks the same schema, then the machine's
 * rules) and the server's field errors shown on the same fields, the others above the form.
 */
export function ActionDialog({
  open,
  title,
  okText,
  danger,
  spec,
  schema,
  intro,
  onClose,
  onSubmit,
}: {
  open: boolean;
  title: string;
  okText: string;
  danger?: boolean;
  spec: ActionFormSpec;
  schema: PayloadSchema;
  intro?: ReactNode;
  onClose: () => void;
  onSubmit: (payload: Record<string, unknown>) => Promise<void>;
}) {
  const { t, validation } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const values = Form.useWatch([], form) as FormValues | undefined;
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [general, setGeneral] = useState<string[]>([]);

  // Mounted afresh for each action (ItemActions keys it by action): the initial values are read once, so
  // that options arriving later (units) do not wipe what the user has typed.
  const [initialValues] = useState(() =>
    Object.fromEntries(spec.fields.filter((f) => f.initial !== undefined).map((f) => [f.name, f.initial])),
  );

  if (!open) return null;
  const shown = spec.fields.filter((f) => !f.when || f.when(values ?? form.getFieldsValue(true)));

  const submit = async (v: FormValues) => {
    setError(null);
    setGeneral([]);
    const all = { ...form.getFieldsValue(true), ...v } as FormValues;
    const uploading = spec.fields.find(
      (f) =>
        f.control === 'files' &&
        ((all[f.name] as UploadedFile[] | undefined) ?? []).some((x) => x.status === 'uploading'),
    );
    if (uploading) {
      applyFieldErrors(form, [{ name: [uploading.name], errors: [t('files.stillUploading')] }]);
      return;
    }
    const payload = spec.build ? spec.build(all) : plainPayload(spec, all);
    const parsed = schema.safeParse(payload, { reportInput: true });
    if (!parsed.success) {
      const errs = zodFieldErrors(parsed.error.issues, validation);
      const onFields = errs.filter((e) => shown.some((f) => f.name === e.name[0]));
      applyFieldErrors(form, onFields);
      setGeneral(errs.filter((e) => !onFields.includes(e)).flatMap((e) => e.errors));
      return;
    }
    setSaving(true);
    try {
      await onSubmit(parsed.data as Record<string, unknown>);
    } catch (e) {
      if (isApiError(e) && e.errors.length) {
        const mapped = withoutPayloadPrefix(problemFieldErrors(e));
        const onFields = mapped.filter((f) => shown.some((s) => s.name === f.name[0]));
        applyFieldErrors(form, onFields);
        setGeneral(mapped.filter((f) => !onFields.includes(f)).flatMap((f) => f.errors));
      }
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  const control = (f: ActionFieldSpec): ReactNode => {
    switch (f.control) {
      case 'text':
        return <Input maxLength={200} placeholder={f.placeholder} />;
      case 'textarea':
        return <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} placeholder={f.placeholder} />;
      case 'select':
        return (
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={f.options}
            placeholder={f.placeholder}
          />
        );
      case 'multiselect':
        return <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={f.options} />;
      case 'tags':
        return <Select mode="tags" open={false} tokenSeparators={[',', ' ', '，']} />;
      case 'radio':
        return <Radio.Group optionType="button" options={f.options} />;
      case 'date':
        return <DatePicker style={{ width: '100%' }} />;
      case 'number':
        return <InputNumber min={0} max={10000} />;
      case 'files':
        return <EvidenceUpload />;
      case 'switch':
        return <Switch />;
      case 'person':
        return <PersonPicker />;
    }
  };

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={okText}
      okButtonProps={{ loading: saving, danger, 'data-testid': 'action-submit' } as ButtonProps}
      cancelText={t('common.cancel')}
      width={600}
      destroyOnHidden
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={saving}
        initialValues={initialValues}
      >
        {error ? <ErrorAlert error={error} style={{ marginBottom: 16 }} /> : null}
        {general.length ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={general.join(t('punct.semicolon'))}
          />
        ) : null}
        {intro}
        {shown.map((f) => (
          <Form.Item
            key={f.name}
            name={f.name}
            label={f.label}
            required={f.required}
            extra={f.help}
            {...(f.control === 'files' ? { valuePropName: 'fileList' } : {})}
            {...(f.control === 'switch' ? { valuePropName: 'checked' } : {})}
          >
            {control(f)}
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
