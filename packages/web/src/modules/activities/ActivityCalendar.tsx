import { useQuery } from '@tanstack/react-query';
import type { Activity, ActivityType } from '@yiting/domain';
import { Badge, Calendar, Spin, Tooltip } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/useCursorList.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

const TYPE_COLORS: Partial<Record<ActivityType, string>> = {
  joint_meeting: '#b8322a',
  plenary_session: '#b8322a',
  thematic_meeting: '#1d5ba6',
  research: '#389e0d',
  visit: '#52c41a',
  inspection: '#d48806',
  law_enforcement_inspection: '#d48806',
  report_hearing: '#722ed1',
  special_inquiry: '#722ed1',
  deputy_activity: '#13a8a8',
};

/** China's calendar day of an instant, whatever the browser's zone (the body works on Beijing time). */
function cstDay(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** A month of activities, visits and sessions included (a month is well under the page limit of 200). */
export function ActivityCalendar({ month, onMonth }: { month: string; onMonth: (month: string) => void }) {
  const { label } = useI18n();
  const start = dayjs(`${month}-01`);
  // The grid shows up to six weeks around the month.
  const from = start.subtract(7, 'day').format('YYYY-MM-DD');
  const to = start.add(1, 'month').add(14, 'day').format('YYYY-MM-DD');
  const query = useQuery({
    queryKey: ['/activities', 'calendar', from, to],
    queryFn: ({ signal }) => api.get<Page<Activity>>('/activities', { from, to, limit: 200 }, signal),
  });
  const byDay = new Map<string, Activity[]>();
  for (const a of query.data?.items ?? []) {
    const d = cstDay(a.startsAt);
    byDay.set(d, [...(byDay.get(d) ?? []), a]);
  }

  const cell = (date: Dayjs) => {
    const list = byDay.get(date.format('YYYY-MM-DD')) ?? [];
    return (
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {list.slice(0, 4).map((a) => (
          <li key={a.id} style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
            <Tooltip title={`${label('activityType', a.type)} · ${a.title}`}>
              <Link to={`/activities/${a.id}`} onClick={(e) => e.stopPropagation()}>
                <Badge color={TYPE_COLORS[a.type] ?? '#8c8c8c'} text={a.title} style={{ fontSize: 12 }} />
              </Link>
            </Tooltip>
          </li>
        ))}
        {list.length > 4 ? <li style={{ fontSize: 12, color: '#8c8c8c' }}>+{list.length - 4}</li> : null}
      </ul>
    );
  };

  return (
    <Spin spinning={query.isFetching}>
      {query.error ? <ErrorAlert error={query.error} style={{ marginBottom: 16 }} /> : null}
      <Calendar
        value={start}
        onPanelChange={(d) => onMonth(d.format('YYYY-MM'))}
        onSelect={(d, info) => {
          if (info.source !== 'date') onMonth(d.format('YYYY-MM'));
        }}
        cellRender={(d, info) => (info.type === 'date' ? cell(d) : info.originNode)}
        data-testid="activity-calendar"
      />
    </Spin>
  );
}
