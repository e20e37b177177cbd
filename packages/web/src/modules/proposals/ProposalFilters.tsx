import { SearchOutlined } from '@ant-design/icons';
import { PROPOSAL_STATES, type ProposalKind, type ProposalState, proposalLabel } from '@yiting/domain';
import { Button, Checkbox, Flex, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/useI18n.ts';
import { unitLabel } from '../matters/unitLabel.ts';
import { PROPOSAL_STATISTICS_KEYS } from '../statistics/StatisticsFilterTags.tsx';
import type { FilterValues } from '../tracking/useUrlFilters.ts';
import { useUnitOptions } from '../units/useUnitOptions.ts';

export const PROPOSAL_FILTER_KEYS = [
  'q',
  'state',
  'category',
  'unitId',
  'sector',
  'key',
  'mine',
  // The statistics' figures open the list with these (shown as tags, StatisticsFilterTags).
  ...PROPOSAL_STATISTICS_KEYS,
] as const;
export type ProposalFilterValues = FilterValues<(typeof PROPOSAL_FILTER_KEYS)[number]>;

/** Free-text filters (category, sector) are typed: each body keeps its own lists. */
function TextFilter({
  value,
  placeholder,
  onChange,
  width,
}: {
  value: string | undefined;
  placeholder: string;
  onChange: (v: string | undefined) => void;
  width: number | string;
}) {
  const [v, setV] = useState(value ?? '');
  useEffect(() => setV(value ?? ''), [value]);
  return (
    <Input
      allowClear
      value={v}
      placeholder={placeholder}
      aria-label={placeholder}
      onChange={(e) => {
        setV(e.target.value);
        if (!e.target.value) onChange(undefined);
      }}
      onPressEnter={() => onChange(v.trim() || undefined)}
      onBlur={() => v.trim() !== (value ?? '') && onChange(v.trim() || undefined)}
      style={{ width }}
    />
  );
}

export function ProposalFilters({
  value,
  onChange,
  kind,
  mobile,
  canManage,
}: {
  value: ProposalFilterValues;
  onChange: (next: ProposalFilterValues) => void;
  kind: ProposalKind;
  mobile: boolean;
  canManage: boolean;
}) {
  const { t, locale } = useI18n();
  const units = useUnitOptions(canManage);
  const [q, setQ] = useState(value.q ?? '');
  useEffect(() => setQ(value.q ?? ''), [value.q]);
  useEffect(() => {
    if ((value.q ?? '') === q) return;
    const timer = setTimeout(() => onChange({ ...value, q }), 300);
    return () => clearTimeout(timer);
  }, [q, value, onChange]);
  const w = (n: number) => (mobile ? '100%' : n);
  const active = Object.values(value).some(Boolean);

  return (
    <Flex gap={8} wrap style={{ marginBottom: 16 }} align="center" vertical={mobile}>
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('proposals.searchHint')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        style={{ width: w(220) }}
        aria-label={t('proposals.search')}
        data-testid="proposals-search"
      />
      <Select
        allowClear
        placeholder={t('proposal.state')}
        value={value.state}
        onChange={(state?: string) => onChange({ ...value, state })}
        options={PROPOSAL_STATES.map((s: ProposalState) => ({
          value: s,
          label: proposalLabel(kind, 'proposalState', s, locale),
        }))}
        style={{ width: w(150) }}
        data-testid="proposals-filter-state"
      />
      <TextFilter
        value={value.category}
        placeholder={t('proposal.category')}
        onChange={(category) => onChange({ ...value, category })}
        width={w(130)}
      />
      {canManage ? (
        <>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('proposal.unit')}
            value={value.unitId}
            onChange={(unitId?: string) => onChange({ ...value, unitId })}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: unitLabel(u) }))}
            loading={units.isPending}
            style={{ width: w(200) }}
            popupMatchSelectWidth={320}
          />
          <TextFilter
            value={value.sector}
            placeholder={t('proposal.sector')}
            onChange={(sector) => onChange({ ...value, sector })}
            width={w(130)}
          />
          <Checkbox
            checked={value.key === 'true'}
            onChange={(e) => onChange({ ...value, key: e.target.checked ? 'true' : undefined })}
          >
            {t('proposals.onlyKey')}
          </Checkbox>
        </>
      ) : null}
      {active ? (
        <Button type="link" onClick={() => onChange({})}>
          {t('common.resetFilters')}
        </Button>
      ) : null}
    </Flex>
  );
}
