import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  ACTIVITY_STATUSES,
  ACTIVITY_TYPES,
  type Activity,
  ActivityInput,
  ActivityPatch,
  type ActivityType,
  ATTENDANCE,
  type Attendance,
  PARTICIPANT_ROLES,
  type ParticipantRole,
} from '@yiting/domain';
import { Alert, Button, Col, DatePicker, Divider, Flex, Form, Input, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { api } from '../../api/client.ts';
import type { MessageKey } from '../../i18n/I18nProvider.tsx';
import { useI18n } from '../../i18n/useI18n.ts';
import { FormDrawer, useDrawerForm } from '../../ui/FormDrawer.tsx';
import { blankToNull } from '../../ui/fieldErrors.ts';
import { PersonPicker } from '../matters/PersonPicker.tsx';
import { UnitPicker } from '../units/UnitPicker.tsx';
import { ActivityTypeTag } from './ActivityTypeTag.tsx';
import { childTypeOf, participantIsUnit } from './recordKinds.ts';

interface ParticipantRow {
  role?: ParticipantRole;
  personId?: string | null;
  unitId?: string | null;
  attendance?: Attendance;
}

interface Values {
  type?: ActivityType;
  title?: string;
  startsAt?: Dayjs | null;
  endsAt?: Dayjs | null;
  place?: string | null;
  field?: string | null;
  organiserUnitId?: string | null;
  leaderPersonId?: string | null;
  status?: Activity['status'];
  description?: string | null;
  minutes?: string | null;
  participants?: ParticipantRow[];
}

const TIME = 'YYYY-MM-DD HH:mm';

/** The activity as the form's values (dates as dayjs, participants as rows). */
function valuesOf(a: Activity): Values {
  return {
    type: a.type,
    title: a.title,
    startsAt: dayjs(a.startsAt),
    endsAt: a.endsAt ? dayjs(a.endsAt) : null,
    place: a.place,
    field: a.field,
    organiserUnitId: a.organiserUnitId,
    leaderPersonId: a.leaderPersonId,
    status: a.status,
    description: a.description,
    minutes: a.minutes,
    participants: a.participants.map((p) => ({
      role: p.role,
      personId: p.personId,
      unitId: p.unitId,
      attendance: p.attendance,
    })),
  };
}

/**
 * Creates an activity (a research trip, a joint meeting, a special inquiry, …; under a parent for a visit or
 * a session) or edits one, with its leader and participants. Checked with the server's ActivityInput or
 * ActivityPatch; the server's own errors (unknown unit, end before start) land on the same fields.
 */
export function ActivityFormDrawer({
  open,
  activity,
  parent,
  onClose,
  onSaved,
  onReload,
}: {
  open: boolean;
  /** The activity as read (with its version), to edit it; none to create one. */
  activity?: Activity | undefined;
  /** Creates a sub-activity of this one (a research group's visit, a joint meeting's session). */
  parent?: Pick<Activity, 'id' | 'title' | 'type'> | undefined;
  onClose: () => void;
  onSaved: (a: Activity) => void;
  onReload?: () => void;
}) {
  const { t, label, validation } = useI18n();
  const initial = useMemo<Values>(
    () =>
      activity
        ? valuesOf(activity)
        : {
            type: (parent && childTypeOf(parent.type)) ?? 'research',
            status: 'planned',
            participants: [],
          },
    [activity, parent],
  );
  const state = useDrawerForm<Values>(open, initial);
  const queryClient = useQueryClient();
  // Names of the people already on the activity, so that the pickers show them before any search.
  const names = useMemo(
    () =>
      Object.fromEntries([
        ...(activity?.leaderPersonId ? [[activity.leaderPersonId, activity.leaderName ?? '']] : []),
        ...(activity?.participants ?? []).flatMap((p) =>
          p.personId ? [[p.personId, p.personName ?? '']] : [],
        ),
      ]) as Record<string, string>,
    [activity],
  );

  const save = async (v: Values) => {
    const fields = {
      title: v.title ?? '',
      field: blankToNull(v.field),
      organiserUnitId: v.organiserUnitId ?? null,
      leaderPersonId: v.leaderPersonId ?? null,
      startsAt: v.startsAt ? v.startsAt.toISOString() : undefined,
      endsAt: v.endsAt ? v.endsAt.toISOString() : null,
      place: blankToNull(v.place),
      description: blankToNull(v.description),
      minutes: blankToNull(v.minutes),
      status: v.status,
      participants: (v.participants ?? []).map((p) => ({
        role: p.role,
        attendance: p.attendance ?? 'present',
        personId: participantIsUnit(p.role) ? null : (p.personId ?? null),
        unitId: participantIsUnit(p.role) ? (p.unitId ?? null) : null,
      })),
    };
    const saved = activity
      ? await state.submit(ActivityPatch, fields, (data) =>
          api.patch<Activity>(`/activities/${activity.id}`, activity.version, data),
        )
      : await state.submit(ActivityInput, { ...fields, type: v.type, parentId: parent?.id ?? null }, (data) =>
          api.post<Activity>('/activities', data),
        );
    if (!saved) return;
    await queryClient.invalidateQueries({
      predicate: (q) => /^\/(activities|calendar)/.test(String(q.queryKey[0])),
    });
    onSaved(saved);
  };

  const roleOptions = PARTICIPANT_ROLES.map((r) => ({ value: r, label: label('participantRole', r) }));

  return (
    <FormDrawer<Values>
      state={state}
      open={open}
      size={760}
      title={
        activity
          ? t('activity.editTitle', { title: activity.title })
          : parent
            ? t('activity.createChildTitle', { parent: parent.title })
            : t('activity.createTitle')
      }
      saveTestId="activity-save"
      onClose={onClose}
      onFinish={save}
      {...(onReload ? { onReload } : {})}
    >
      <Row gutter={16}>
        <Col xs={24} sm={16}>
          <Form.Item name="title" label={t('activity.title')} required>
            <Input autoFocus maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item
            name="type"
            label={t('activity.type')}
            required
            extra={activity ? t('activity.typeFixed') : undefined}
          >
            <Select
              disabled={!!activity}
              showSearch={{ optionFilterProp: 'title' }}
              options={ACTIVITY_TYPES.map((a) => ({
                value: a,
                title: label('activityType', a),
                label: <ActivityTypeTag type={a} />,
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="startsAt" label={t('activity.start')} required>
            <DatePicker showTime={{ format: 'HH:mm' }} format={TIME} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="endsAt" label={t('activity.end')}>
            <DatePicker showTime={{ format: 'HH:mm' }} format={TIME} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="status" label={t('activity.statusLabel')}>
            <Select
              options={ACTIVITY_STATUSES.map((s) => ({
                value: s,
                label: t(`activity.status.${s}` as MessageKey),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={16}>
          <Form.Item name="place" label={t('activity.place')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="field" label={t('activity.field')}>
            <Input maxLength={60} placeholder={t('activity.fieldHint')} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="leaderPersonId" label={t('activity.leader')}>
            <PersonPicker names={names} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="organiserUnitId" label={t('activity.organiser')}>
            <UnitPicker />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="description" label={t('activity.description')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="minutes" label={t('activity.minutes')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} placeholder={t('activity.minutesHint')} />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start" plain>
        <Typography.Text strong>{t('activity.participantsTitle')}</Typography.Text>
      </Divider>
      <Form.List name="participants">
        {(rows, { add, remove }) => (
          <>
            {rows.map((row) => (
              <Flex key={row.key} gap={8} align="flex-start" data-testid="participant-row">
                <Form.Item name={[row.name, 'role']} style={{ width: 150, flex: 'none' }} required>
                  <Select options={roleOptions} aria-label={t('activity.participantRole')} />
                </Form.Item>
                <Form.Item noStyle dependencies={[['participants', row.name, 'role']]}>
                  {({ getFieldValue }) =>
                    participantIsUnit(getFieldValue(['participants', row.name, 'role'])) ? (
                      <Form.Item
                        name={[row.name, 'unitId']}
                        style={{ flex: 1, minWidth: 0 }}
                        rules={[{ required: true, message: validation('person_or_unit_required') }]}
                      >
                        <UnitPicker allowClear={false} aria-label={t('activity.participantUnit')} />
                      </Form.Item>
                    ) : (
                      <Form.Item
                        name={[row.name, 'personId']}
                        style={{ flex: 1, minWidth: 0 }}
                        rules={[{ required: true, message: validation('person_or_unit_required') }]}
                      >
                        <PersonPicker
                          membership={null}
                          names={names}
                          placeholder={t('activity.personHint')}
                        />
                      </Form.Item>
                    )
                  }
                </Form.Item>
                <Form.Item name={[row.name, 'attendance']} style={{ width: 100, flex: 'none' }}>
                  <Select
                    options={ATTENDANCE.map((a) => ({ value: a, label: label('attendance', a) }))}
                    aria-label={t('activity.attendance')}
                  />
                </Form.Item>
                <Button
                  type="text"
                  icon={<MinusCircleOutlined />}
                  onClick={() => remove(row.name)}
                  aria-label={t('common.remove')}
                />
              </Flex>
            ))}
            {rows.length === 0 ? (
              <Alert type="info" style={{ marginBottom: 12 }} title={t('activity.participantsHint')} />
            ) : null}
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              onClick={() => add({ role: 'member', attendance: 'present' })}
            >
              {t('activity.addParticipant')}
            </Button>
          </>
        )}
      </Form.List>
    </FormDrawer>
  );
}
