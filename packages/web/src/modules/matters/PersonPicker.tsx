import { useQuery } from '@tanstack/react-query';
import type { MembershipRole, Person } from '@yiting/domain';
import { Select } from 'antd';
import { type CSSProperties, useState } from 'react';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/useCursorList.ts';
import { useI18n } from '../../i18n/useI18n.ts';

/** The title a person is known by in this role (any role's when none is asked for). */
const titleOf = (p: Person, role: MembershipRole | null) =>
  p.memberships.find((m) => (role ? m.role === role : !!m.title))?.title;

/**
 * Picks a person by name or pinyin; the register is large, so the server searches. One person (a
 * supervising leader) by default; several with `multiple` (a proposal's co-signers among the members).
 */
export function PersonPicker<M extends boolean = false>({
  value,
  onChange,
  id,
  membership = 'leader',
  multiple,
  exclude = [],
  placeholder,
  source = 'people',
  names,
  style,
}: {
  value?: M extends true ? string[] : string;
  onChange?: (v: (M extends true ? string[] : string) | undefined) => void;
  id?: string;
  /** Whom to look among; null: anyone in the register (participants, speakers). */
  membership?: MembershipRole | null;
  multiple?: M;
  exclude?: string[];
  placeholder?: string;
  /** `cosigners`: the members and deputies a proposer may name, for accounts without person.read. */
  source?: 'people' | 'cosigners';
  /** Labels of the people already chosen (an edited record's), so they show by name before any search. */
  names?: Record<string, string>;
  style?: CSSProperties;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  // Names already chosen stay labelled after the search moves on.
  const [known, setKnown] = useState<Record<string, string>>(() => names ?? {});
  const found = useQuery({
    queryKey: [source === 'people' ? '/people' : '/proposals/cosigner-candidates', 'picker', membership, q],
    queryFn: async ({ signal }) => {
      if (source === 'cosigners') {
        const page = await api.get<{ items: { id: string; name: string; sector: string | null }[] }>(
          '/proposals/cosigner-candidates',
          { q },
          signal,
        );
        return page.items.map((p) => ({
          value: p.id,
          label: p.sector ? `${p.name}（${p.sector}）` : p.name,
        }));
      }
      const page = await api.get<Page<Person>>('/people', { q, limit: 20, role: membership }, signal);
      return page.items.map((p) => ({
        value: p.id,
        label: titleOf(p, membership) ? `${p.name}（${titleOf(p, membership)}）` : p.name,
      }));
    },
    staleTime: 60_000,
  });
  const options = (found.data ?? []).filter((o) => !exclude.includes(o.value));
  const chosen = (Array.isArray(value) ? value : value ? [value] : []) as string[];
  for (const v of chosen) {
    if (!options.some((o) => o.value === v) && known[v]) options.push({ value: v, label: known[v] });
  }
  return (
    <Select<string | string[]>
      id={id}
      allowClear
      mode={multiple ? 'multiple' : undefined}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={(v, opts) => {
        const list = (Array.isArray(opts) ? opts : opts ? [opts] : []) as { value: string; label: string }[];
        setKnown((k) => ({ ...k, ...Object.fromEntries(list.map((o) => [o.value, o.label])) }));
        onChange?.(v as (M extends true ? string[] : string) | undefined);
      }}
      placeholder={placeholder ?? t('matter.supervisorHint')}
      loading={found.isFetching}
      options={options}
      style={style}
    />
  );
}
