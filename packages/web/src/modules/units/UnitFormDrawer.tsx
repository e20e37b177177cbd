import { useQueryClient } from '@tanstack/react-query';
import { UNIT_KINDS, type Unit, UnitInput } from '@yiting/domain';
import { Button, Col, Drawer, Flex, Form, Input, InputNumber, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { isApiError } from '../../api/ApiError.ts';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { applyFieldErrors, blankToNull, problemFieldErrors, zodFieldErrors } from '../../ui/fieldErrors.ts';
import { useUnitOptions } from './useUnitOptions.ts';

interface UnitFormValues {
  name?: string;
  shortName?: string | null;
  kind?: string;
  parentId?: string | null;
  phone?: string | null;
  address?: string | null;
  sortOrder?: number | null;
}

export function UnitFormDrawer({
  open,
  unit,
  onClose,
  onSaved,
}: {
  open: boolean;
  unit: Unit | null;
  onClose: () => void;
  onSaved: (unit: Unit) => void;
}) {
  const { t, label, validation } = useI18n();
  const [form] = Form.useForm<UnitFormValues>();
  const queryClient = useQueryClient();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const units = useUnitOptions(open);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (unit) form.setFieldsValue(unit);
  }, [open, unit, form]);

  const save = async (v: UnitFormValues) => {
    setError(null);
    const parsed = UnitInput.safeParse(
      {
        name: v.name ?? '',
        shortName: blankToNull(v.shortName),
        kind: v.kind,
        parentId: v.parentId ?? null,
        phone: blankToNull(v.phone),
        address: blankToNull(v.address),
        ...(typeof v.sortOrder === 'number' ? { sortOrder: v.sortOrder } : {}),
      },
      { reportInput: true },
    );
    if (!parsed.success) {
      applyFieldErrors(form, zodFieldErrors(parsed.error.issues, validation));
      return;
    }
    setSaving(true);
    try {
      const saved = unit
        ? await api.patch<Unit>(`/units/${unit.id}`, unit.version, parsed.data)
        : await api.post<Unit>('/units', parsed.data);
      await queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('/units') });
      onSaved(saved);
    } catch (e) {
      if (isApiError(e) && e.errors.length) applyFieldErrors(form, problemFieldErrors(e));
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  // A unit cannot sit under itself; shared departments belong to another body.
  const parents = (units.data ?? []).filter((u) => !u.shared && u.id !== unit?.id);

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={560}
      destroyOnHidden
      title={unit ? t('unit.editTitle', { name: unit.name }) : t('unit.createTitle')}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <Form<UnitFormValues> form={form} layout="vertical" onFinish={save} disabled={saving}>
        <button type="submit" hidden aria-hidden tabIndex={-1} />
        {error ? <ErrorAlert error={error} style={{ marginBottom: 16 }} /> : null}
        <Form.Item name="name" label={t('unit.name')} required>
          <Input autoFocus maxLength={100} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="shortName" label={t('unit.shortName')}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="kind" label={t('unit.kind')} required>
              <Select
                placeholder={t('common.choose')}
                options={UNIT_KINDS.map((k) => ({ value: k, label: label('unitKind', k) }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="parentId" label={t('unit.parent')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('unit.parentNone')}
            options={parents.map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="phone" label={t('unit.phone')}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="sortOrder" label={t('unit.sortOrder')} extra={t('unit.sortOrderHint')}>
              <InputNumber min={0} max={100000} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="address" label={t('unit.address')}>
          <Input />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
