import { useQueryClient } from '@tanstack/react-query';
import { MATTER_SOURCES, type Matter, MatterInput, MatterPatch } from '@yiting/domain';
import { Alert, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useMemo } from 'react';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { FormDrawer, useDrawerForm } from '../../ui/FormDrawer.tsx';
import { blankToNull } from '../../ui/fieldErrors.ts';
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
  requirements?: string | null;
  source?: string;
  supervisorPersonId?: string | null;
  contact?: string | null;
  reportEveryDays?: number | null;
};

/**
 * Creates a matter (a draft: assigning it is an action on its page), or edits one not yet finished (PATCH
 * with the version read). Checked with the server's own MatterInput, so the messages are the same; a
 * finding's title, content and origin come prefilled.
 */
export function MatterFormDrawer({
  open,
  initial,
  matter,
  onClose,
  onSaved,
  onReload,
}: {
  open: boolean;
  /** What a new matter starts from; ignored when editing. */
  initial: MatterDraft | null;
  /** The matter as read (with its version), to edit it. */
  matter?: Matter;
  onClose: () => void;
  onSaved: (m: Matter) => void;
  /** Reads the matter again after a conflicting edit. */
  onReload?: () => void;
}) {
  const { t, label } = useI18n();
  const values = useMemo<Values>(
    () =>
      matter
        ? {
            title: matter.title,
            content: matter.content,
            requirements: matter.requirements,
            source: matter.source,
            supervisorPersonId: matter.supervisorPersonId,
            contact: matter.contact,
            reportEveryDays: matter.reportEveryDays,
          }
        : {
            title: initial?.title,
            content: initial?.content,
            requirements: initial?.requirements ?? undefined,
            source: initial?.source ?? 'leader_instruction',
          },
    [matter, initial],
  );
  const state = useDrawerForm<Values>(open, values);
  const queryClient = useQueryClient();
  const fromRecord = !!(matter ? matter.sourceRecordId : initial?.sourceRecordId);

  const save = async (v: Values) => {
    const fields = {
      title: v.title ?? '',
      content: v.content ?? '',
      requirements: blankToNull(v.requirements),
      source: v.source,
      supervisorPersonId: v.supervisorPersonId ?? null,
      contact: blankToNull(v.contact),
      reportEveryDays: v.reportEveryDays ?? null,
    };
    const saved = matter
      ? await state.submit(MatterPatch, fields, (data) =>
          api.patch<Matter>(`/matters/${matter.id}`, matter.version, data),
        )
      : await state.submit(
          MatterInput,
          {
            ...fields,
            sourceActivityId: initial?.sourceActivityId ?? undefined,
            sourceRecordId: initial?.sourceRecordId ?? undefined,
          },
          (data) => api.post<Matter>('/matters', data),
        );
    if (!saved) return;
    await queryClient.invalidateQueries({
      predicate: (q) => /^\/(matters|activities|dashboard)/.test(String(q.queryKey[0])),
    });
    onSaved(saved);
  };

  return (
    <FormDrawer<Values>
      state={state}
      open={open}
      title={matter ? t('matter.editTitle', { title: matter.title }) : t('matter.createTitle')}
      saveText={matter ? t('common.save') : t('matter.saveDraft')}
      saveTestId="matter-save"
      onClose={onClose}
      onFinish={save}
      {...(onReload ? { onReload } : {})}
      intro={
        !matter && initial?.origin ? (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title={initial.origin} />
        ) : null
      }
    >
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
              disabled={fromRecord}
              options={MATTER_SOURCES.map((s) => ({ value: s, label: label('matterSource', s) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="supervisorPersonId" label={t('matter.supervisor')}>
            <PersonPicker
              {...(matter?.supervisorPersonId && matter.supervisorName
                ? { names: { [matter.supervisorPersonId]: matter.supervisorName } }
                : {})}
            />
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
    </FormDrawer>
  );
}
