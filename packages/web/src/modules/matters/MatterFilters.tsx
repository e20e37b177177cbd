import { SearchOutlined } from '@ant-design/icons';
import { MATTER_SOURCES, MATTER_STATES, WARNING_LEVELS } from '@yiting/domain';
import { Button, Checkbox, Flex, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/useI18n.ts';
import { useMe } from '../auth/useMe.ts';
import { useUnitOptions } from '../units/useUnitOptions.ts';
import { MATTER_FILTER_KEYS, type MatterFilterValues } from './matterFilterKeys.ts';
import { unitLabel } from './unitLabel.ts';

/** Filters live in the URL, so that a dashboard figure can open exactly its matters. */
export function MatterFilters({
  value,
  onChange,
}: {
  value: MatterFilterValues;
  onChange: (next: MatterFilterValues) => void;
}) {
  const { t, label } = useI18n();
  const units = useUnitOptions();
  const { data: me } = useMe();
  const [q, setQ] = useState(value.q ?? '');

  useEffect(() => setQ(value.q ?? ''), [value.q]);
  useEffect(() => {
    if ((value.q ?? '') === q) return;
    const timer = setTimeout(() => onChange({ ...value, q }), 300);
    return () => clearTimeout(timer);
  }, [q, value, onChange]);

  const active = MATTER_FILTER_KEYS.some((k) => value[k]);

  return (
    <Flex gap={8} wrap style={{ marginBottom: 16 }} align="center">
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('matters.searchHint')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onPressEnter={() => onChange({ ...value, q })}
        style={{ width: 240 }}
        aria-label={t('matters.search')}
        data-testid="matters-search"
      />
      <Select
        allowClear
        placeholder={t('matter.state')}
        value={value.state}
        onChange={(state?: string) => onChange({ ...value, state })}
        options={MATTER_STATES.map((s) => ({ value: s, label: label('matterState', s) }))}
        style={{ width: 140 }}
        data-testid="matters-filter-state"
      />
      <Select
        allowClear
        placeholder={t('matter.warning')}
        value={value.warning}
        onChange={(warning?: string) => onChange({ ...value, warning })}
        options={WARNING_LEVELS.map((w) => ({ value: w, label: label('warning', w) }))}
        style={{ width: 160 }}
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('matter.leadUnit')}
        value={value.unitId}
        onChange={(unitId?: string) => onChange({ ...value, unitId })}
        options={(units.data ?? []).map((u) => ({ value: u.id, label: unitLabel(u) }))}
        loading={units.isPending}
        style={{ width: 220 }}
        popupMatchSelectWidth={320}
      />
      <Select
        allowClear
        placeholder={t('matter.source')}
        value={value.source}
        onChange={(source?: string) => onChange({ ...value, source })}
        options={MATTER_SOURCES.map((s) => ({ value: s, label: label('matterSource', s) }))}
        style={{ width: 160 }}
      />
      <Checkbox
        checked={value.overdue === 'true'}
        onChange={(e) => onChange({ ...value, overdue: e.target.checked ? 'true' : undefined })}
      >
        {t('matters.onlyOverdue')}
      </Checkbox>
      {me?.account.personId && me.roles.includes('leader') ? (
        <Checkbox
          checked={value.supervisedByMe === 'true'}
          onChange={(e) => onChange({ ...value, supervisedByMe: e.target.checked ? 'true' : undefined })}
        >
          {t('matters.supervisedByMe')}
        </Checkbox>
      ) : null}
      {active ? (
        <Button type="link" onClick={() => onChange({})}>
          {t('common.resetFilters')}
        </Button>
      ) : null}
    </Flex>
  );
}
