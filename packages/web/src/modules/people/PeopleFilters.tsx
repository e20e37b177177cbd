import { SearchOutlined } from '@ant-design/icons';
import { DEPUTY_LEVELS, MEMBERSHIP_ROLES } from '@yiting/domain';
import { Button, Flex, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/useI18n.ts';

export interface PeopleFilterValues {
  q?: string | undefined;
  role?: string | undefined;
  deputyLevel?: string | undefined;
  sector?: string | undefined;
}

/** Filters live in the URL (shareable, kept by Back); typing in the search box applies after a pause. */
export function PeopleFilters({
  value,
  onChange,
}: {
  value: PeopleFilterValues;
  onChange: (next: PeopleFilterValues) => void;
}) {
  const { t, label } = useI18n();
  const [q, setQ] = useState(value.q ?? '');
  const [sector, setSector] = useState(value.sector ?? '');

  useEffect(() => setQ(value.q ?? ''), [value.q]);
  useEffect(() => setSector(value.sector ?? ''), [value.sector]);
  useEffect(() => {
    if ((value.q ?? '') === q) return;
    const timer = setTimeout(() => onChange({ ...value, q }), 300);
    return () => clearTimeout(timer);
  }, [q, value, onChange]);

  const active = !!(value.q || value.role || value.deputyLevel || value.sector);

  return (
    <Flex gap={8} wrap style={{ marginBottom: 16 }}>
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('people.searchHint')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onPressEnter={() => onChange({ ...value, q })}
        style={{ width: 280 }}
        aria-label={t('people.search')}
        data-testid="people-search"
      />
      <Select
        allowClear
        placeholder={t('people.filterRole')}
        value={value.role}
        onChange={(role?: string) => onChange({ ...value, role })}
        options={MEMBERSHIP_ROLES.map((r) => ({ value: r, label: label('membershipRole', r) }))}
        style={{ width: 170 }}
      />
      <Select
        allowClear
        placeholder={t('people.filterDeputyLevel')}
        value={value.deputyLevel}
        onChange={(deputyLevel?: string) => onChange({ ...value, deputyLevel })}
        options={DEPUTY_LEVELS.map((l) => ({ value: l, label: label('deputyLevel', l) }))}
        style={{ width: 170 }}
      />
      <Input
        allowClear
        placeholder={t('people.filterSector')}
        value={sector}
        onChange={(e) => {
          setSector(e.target.value);
          if (!e.target.value) onChange({ ...value, sector: undefined });
        }}
        onPressEnter={() => onChange({ ...value, sector: sector || undefined })}
        onBlur={() => sector !== (value.sector ?? '') && onChange({ ...value, sector: sector || undefined })}
        style={{ width: 150 }}
      />
      {active ? (
        <Button type="link" onClick={() => onChange({})}>
          {t('common.resetFilters')}
        </Button>
      ) : null}
    </Flex>
  );
}
