import { DeleteOutlined } from '@ant-design/icons';
import { DEPUTY_LEVELS, MEMBERSHIP_ROLES } from '@yiting/domain';
import { Button, Card, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import { useI18n } from '../../i18n/useI18n.ts';
import type { TermItem } from '../bodies/useTerms.ts';
import type { PersonFormValues } from './personFormValues.ts';

interface Props {
  index: number;
  onRemove: () => void;
  unitOptions: { value: string; label: string }[];
  terms: TermItem[];
}

/** One of a person's roles in the body; the fields a role needs appear with it (代表层级, 界别). */
export function MembershipFields({ index, onRemove, unitOptions, terms }: Props) {
  const { t, label } = useI18n();
  const form = Form.useFormInstance<PersonFormValues>();
  const role = Form.useWatch(['memberships', index, 'role'], form);

  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={t('person.membership.n', { n: index + 1 })}
      extra={
        <Button type="text" danger size="small" icon={<DeleteOutlined />} onClick={onRemove}>
          {t('common.remove')}
        </Button>
      }
    >
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name={[index, 'role']} label={t('person.membership.role')} required>
            <Select
              placeholder={t('common.choose')}
              options={MEMBERSHIP_ROLES.map((r) => ({ value: r, label: label('membershipRole', r) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name={[index, 'unitId']} label={t('person.membership.unit')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('common.choose')}
              options={unitOptions}
            />
          </Form.Item>
        </Col>
        {role === 'deputy' ? (
          <>
            <Col xs={24} sm={12}>
              <Form.Item name={[index, 'deputyLevel']} label={t('person.membership.deputyLevel')} required>
                <Select
                  placeholder={t('common.choose')}
                  options={DEPUTY_LEVELS.map((l) => ({ value: l, label: label('deputyLevel', l) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name={[index, 'delegation']} label={t('person.membership.delegation')}>
                <Input placeholder={t('person.membership.delegationHint')} />
              </Form.Item>
            </Col>
          </>
        ) : null}
        {role === 'member' ? (
          <Col xs={24} sm={12}>
            <Form.Item name={[index, 'sector']} label={t('person.membership.sector')} required>
              <Input placeholder={t('person.membership.sectorHint')} />
            </Form.Item>
          </Col>
        ) : null}
        <Col xs={24} sm={12}>
          <Form.Item name={[index, 'title']} label={t('person.membership.title')}>
            <Input placeholder={t('person.membership.titleHint')} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name={[index, 'termId']} label={t('person.membership.term')}>
            <Select
              allowClear
              placeholder={t('common.choose')}
              options={terms.map((term) => ({ value: term.id, label: term.name }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name={[index, 'startDate']} label={t('person.membership.startDate')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name={[index, 'endDate']} label={t('person.membership.endDate')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
