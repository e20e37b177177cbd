import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { GENDERS, type Person, PersonInput } from '@yiting/domain';
import { Button, Col, DatePicker, Divider, Drawer, Flex, Form, Input, Row, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { isApiError } from '../../api/ApiError.ts';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { applyFieldErrors, problemFieldErrors, zodFieldErrors } from '../../ui/fieldErrors.ts';
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
  const { t, label, validation } = useI18n();
  const [form] = Form.useForm<PersonFormValues>();
  const queryClient = useQueryClient();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const units = useUnitOptions(open);
  const terms = useTerms(open);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(person ? formValuesOf(person) : { memberships: [] });
  }, [open, person, form]);

  const unitOptions = (units.data ?? []).map((u) => ({
    value: u.id,
    label: u.shared ? `${u.name}（${u.bodyName}）` : u.name,
  }));

  const save = async (values: PersonFormValues) => {
    setError(null);
    const parsed = PersonInput.safeParse(personInputOf(values), { reportInput: true });
    if (!parsed.success) {
      applyFieldErrors(form, zodFieldErrors(parsed.error.issues, validation));
      return;
    }
    setSaving(true);
    try {
      const saved = person
        ? await api.patch<Person>(`/people/${person.id}`, person.version, parsed.data)
        : await api.post<Person>('/people', parsed.data);
      await queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('/people') });
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
      size={760}
      destroyOnHidden
      title={person ? t('person.editTitle', { name: person.name }) : t('person.createTitle')}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="person-save">
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <Form<PersonFormValues>
        form={form}
        layout="vertical"
        onFinish={save}
        disabled={saving}
        scrollToFirstError
      >
        {/* Enter in any field submits, as in every other form. */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
        {error ? <ErrorAlert error={error} style={{ marginBottom: 16 }} /> : null}
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
      </Form>
    </Drawer>
  );
}
