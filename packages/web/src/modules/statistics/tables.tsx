import type { Figure, ProposalStatistics } from '@yiting/domain';
import { Progress, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/useI18n.ts';
import { listHref } from './links.ts';

type Breakdown = ProposalStatistics['byCategory'][number];
type UnitRow = ProposalStatistics['units'][number];

/** A count that opens its list. */
export function CountLink({ figure, testId }: { figure: Figure; testId?: string }) {
  return (
    <Link to={listHref(figure.link)} data-testid={testId}>
      {figure.count}
    </Link>
  );
}

function Rate({ value, color }: { value: number | null; color?: string }) {
  return value === null ? (
    <Typography.Text type="secondary">—</Typography.Text>
  ) : (
    <Progress percent={Math.round(value * 1000) / 10} size="small" status="normal" strokeColor={color} />
  );
}

/** Received, accepted and the rate per value of a breakdown (submitter kind, sector …). */
export function BreakdownTable({
  rows,
  title,
  labelOf,
  acceptedTitle,
  rateTitle,
  testId,
}: {
  rows: Breakdown[];
  title: string;
  labelOf: (key: string | null) => string;
  acceptedTitle: string;
  rateTitle: string;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <Table<Breakdown>
      data-testid={testId}
      rowKey={(b) => b.key ?? ''}
      size="small"
      pagination={false}
      dataSource={rows}
      columns={[
        { title, key: 'key', render: (_, b) => labelOf(b.key) },
        {
          title: t('statistics.receivedShort'),
          key: 'received',
          width: 80,
          align: 'right',
          render: (_, b) => <CountLink figure={b.received} testId={`${testId}-${b.key}-received`} />,
        },
        {
          title: acceptedTitle,
          key: 'accepted',
          width: 80,
          align: 'right',
          render: (_, b) => <CountLink figure={b.accepted} testId={`${testId}-${b.key}-accepted`} />,
        },
        {
          title: rateTitle,
          key: 'rate',
          width: 130,
          render: (_, b) => <Rate value={b.acceptanceRate} />,
        },
      ]}
    />
  );
}

/** 各承办单位: assigned, replies on time and late, ratings; every count opens the unit's items. */
export function UnitTable({ units }: { units: UnitRow[] }) {
  const { t } = useI18n();
  const count = (key: keyof UnitRow, title: string, width = 72) => ({
    title,
    key,
    width,
    align: 'right' as const,
    render: (_: unknown, u: UnitRow) => (
      <CountLink figure={u[key] as Figure} testId={`unit-${u.unitId}-${key}`} />
    ),
  });
  return (
    <Table<UnitRow>
      data-testid="statistics-units"
      rowKey="unitId"
      size="small"
      pagination={false}
      dataSource={units}
      scroll={{ x: 820 }}
      columns={[
        {
          title: t('statistics.unit'),
          dataIndex: 'unitName',
          render: (n: string, u) => <Link to={listHref(u.assigned.link)}>{n}</Link>,
        },
        count('assigned', t('statistics.assigned')),
        count('replied', t('statistics.repliedShort')),
        count('repliedOnTime', t('statistics.onTimeShort')),
        count('repliedLate', t('statistics.lateShort')),
        {
          title: t('statistics.onTimeRateShort'),
          key: 'onTimeRate',
          width: 130,
          render: (_, u) => <Rate value={u.onTimeRate} />,
        },
        count('rated', t('statistics.ratedShort')),
        count('satisfied', t('statistics.satisfiedShort')),
        {
          title: t('statistics.satisfactionRateShort'),
          key: 'satisfactionRate',
          width: 130,
          render: (_, u) => <Rate value={u.satisfactionRate} color="#389e0d" />,
        },
      ]}
    />
  );
}
