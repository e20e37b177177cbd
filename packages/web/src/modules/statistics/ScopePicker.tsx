import type { StatisticsScopes } from '@yiting/domain';
import { Flex, Select } from 'antd';
import { useI18n } from '../../i18n/useI18n.ts';
import { type StatisticsScope, sessionKey } from './useStatisticsScope.ts';

const ALL = 'all';

/** 年度 and 届次/会次: the years and sessions with data, the current choice, and "all". */
export function ScopePicker({
  value,
  scopes,
  onChange,
}: {
  value: StatisticsScope;
  scopes: StatisticsScopes | undefined;
  onChange: (next: StatisticsScope) => void;
}) {
  const { t } = useI18n();
  const years = [...new Set([...(scopes?.years ?? []), ...(value.year ? [value.year] : [])])].sort(
    (a, b) => b - a,
  );
  const sessions = [
    ...(scopes?.sessions ?? []),
    ...(scopes?.currentSession ? [scopes.currentSession] : []),
    ...(value.sessionTerm && value.sessionMeeting
      ? [{ term: value.sessionTerm, meeting: value.sessionMeeting }]
      : []),
  ];
  const sessionOptions = [...new Map(sessions.map((s) => [sessionKey(s.term, s.meeting), s])).values()]
    .sort((a, b) => b.term - a.term || b.meeting - a.meeting)
    .map((s) => ({ value: sessionKey(s.term, s.meeting), label: t('proposal.sessionOf', s) }));
  const session =
    value.sessionTerm && value.sessionMeeting ? sessionKey(value.sessionTerm, value.sessionMeeting) : ALL;

  return (
    <Flex gap={8} wrap>
      <Select<number | typeof ALL>
        aria-label={t('statistics.year')}
        data-testid="statistics-year"
        value={value.year ?? ALL}
        onChange={(y) => onChange({ ...value, year: y === ALL ? undefined : y })}
        options={[
          { value: ALL, label: t('statistics.allYears') },
          ...years.map((y) => ({ value: y, label: t('statistics.yearOf', { year: y }) })),
        ]}
        style={{ width: 130 }}
      />
      <Select<string>
        aria-label={t('proposal.session')}
        data-testid="statistics-session"
        value={session}
        onChange={(k) => {
          const [term, meeting] = k === ALL ? [] : k.split('-').map(Number);
          onChange({ year: value.year, sessionTerm: term, sessionMeeting: meeting });
        }}
        options={[{ value: ALL, label: t('statistics.allSessions') }, ...sessionOptions]}
        style={{ width: 210 }}
        popupMatchSelectWidth={false}
      />
    </Flex>
  );
}
