import { useQuery } from '@tanstack/react-query';
import {
  MATTER_STATES,
  type Matter,
  type MatterDashboard,
  type MatterState,
  WARNING_LEVELS,
  type WarningLevel,
} from '@yiting/domain';
import { Card, Col, Empty, List, Progress, Row, Statistic, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import type { Page } from '../api/useCursorList.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { EChart } from '../modules/dashboard/EChart.tsx';
import { WarningTag } from '../modules/matters/WarningTag.tsx';
import { WARNING_COLORS } from '../modules/matters/warningColors.ts';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { FullPageSpin } from '../ui/FullPageSpin.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

type Filter = Record<string, string>;
const matters = (f: Filter) => `/matters?${new URLSearchParams(f).toString()}`;
const pct = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);

const STATE_COLORS: Record<MatterState, string> = {
  draft: '#bfbfbf',
  assigned: '#4d8fd6',
  objected: '#fa8c16',
  received: '#13a8a8',
  in_rectification: '#1d5ba6',
  completion_submitted: '#722ed1',
  closed: '#389e0d',
  cancelled: '#d9d9d9',
};

/** 督办总览: every figure opens the matters list with the filter that selects exactly those matters. */
export function DashboardPage() {
  const { t, label } = useI18n();
  const navigate = useNavigate();
  const dash = useQuery({
    queryKey: ['/dashboard/matters'],
    queryFn: ({ signal }) => api.get<MatterDashboard>('/dashboard/matters', undefined, signal),
  });
  const overdue = useQuery({
    queryKey: ['/matters', 'overdue-top'],
    queryFn: ({ signal }) => api.get<Page<Matter>>('/matters', { overdue: 'true', limit: 8 }, signal),
  });
  const go = (data: unknown) => {
    const f = (data as { filter?: Filter } | undefined)?.filter;
    if (f) navigate(matters(f));
  };

  const d = dash.data;
  const count = (s: MatterState) => d?.byState.find((x) => x.state === s)?.count ?? 0;
  const warn = (w: WarningLevel) => d?.byWarning.find((x) => x.level === w)?.count ?? 0;

  const stateOption = useMemo(() => {
    // Horizontal bars: the state names stay readable in either language.
    const states = [...MATTER_STATES].reverse();
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: states.map((s) => label('matterState', s)) },
      series: [
        {
          type: 'bar',
          barMaxWidth: 18,
          cursor: 'pointer',
          label: { show: true, position: 'right' },
          data: states.map((s) => ({
            value: d?.byState.find((x) => x.state === s)?.count ?? 0,
            itemStyle: { color: STATE_COLORS[s] },
            filter: { state: s },
          })),
        },
      ],
    };
  }, [d, label]);

  const warningOption = useMemo(
    () => ({
      tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['45%', '70%'],
          center: ['50%', '45%'],
          cursor: 'pointer',
          label: { show: true, position: 'inside', formatter: '{c}', color: '#fff', fontWeight: 600 },
          labelLine: { show: false },
          data: WARNING_LEVELS.map((w) => ({
            name: label('warning', w),
            value: d?.byWarning.find((x) => x.level === w)?.count ?? 0,
            itemStyle: { color: WARNING_COLORS[w] },
            filter: { warning: w },
          })),
        },
      ],
    }),
    [d, label],
  );

  const sourceOption = useMemo(() => {
    const rows = [...(d?.bySource ?? [])].sort((a, b) => a.count - b.count);
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map((s) => label('matterSource', s.source)) },
      series: [
        {
          type: 'bar',
          barMaxWidth: 18,
          cursor: 'pointer',
          itemStyle: { color: '#1d5ba6' },
          label: { show: true, position: 'right' },
          data: rows.map((s) => ({ value: s.count, filter: { source: s.source } })),
        },
      ],
    };
  }, [d, label]);

  const units = useMemo(() => [...(d?.byUnit ?? [])].sort((a, b) => b.total - a.total), [d]);
  const unitOption = useMemo(() => {
    const top = units.slice(0, 12).reverse();
    const series = (key: 'closed' | 'active' | 'overdue', color: string, name: string, extra: Filter) => ({
      type: 'bar',
      name,
      stack: key === 'overdue' ? undefined : 'n',
      barMaxWidth: 14,
      cursor: 'pointer',
      itemStyle: { color },
      data: top.map((u) => ({ value: u[key], filter: { unitId: u.unitId, ...extra } })),
    });
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: top.map((u) => u.unitName.replace(/^江门市/, '')) },
      series: [
        series('closed', STATE_COLORS.closed, label('matterState', 'closed'), { state: 'closed' }),
        series('active', STATE_COLORS.in_rectification, t('dashboard.active'), {}),
        series('overdue', WARNING_COLORS.red, label('warning', 'red'), { overdue: 'true' }),
      ],
    };
  }, [units, label, t]);

  if (dash.isPending) return <FullPageSpin />;
  if (dash.error) return <ErrorAlert error={dash.error} />;

  const figure = (key: string, title: string, value: number, to: Filter, color?: string) => (
    <Col xs={12} md={8} xl={4} key={key}>
      <Link to={matters(to)} data-testid={`figure-${key}`}>
        <Card hoverable size="small">
          <Statistic title={title} value={value} styles={{ content: color ? { color } : {} }} />
        </Card>
      </Link>
    </Col>
  );

  return (
    <>
      <PageHeader title={t('dashboard.title')} subtitle={t('dashboard.subtitle')} />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {figure('total', t('dashboard.total'), d?.total ?? 0, {})}
        {figure('in_rectification', label('matterState', 'in_rectification'), count('in_rectification'), {
          state: 'in_rectification',
        })}
        {figure(
          'completion_submitted',
          label('matterState', 'completion_submitted'),
          count('completion_submitted'),
          {
            state: 'completion_submitted',
          },
        )}
        {figure(
          'closed',
          label('matterState', 'closed'),
          count('closed'),
          { state: 'closed' },
          STATE_COLORS.closed,
        )}
        {figure(
          'yellow',
          label('warning', 'yellow'),
          warn('yellow'),
          { warning: 'yellow' },
          WARNING_COLORS.yellow,
        )}
        {figure('red', label('warning', 'red'), warn('red'), { warning: 'red' }, WARNING_COLORS.red)}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card title={t('dashboard.byState')}>
            <EChart option={stateOption} onClick={go} testId="chart-state" />
          </Card>
        </Col>
        <Col xs={24} md={12} xl={7}>
          <Card title={t('dashboard.byWarning')}>
            <EChart option={warningOption} onClick={go} testId="chart-warning" />
          </Card>
        </Col>
        <Col xs={24} md={12} xl={7}>
          <Card title={t('dashboard.bySource')}>
            <EChart option={sourceOption} onClick={go} testId="chart-source" />
          </Card>
        </Col>
        <Col xs={24} xl={16}>
          <Card title={t('dashboard.byUnit')}>
            <EChart option={unitOption} onClick={go} style={{ height: 360 }} testId="chart-unit" />
            <Table
              rowKey="unitId"
              size="small"
              pagination={false}
              dataSource={units}
              style={{ marginTop: 16 }}
              scroll={{ x: 720 }}
              columns={[
                {
                  title: t('dashboard.unit'),
                  dataIndex: 'unitName',
                  render: (n: string, u) => <Link to={matters({ unitId: u.unitId })}>{n}</Link>,
                },
                {
                  title: t('dashboard.assigned'),
                  dataIndex: 'total',
                  width: 80,
                  align: 'right',
                  render: (n: number, u) => <Link to={matters({ unitId: u.unitId })}>{n}</Link>,
                },
                {
                  title: t('dashboard.overdue'),
                  dataIndex: 'overdue',
                  width: 80,
                  align: 'right',
                  render: (n: number, u) =>
                    n ? (
                      <Link
                        to={matters({ unitId: u.unitId, overdue: 'true' })}
                        style={{ color: WARNING_COLORS.red }}
                      >
                        {n}
                      </Link>
                    ) : (
                      n
                    ),
                },
                {
                  title: t('dashboard.closed'),
                  dataIndex: 'closed',
                  width: 80,
                  align: 'right',
                  render: (n: number, u) => (
                    <Link to={matters({ unitId: u.unitId, state: 'closed' })}>{n}</Link>
                  ),
                },
                {
                  title: t('dashboard.onTimeRate'),
                  dataIndex: 'onTimeRate',
                  width: 150,
                  render: (r: number | null) =>
                    r === null ? (
                      <Typography.Text type="secondary">—</Typography.Text>
                    ) : (
                      <Progress percent={pct(r) ?? 0} size="small" status="normal" />
                    ),
                },
                {
                  title: t('dashboard.closureRate'),
                  dataIndex: 'closureRate',
                  width: 150,
                  render: (r: number | null) =>
                    r === null ? (
                      <Typography.Text type="secondary">—</Typography.Text>
                    ) : (
                      <Progress percent={pct(r) ?? 0} size="small" status="normal" strokeColor="#389e0d" />
                    ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card
            title={t('dashboard.overdueList')}
            extra={<Link to={matters({ overdue: 'true' })}>{t('dashboard.viewAll')}</Link>}
          >
            <List
              size="small"
              loading={overdue.isPending}
              dataSource={overdue.data?.items ?? []}
              locale={{ emptyText: <Empty description={t('dashboard.noOverdue')} /> }}
              renderItem={(m) => (
                <List.Item extra={<WarningTag level={m.warning} />}>
                  <List.Item.Meta
                    title={<Link to={`/matters/${m.id}`}>{m.title}</Link>}
                    description={`${m.units.find((u) => u.role === 'lead')?.unitName ?? ''} · ${t('matter.deadline')} ${m.deadline ?? ''}`}
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
