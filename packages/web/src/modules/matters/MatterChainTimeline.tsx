import {
  AuditOutlined,
  CheckCircleOutlined,
  ClockCircleOutlined,
  FileSearchOutlined,
  FlagOutlined,
  RollbackOutlined,
  SendOutlined,
  SolutionOutlined,
} from '@ant-design/icons';
import type { ItemEvent, MatterChain, MatterState } from '@yiting/domain';
import { Descriptions, Flex, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { MessageKey } from '../../i18n/I18nProvider.tsx';
import { useI18n } from '../../i18n/useI18n.ts';
import { FileLink } from '../files/FileLink.tsx';
import { useUnitOptions } from '../units/useUnitOptions.ts';

const EVENT_COLORS: Record<string, string> = {
  create: 'gray',
  assign: 'blue',
  reassign: 'blue',
  receive: 'cyan',
  report_progress: 'blue',
  submit_completion: 'purple',
  return: 'red',
  object: 'orange',
  close_out: 'green',
  cancel: 'gray',
};

const EVENT_ICONS: Record<string, ReactNode> = {
  assign: <SendOutlined />,
  submit_completion: <FlagOutlined />,
  return: <RollbackOutlined />,
  close_out: <CheckCircleOutlined />,
};

/** Active states wait for someone; the timeline's open end says for whom. */
const WAITING: Partial<Record<MatterState, MessageKey>> = {
  draft: 'chain.waiting.draft',
  assigned: 'chain.waiting.assigned',
  objected: 'chain.waiting.objected',
  received: 'chain.waiting.received',
  in_rectification: 'chain.waiting.in_rectification',
  completion_submitted: 'chain.waiting.completion_submitted',
};

/**
 * The supervision chain of one matter on one line: the activity it came from → the report → the finding →
 * every event of the matter (assignment, progress reports with measures, status and evidence, review,
 * close-out), each with its date and who did it.
 */
export function MatterChainTimeline({ chain }: { chain: MatterChain }) {
  const { t, label, maybe, dateTime, locale } = useI18n();
  const units = useUnitOptions();
  const unitName = (id: unknown) => {
    if (typeof id !== 'string') return '';
    const u = units.data?.find((x) => x.id === id);
    return u ? (u.shortName ?? u.name) : (chain.matter.units.find((x) => x.unitId === id)?.unitName ?? '…');
  };
  const day = (iso: string) => dateTime(iso).replace(/:\d\d$/, '');

  const who = (name: string | null, at: string) => (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {day(at)}
      {name ? ` · ${name}` : ''}
    </Typography.Text>
  );

  const details = (e: ItemEvent): ReactNode => {
    const p = e.payload;
    const rows: { key: string; label: string; children: ReactNode }[] = [];
    const add = (key: string, children: ReactNode) => {
      if (children === undefined || children === null || children === '') return;
      rows.push({ key, label: t(`matterAction.field.${key}` as MessageKey), children });
    };
    if (e.action === 'create') return null;
    if (typeof p.number === 'string') add('noticeNumber', p.number);
    if (p.leadUnitId) add('leadUnitId', unitName(p.leadUnitId));
    if (Array.isArray(p.coUnitIds) && p.coUnitIds.length)
      add('coUnitIds', p.coUnitIds.map(unitName).join(t('punct.list')));
    if (typeof p.deadline === 'string' && e.action !== 'edit') add('deadline', p.deadline);
    if (typeof p.status === 'string')
      add('status', <Tag color="blue">{label('rectificationStatus', p.status)}</Tag>);
    if (typeof p.measures === 'string') add('measures', p.measures);
    if (typeof p.summary === 'string') add('summary', p.summary);
    if (typeof p.until === 'string') add('until', p.until);
    for (const k of ['reason', 'comment', 'message'] as const) if (typeof p[k] === 'string') add(k, p[k]);
    if (p.suggestedUnitId) add('suggestedUnitId', unitName(p.suggestedUnitId));
    if (e.action === 'record_vote') {
      for (const k of ['satisfied', 'basicallySatisfied', 'unsatisfied', 'abstained'] as const)
        if (typeof p[k] === 'number') add(k, String(p[k]));
    }
    if (e.files.length)
      rows.push({
        key: 'files',
        label: t('matterAction.field.evidenceFileIds'),
        children: (
          <Flex vertical align="flex-start">
            {e.files.map((f) => (
              <FileLink key={f.id} file={f} />
            ))}
          </Flex>
        ),
      });
    if (!rows.length) return null;
    return (
      <Descriptions
        size="small"
        column={1}
        items={rows}
        style={{ marginTop: 6, maxWidth: 760 }}
        styles={{ label: { width: locale === 'en-US' ? 148 : 84, whiteSpace: 'nowrap' } }}
      />
    );
  };

  const items = [
    ...chain.activities.map((a) => ({
      key: `a-${a.id}`,
      color: 'gray',
      icon: <SolutionOutlined />,
      content: (
        <div data-chain-step="activity">
          <Typography.Text type="secondary">{label('activityType', a.type)}</Typography.Text>{' '}
          <Link to={`/activities/${a.id}`}>{a.title}</Link>
          <div>{who(a.leaderName ? t('chain.ledBy', { name: a.leaderName }) : null, a.startsAt)}</div>
        </div>
      ),
    })),
    ...chain.records.map((r) => ({
      key: `r-${r.id}`,
      color: r.kind === 'finding' ? 'orange' : 'gray',
      icon: r.kind === 'finding' ? <FileSearchOutlined /> : <AuditOutlined />,
      content: (
        <div data-chain-step={r.kind}>
          <Typography.Text type="secondary">
            {r.kind === 'finding' && r.nature
              ? t(`finding.nature.${r.nature}` as MessageKey)
              : label('recordKind', r.kind)}
          </Typography.Text>{' '}
          <Typography.Text strong>{r.title}</Typography.Text>
          {r.kind === 'finding' ? (
            <Typography.Paragraph style={{ margin: '4px 0 0', maxWidth: 760 }}>
              {r.content}
            </Typography.Paragraph>
          ) : null}
        </div>
      ),
    })),
    ...chain.events.map((e) => ({
      key: e.id,
      color: EVENT_COLORS[e.action] ?? 'blue',
      icon: EVENT_ICONS[e.action],
      content: (
        <div data-chain-step={e.action}>
          <Flex gap={8} align="center" wrap>
            <Typography.Text strong>
              {maybe(`chain.event.${e.action}`) ?? label('matterAction', e.action)}
            </Typography.Text>
            {e.fromState !== e.toState ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                → {label('matterState', e.toState)}
              </Typography.Text>
            ) : null}
          </Flex>
          {who(e.actorName, e.at)}
          {details(e)}
        </div>
      ),
    })),
  ];
  const waiting = WAITING[chain.matter.state];
  if (waiting)
    items.push({
      key: 'waiting',
      color: 'gray',
      icon: <ClockCircleOutlined />,
      content: (
        <Typography.Text type="secondary" data-chain-step="waiting">
          {t(waiting)}
        </Typography.Text>
      ),
    });

  return <Timeline items={items} data-testid="matter-chain" />;
}
