import { useQueryClient } from '@tanstack/react-query';
import { type Activity, type ActivityRecord, RecordInput, type RecordKind } from '@yiting/domain';
import { Col, Form, Input, Radio, Row, Select } from 'antd';
import { useMemo } from 'react';
import { api } from '../../api/client.ts';
import type { MessageKey } from '../../i18n/I18nProvider.tsx';
import { useI18n } from '../../i18n/useI18n.ts';
import { FormDrawer, useDrawerForm } from '../../ui/FormDrawer.tsx';
import { blankToNull } from '../../ui/fieldErrors.ts';
import { PersonPicker } from '../matters/PersonPicker.tsx';
import { UnitPicker } from '../units/UnitPicker.tsx';
import { recordFields, recordKindsFor } from './recordKinds.ts';

/** What a new record starts as: its kind, and the report a finding belongs to. */
export interface RecordDraft {
  kind: RecordKind;
  parentId?: string | null;
}

interface Values {
  kind?: RecordKind;
  parentId?: string | null;
  nature?: ActivityRecord['nature'];
  title?: string | null;
  content?: string;
  personId?: string | null;
  responderUnitId?: string | null;
  response?: string | null;
  rating?: ActivityRecord['rating'];
}

const RATINGS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;

/**
 * Adds a record to an activity: a report, a finding under it (achievement or problem), a suggestion or an
 * inquiry question with the department's answer (and its rating), a deliberation opinion, a speech, a visit
 * note, a working rule. The fields follow the kind; checked with the server's RecordInput.
 */
export function RecordFormDrawer({
  activity,
  records,
  draft,
  onClose,
  onSaved,
}: {
  activity: Activity;
  /** The activity's records: the reports a finding can sit under, and the order a new one takes. */
  records: ActivityRecord[];
  /** Open with this kind (and report); null: closed. */
  draft: RecordDraft | null;
  onClose: () => void;
  onSaved: (r: ActivityRecord) => void;
}) {
  const { t, label } = useI18n();
  const open = draft !== null;
  const initial = useMemo<Values | null>(
    () => (draft ? { kind: draft.kind, parentId: draft.parentId ?? null, nature: 'problem' } : null),
    [draft],
  );
  const state = useDrawerForm<Values>(open, initial);
  const kind = (Form.useWatch('kind', state.form) ?? draft?.kind ?? 'report') as RecordKind;
  const queryClient = useQueryClient();
  const has = recordFields(kind);
  const reports = records.filter((r) => r.kind === 'report');
  const of = (what: string) => t(`record.${what}.${kind}` as MessageKey);

  const save = async (v: Values) => {
    const input = {
      kind: v.kind,
      parentId: has.finding ? (v.parentId ?? null) : null,
      nature: has.finding ? (v.nature ?? null) : null,
      title: blankToNull(v.title),
      content: v.content ?? '',
      personId: has.person ? (v.personId ?? null) : null,
      responderUnitId: has.response ? (v.responderUnitId ?? null) : null,
      response: has.response ? blankToNull(v.response) : null,
      rating: has.rating ? (v.rating ?? null) : null,
      // After what is there: records are shown in this order.
      sortOrder: Math.max(0, ...records.map((r) => r.sortOrder)) + 1,
    };
    const saved = await state.submit(RecordInput, input, (data) =>
      api.post<ActivityRecord>(`/activities/${activity.id}/records`, data),
    );
    if (!saved) return;
    await queryClient.invalidateQueries({
      predicate: (q) => String(q.queryKey[0]).startsWith(`/activities/${activity.id}`),
    });
    onSaved(saved);
  };

  return (
    <FormDrawer<Values>
      state={state}
      open={open}
      title={t('record.createTitle', { activity: activity.title })}
      saveTestId="record-save"
      onClose={onClose}
      onFinish={save}
    >
      <Form.Item name="kind" label={t('record.kind')} required>
        <Select
          options={recordKindsFor(activity.type).map((k) => ({ value: k, label: label('recordKind', k) }))}
        />
      </Form.Item>
      {has.finding ? (
        <Row gutter={16}>
          <Col xs={24} sm={14}>
            <Form.Item name="parentId" label={t('record.parent')}>
              <Select
                allowClear
                placeholder={t('record.parentNone')}
                options={reports.map((r) => ({ value: r.id, label: r.title ?? r.content.slice(0, 40) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={10}>
            <Form.Item name="nature" label={t('record.nature')} required>
              <Radio.Group
                optionType="button"
                options={(['problem', 'achievement'] as const).map((n) => ({
                  value: n,
                  label: t(`finding.nature.${n}` as MessageKey),
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
      ) : null}
      {has.person ? (
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="personId" label={of('person')}>
              <PersonPicker membership={null} placeholder={t('activity.personHint')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="title" label={t('record.position')}>
              <Input maxLength={200} placeholder={t('record.positionHint')} />
            </Form.Item>
          </Col>
        </Row>
      ) : (
        <Form.Item name="title" label={of('title')}>
          <Input maxLength={200} autoFocus />
        </Form.Item>
      )}
      <Form.Item name="content" label={of('content')} required>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 14 }} />
      </Form.Item>
      {has.response ? (
        <>
          <Form.Item name="responderUnitId" label={of('responder')}>
            <UnitPicker />
          </Form.Item>
          <Form.Item name="response" label={of('response')}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
          </Form.Item>
        </>
      ) : null}
      {has.rating ? (
        <Form.Item name="rating" label={t('record.ratingLabel')}>
          <Radio.Group
            optionType="button"
            options={RATINGS.map((r) => ({ value: r, label: t(`record.rating.${r}` as MessageKey) }))}
          />
        </Form.Item>
      ) : null}
    </FormDrawer>
  );
}
