import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { GENDERS, type Person, PersonInput } from '@yiting/domain';
import { Button, Col, DatePicker, Divider, Form, Input, Row, Select, Typography } from 'antd';
import { useMemo } from 'react';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { FormDrawer, useDrawerForm } from '../../ui/FormDrawer.tsx';
import { useTerms } from '../bodies/useTerms.ts';
import { useUnitOptions } from '../units/useUnitOptions.ts';
import { MembershipFields } from './MembershipFields.tsx';
import { formValuesOf, type PersonFormValues, personInputOf } from './personFormValues.ts';

interface Props {
  open: boolean;
  /** The person as read (with its version), or null to create one. */
  person: Person | null;
  onClose: () => void;
  onSaved: (person: Person) => void;
}

/**
 * Create or edit a person. The form is checked with the same zod schema the server uses (PersonInput), so
 * the messages match; the server's own field errors (unknown unit, …) land on the same fields.
 */
export function PersonFormDrawer({ open, person, onClose, onSaved }: Props) {
  const { t, label } = useI18n();
  const initial = useMemo(() => (person ? formValuesOf(person) : { memberships: [] }), [person]);
  const state = useDrawerForm<PersonFormValues>(open, initial);
  const queryClient = useQueryClient();
  const units = useUnitOptions(open);
  const terms = useTerms(open);

  const unitOptions = (units.data ?? []).map((u) => ({
    value: u.id,
    label: u.shared ? `${u.name}（${u.bodyName}）` : u.name,
  }));

  const save = async (values: PersonFormValues) => {
    const saved = await state.submit(PersonInput, personInputOf(values), (data) =>
      person
        ? api.patch<Person>(`/people/${person.id}`, person.version, data)
        : api.post<Person>('/people', data),
    );
    if (!saved) return;
    await queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('/people') });
    onSaved(saved);
  };

  return (
    <FormDrawer<PersonFormValues>
      state={state}
      open={open}
      size={760}
      title={person ? t('person.editTitle', { name: person.name }) : t('person.createTitle')}
      saveTestId="person-save"
      onClose={onClose}
      onFinish={save}
    >
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="name" label={t('person.name')} required>
            <Input autoFocus maxLength={40} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name="gender" label={t('person.gender')}>
            <Select allowClear options={GENDERS.map((g) => ({ value: g, label: label('gender', g) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name="birthDate" label={t('person.birthDate')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name="ethnicity" label={t('person.ethnicity')}>
            <Input placeholder={t('person.ethnicityHint')} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name="party" label={t('person.party')}>
            <Input placeholder={t('person.partyHint')} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="organization" label={t('person.organization')}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="position" label={t('person.position')}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name="phone" label={t('person.phone')}>
            <Input inputMode="tel" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name="email" label={t('person.email')}>
            <Input inputMode="email" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="notes" label={t('person.notes')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start" plain>
        <Typography.Text strong>{t('person.memberships')}</Typography.Text>
      </Divider>
      <Form.List name="memberships">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <MembershipFields
                key={field.key}
                index={field.name}
                onRemove={() => remove(field.name)}
                unitOptions={unitOptions}
                terms={terms.data ?? []}
              />
            ))}
            {fields.length === 0 ? (
              <Typography.Paragraph type="secondary">{t('person.noMemberships')}</Typography.Paragraph>
            ) : null}
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({})}>
              {t('person.addMembership')}
            </Button>
          </>
        )}
      </Form.List>
    </FormDrawer>
  );
}
