import { SearchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  PROPOSAL_STATES,
  type ProposalKind,
  type ProposalState,
  proposalLabel,
  type StatisticsScopes,
} from '@yiting/domain';
import { Button, Checkbox, Flex, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { usePermission } from '../auth/usePermission.ts';
import { unitLabel } from '../matters/unitLabel.ts';
import { PROPOSAL_STATISTICS_KEYS } from '../statistics/StatisticsFilterTags.tsx';
import type { FilterValues } from '../tracking/useUrlFilters.ts';
import { useUnitOptions } from '../units/useUnitOptions.ts';

export const PROPOSAL_FILTER_KEYS = [
  'q',
  'sessionTerm',
  'sessionMeeting',
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

/**
 * 届次/会次: the sessions with received proposals of the kind (and the body's current one), newest first; a
 * term with several sessions also as a whole. Kept as `sessionTerm` and `sessionMeeting` in the URL.
 */
function SessionFilter({
  value,
  onChange,
  kind,
  width,
}: {
  value: ProposalFilterValues;
  onChange: (next: ProposalFilterValues) => void;
  kind: ProposalKind;
  width: number | string;
}) {
  const { t } = useI18n();
  const scopes = useQuery({
    queryKey: ['/statistics/scopes', kind],
    queryFn: ({ signal }) => api.get<StatisticsScopes>('/statistics/scopes', { kind }, signal),
    staleTime: 60_000,
  });
  const term = Number(value.sessionTerm) || undefined;
  const meeting = Number(value.sessionMeeting) || undefined;
  const known = [
    ...(scopes.data?.sessions ?? []),
    ...(scopes.data?.currentSession ? [scopes.data.currentSession] : []),
    ...(term && meeting ? [{ term, meeting }] : []),
  ];
  const sessions = [...new Map(known.map((s) => [`${s.term}-${s.meeting}`, s])).values()].sort(
    (a, b) => b.term - a.term || b.meeting - a.meeting,
  );
  const terms = [...new Set([...sessions.map((s) => s.term), ...(term ? [term] : [])])].sort((a, b) => b - a);
  const options = terms.flatMap((n) => {
    const own = sessions.filter((s) => s.term === n);
    return [
      ...(own.length !== 1 || (term === n && !meeting)
        ? [{ value: String(n), label: t('proposals.sessionTermAll', { term: n }) }]
        : []),
      ...own.map((s) => ({ value: `${s.term}-${s.meeting}`, label: t('proposal.sessionOf', s) })),
    ];
  });
  return (
    <Select<string>
      allowClear
      placeholder={t('proposal.session')}
      aria-label={t('proposal.session')}
      value={term ? (meeting ? `${term}-${meeting}` : String(term)) : undefined}
      onChange={(v?: string) => {
        const [sessionTerm, sessionMeeting] = (v ?? '').split('-');
        onChange({
          ...value,
          sessionTerm: sessionTerm || undefined,
          sessionMeeting: sessionMeeting || undefined,
        });
      }}
      options={options}
      loading={scopes.isPending}
      style={{ width }}
      popupMatchSelectWidth={false}
      data-testid="proposals-filter-session"
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
  // The sessions come from the statistics' scopes: those who may read them choose among the sessions.
  const canChooseSession = usePermission('statistics.read');
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
      {canChooseSession ? (
        <SessionFilter value={value} onChange={onChange} kind={kind} width={w(190)} />
      ) : null}
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
