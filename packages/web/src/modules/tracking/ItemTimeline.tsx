import type { ItemEvent } from '@yiting/domain';
import { Empty, Timeline, Typography } from 'antd';
import { useI18n } from '../../i18n/useI18n.ts';
import { FileLink } from '../files/FileLink.tsx';

/** Payload texts worth showing under an event, in this order. */
const TEXT_KEYS = [
  'reason',
  'explanation',
  'comment',
  'note',
  'summary',
  'opinion',
  'message',
  'text',
  'bulletin',
  'number',
];

/** An item's history from its events, newest first: who did what, when, and what they wrote. */
export function ItemTimeline({
  events,
  actionLabel,
  stateLabel,
}: {
  events: ItemEvent[];
  actionLabel: (action: string) => string;
  stateLabel: (state: string) => string;
}) {
  const { dateTime, t } = useI18n();
  if (!events.length) return <Empty description={t('item.noEvents')} />;
  return (
    <Timeline
      data-testid="item-timeline"
      items={[...events].reverse().map((e) => ({
        key: e.id,
        color: e.fromState === e.toState ? 'gray' : 'blue',
        content: (
          <>
            <Typography.Text strong>{actionLabel(e.action)}</Typography.Text>
            {e.fromState !== e.toState ? (
              <Typography.Text type="secondary"> → {stateLabel(e.toState)}</Typography.Text>
            ) : null}
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {dateTime(e.at)}
                {e.actorName ? ` · ${e.actorName}` : ''}
              </Typography.Text>
            </div>
            {TEXT_KEYS.filter((k) => typeof e.payload[k] === 'string' && e.payload[k]).map((k) => (
              <Typography.Paragraph
                key={k}
                style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}
                ellipsis={{ rows: 4, expandable: true }}
              >
                {String(e.payload[k])}
              </Typography.Paragraph>
            ))}
            {e.files.map((f) => (
              // A long file name is cut on a phone instead of widening the page.
              <div key={f.id} style={{ maxWidth: '100%', overflow: 'hidden', whiteSpace: 'nowrap' }}>
                <FileLink file={f} />
              </div>
            ))}
          </>
        ),
      }))}
    />
  );
}
