import { useQuery } from '@tanstack/react-query';
import type { Person } from '@yiting/domain';
import { Select } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/useCursorList.ts';
import { useI18n } from '../../i18n/useI18n.ts';

/** Picks a person by name or pinyin; the register is large, so the server searches. */
export function PersonPicker({
  value,
  onChange,
  id,
}: {
  value?: string;
  onChange?: (v: string | undefined) => void;
  id?: string;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['/people', 'picker', q],
    queryFn: ({ signal }) => api.get<Page<Person>>('/people', { q, limit: 20, role: 'leader' }, signal),
    staleTime: 60_000,
  });
  return (
    <Select<string>
      id={id}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={(v) => onChange?.(v)}
      placeholder={t('matter.supervisorHint')}
      loading={found.isFetching}
      options={(found.data?.items ?? []).map((p) => ({
        value: p.id,
        label: p.memberships.find((m) => m.role === 'leader')?.title
          ? `${p.name}（${p.memberships.find((m) => m.role === 'leader')?.title}）`
          : p.name,
      }))}
    />
  );
}
