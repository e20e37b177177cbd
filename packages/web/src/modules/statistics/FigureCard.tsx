import type { Figure } from '@yiting/domain';
import { Card, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { listHref } from './links.ts';

/** A headline figure; the whole card opens the list of the items it counts. */
export function FigureCard({
  id,
  title,
  figure,
  note,
  color,
}: {
  id: string;
  title: string;
  figure: Figure;
  /** A rate or remark under the figure. */
  note?: ReactNode;
  color?: string | undefined;
}) {
  return (
    <Link
      to={listHref(figure.link)}
      data-testid={`figure-${id}`}
      style={{ display: 'block', height: '100%' }}
    >
      <Card hoverable size="small" style={{ height: '100%' }}>
        <Statistic title={title} value={figure.count} styles={{ content: color ? { color } : {} }} />
        {note ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`figure-${id}-note`}>
            {note}
          </Typography.Text>
        ) : null}
      </Card>
    </Link>
  );
}
