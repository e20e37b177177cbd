import { useQueryClient } from '@tanstack/react-query';
import { UNIT_KINDS, type Unit, UnitInput } from '@yiting/domain';
import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { FormDrawer, useDrawerForm } from '../../ui/FormDrawer.tsx';
import { blankToNull } from '../../ui/fieldErrors.ts';
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
  const { t, label } = useI18n();
  const state = useDrawerForm<UnitFormValues>(open, unit);
  const queryClient = useQueryClient();
  const units = useUnitOptions(open);

  const save = async (v: UnitFormValues) => {
    const input = {
      name: v.name ?? '',
      shortName: blankToNull(v.shortName),
      kind: v.kind,
      parentId: v.parentId ?? null,
      phone: blankToNull(v.phone),
      address: blankToNull(v.address),
      ...(typeof v.sortOrder === 'number' ? { sortOrder: v.sortOrder } : {}),
    };
    const saved = await state.submit(UnitInput, input, (data) =>
      unit ? api.patch<Unit>(`/units/${unit.id}`, unit.version, data) : api.post<Unit>('/units', data),
    );
    if (!saved) return;
    await queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('/units') });
    onSaved(saved);
  };

  // A unit cannot sit under itself; shared departments belong to another body.
  const parents = (units.data ?? []).filter((u) => !u.shared && u.id !== unit?.id);

  return (
    <FormDrawer<UnitFormValues>
      state={state}
      open={open}
      size={560}
      title={unit ? t('unit.editTitle', { name: unit.name }) : t('unit.createTitle')}
      onClose={onClose}
      onFinish={save}
    >
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
    </FormDrawer>
  );
}
