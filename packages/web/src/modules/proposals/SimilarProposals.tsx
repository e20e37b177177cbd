import { useQuery } from '@tanstack/react-query';
import {
  type Proposal,
  ProposalActionPayloads,
  type ProposalState,
  proposalLabel,
  proposalMachine,
  type SimilarItem,
} from '@yiting/domain';
import { Alert, App, Button, Card, Col, Empty, Flex, List, Row, Tag, Typography } from 'antd';
import { type CSSProperties, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { HighlightedText } from '../../ui/Highlighted.tsx';
import { ActionDialog, type PayloadSchema } from '../tracking/ActionDialog.tsx';
import { useItemAction } from '../tracking/useItemAction.ts';
import { ProposalStateTag } from './ProposalStateTag.tsx';
import { fieldLabel } from './proposalActionForms.ts';

/** States whose proposals may take another in (the machine's `absorb`): only those are merge targets. */
const TAKES_MERGES: readonly string[] = proposalMachine.transitions.absorb.from;

const TEXT_BOX: CSSProperties = {
  background: '#fafaf9',
  border: '1px solid #f0f0f0',
  borderRadius: 6,
  padding: '8px 12px',
  maxHeight: 360,
  overflow: 'auto',
  whiteSpace: 'pre-wrap',
  margin: 0,
};

const scoreColor = (score: number) => (score >= 0.6 ? 'red' : score >= 0.3 ? 'orange' : 'default');

/** One text with the shared passages marked: its title, then its content. */
function MarkedText(props: {
  label: string;
  title: string;
  content: string;
  side: 'a' | 'b';
  s: SimilarItem;
}) {
  const { label, title, content, side, s } = props;
  return (
    <div data-testid={`similar-side-${side}`}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
      <Typography.Paragraph strong style={{ margin: '2px 0 6px' }}>
        <HighlightedText text={title} ranges={s.shared.title.map((p) => p[side])} />
      </Typography.Paragraph>
      <Typography.Paragraph style={TEXT_BOX}>
        <HighlightedText text={content} ranges={s.shared.content.map((p) => p[side])} />
      </Typography.Paragraph>
    </div>
  );
}

/**
 * For the reviewer of a submitted proposal: the most similar proposals of this and earlier sessions
 * (`GET /proposals/:id/similar`, ranked by Chinese word similarity), each expandable into the two texts
 * side by side with the passages they share marked in both, a link to it, and a shortcut to merge this
 * one into it (并案) when the machine allows.
 */
export function SimilarProposals({ proposal: p, mobile }: { proposal: Proposal; mobile: boolean }) {
  const { t, label, locale } = useI18n();
  const { message } = App.useApp();
  const kind = label('proposalKind', p.kind);
  const similar = useQuery({
    queryKey: [`/proposals/${p.id}/similar`],
    queryFn: ({ signal }) =>
      api.get<{ items: SimilarItem[] }>(`/proposals/${p.id}/similar`, { limit: 5 }, signal),
  });
  // The most similar one is open at first: it is what the reviewer came to see.
  const [expanded, setExpanded] = useState<string | null | undefined>(undefined);
  const [merging, setMerging] = useState<SimilarItem | null>(null);
  const fire = useItemAction<Proposal>('/proposals');
  const items = similar.data?.items ?? [];
  const open = expanded === undefined ? (items[0]?.id ?? null) : expanded;
  const mergeLabel = proposalLabel(p.kind, 'proposalAction', 'merge', locale);
  const canMerge = (s: SimilarItem) => p.actions.includes('merge') && TAKES_MERGES.includes(s.state);
  const nameOf = (s: SimilarItem) => [s.number, s.title].filter(Boolean).join(' ');

  return (
    <Card
      title={t('similar.title', { kind })}
      style={{ marginBottom: 16 }}
      size={mobile ? 'small' : 'default'}
      data-testid="similar-panel"
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: -4 }}>
        {t('similar.hint', { kind })}
      </Typography.Paragraph>
      {similar.error ? <ErrorAlert error={similar.error} /> : null}
      <List<SimilarItem>
        loading={similar.isPending}
        dataSource={items}
        locale={{ emptyText: similar.isPending ? ' ' : <Empty description={t('similar.none', { kind })} /> }}
        renderItem={(s) => {
          const isOpen = open === s.id;
          const chars = s.shared.content.reduce((n, x) => n + x.text.length, 0);
          return (
            <List.Item key={s.id} data-testid="similar-item" data-id={s.id} style={{ display: 'block' }}>
              <Flex gap={8} align="center" wrap>
                <Tag color={scoreColor(s.score)} title={t('similar.score')} data-testid="similar-score">
                  {Math.round(s.score * 100)}%
                </Tag>
                {s.number ? <Typography.Text strong>{s.number}</Typography.Text> : null}
                {s.sessionTerm ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('proposal.sessionOf', { term: s.sessionTerm, meeting: s.sessionMeeting ?? '—' })}
                  </Typography.Text>
                ) : null}
                <Link to={`/proposals/${s.id}`} style={{ flex: mobile ? '1 1 100%' : 1, minWidth: 0 }}>
                  {s.title}
                </Link>
                <ProposalStateTag state={s.state as ProposalState} kind={p.kind} />
              </Flex>
              <Flex gap={8} align="center" wrap style={{ marginTop: 6 }}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('similar.shared', { n: s.shared.title.length + s.shared.content.length, chars })}
                </Typography.Text>
                <Button
                  size="small"
                  type="link"
                  onClick={() => setExpanded(isOpen ? null : s.id)}
                  data-testid="similar-compare"
                >
                  {t(isOpen ? 'similar.hideCompare' : 'similar.compare')}
                </Button>
                {canMerge(s) ? (
                  <Button size="small" onClick={() => setMerging(s)} data-testid="similar-merge">
                    {t('similar.mergeInto')}
                  </Button>
                ) : null}
              </Flex>
              {isOpen ? (
                <Row gutter={[16, 12]} style={{ marginTop: 8 }} data-testid="similar-compare-view">
                  <Col xs={24} md={12}>
                    <MarkedText
                      label={t('similar.thisOne')}
                      title={p.title}
                      content={p.content}
                      side="a"
                      s={s}
                    />
                  </Col>
                  <Col xs={24} md={12}>
                    <MarkedText
                      label={`${t('similar.thatOne')} ${s.number ?? ''}`}
                      title={s.title}
                      content={s.content}
                      side="b"
                      s={s}
                    />
                    <Link to={`/proposals/${s.id}`}>{t('similar.open')}</Link>
                  </Col>
                </Row>
              ) : null}
            </List.Item>
          );
        }}
      />
      <ActionDialog
        key={merging?.id ?? ''}
        open={!!merging}
        title={`${mergeLabel}${t('punct.colon')}${p.title}`}
        okText={mergeLabel}
        spec={{
          fields: [{ name: 'reason', label: fieldLabel(t, 'reason'), control: 'textarea' }],
          build: (v) => ({
            targetId: merging?.id,
            ...(typeof v.reason === 'string' && v.reason.trim() ? { reason: v.reason } : {}),
          }),
        }}
        schema={ProposalActionPayloads.merge as unknown as PayloadSchema}
        intro={
          merging ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('similar.mergeIntro', { target: nameOf(merging) })}
            />
          ) : null
        }
        onClose={() => setMerging(null)}
        onSubmit={async (payload) => {
          await fire(p, 'merge', payload);
          setMerging(null);
          message.success(t('item.actionDone', { action: mergeLabel }));
        }}
      />
    </Card>
  );
}
