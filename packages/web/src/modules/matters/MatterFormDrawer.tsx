import { useQueryClient } from '@tanstack/react-query';
import { MATTER_SOURCES, type Matter, MatterInput } from '@yiting/domain';
import { Alert, Button, Col, Drawer, Flex, Form, Input, InputNumber, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { isApiError } from '../../api/ApiError.ts';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { applyFieldErrors, problemFieldErrors, zodFieldErrors } from '../../ui/fieldErrors.ts';
import { PersonPicker } from './PersonPicker.tsx';

export interface MatterDraft {
  title?: string;
  content?: string;
  requirements?: string | null;
  source?: MatterInput['source'];
  sourceActivityId?: string | null;
  sourceRecordId?: string | null;
  /** Shown above the form so the user sees where the matter comes from. */
  origin?: string;
}

type Values = {
  title?: string;
  content?: string;
  requirements?: string;
  source?: string;
  supervisorPersonId?: string;
  contact?: string;
  reportEveryDays?: number | null;
};

const blank = (v: string | undefined | null) => (v?.trim() ? v : undefined);

/**
 * Creates a matter (a draft: assigning it is an action on its page). Checked with the server's own MatterInput,
 * so the messages are the same; a finding's title, content and origin come prefilled.
 */
export function MatterFormDrawer({
  open,
  initial,
  onClose,
  onSaved,
}: {
  open: boolean;
  initial: MatterDraft | null;
  onClose: () => void;
  onSaved: (m: Matter) => void;
}) {
  const { t, label, validation } = useI18n();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue({
      title: initial?.title,
      content: initial?.content,
      requirements: initial?.requirements ?? undefined,
      source: initial?.source ?? 'leader_instruction',
    });
  }, [open, initial, form]);

  const save = async (values: Values) => {
    setError(null);
    const input = {
      title: values.title ?? '',
      content: values.content ?? '',
      requirements: blank(values.requirements),
      source: values.source,
      sourceActivityId: initial?.sourceActivityId ?? undefined,
      sourceRecordId: initial?.sourceRecordId ?? undefined,
      supervisorPersonId: values.supervisorPersonId ?? undefined,
      contact: blank(values.contact),
      reportEveryDays: values.reportEveryDays ?? undefined,
    };
    const parsed = MatterInput.safeParse(input, { reportInput: true });
    if (!parsed.success) {
      applyFieldErrors(form, zodFieldErrors(parsed.error.issues, validation));
      return;
    }
    setSaving(true);
    try {
      const saved = await api.post<Matter>('/matters', parsed.data);
      await queryClient.invalidateQueries({
        predicate: (q) => /^\/(matters|activities|dashboard)/.test(String(q.queryKey[0])),
      });
      onSaved(saved);
    } catch (e) {
      if (isApiError(e) && e.errors.length) applyFieldErrors(form, problemFieldErrors(e));
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={680}
      destroyOnHidden
      title={t('matter.createTitle')}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="matter-save">
            {t('matter.saveDraft')}
          </Button>
        </Flex>
      }
    >
      <Form<Values> form={form} layout="vertical" onFinish={save} disabled={saving} scrollToFirstError>
        {initial?.origin ? (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title={initial.origin} />
        ) : null}
        {error ? <ErrorAlert error={error} style={{ marginBottom: 16 }} /> : null}
        <Form.Item name="title" label={t('matter.title')} required>
          <Input maxLength={200} autoFocus />
        </Form.Item>
        <Form.Item name="content" label={t('matter.content')} required>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
        </Form.Item>
        <Form.Item name="requirements" label={t('matter.requirements')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder={t('matter.requirementsHint')} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="source" label={t('matter.source')} required>
              <Select
                disabled={!!initial?.sourceRecordId}
                options={MATTER_SOURCES.map((s) => ({ value: s, label: label('matterSource', s) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="supervisorPersonId" label={t('matter.supervisor')}>
              <PersonPicker />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="contact" label={t('matter.contact')}>
              <Input placeholder={t('matter.contactHint')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="reportEveryDays" label={t('matter.reportEveryDays')}>
              <InputNumber min={1} max={365} style={{ width: '100%' }} suffix={t('matter.days')} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
