import { SearchOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { Proposal, ProposalKind } from '@yiting/domain';
import { Alert, App, Button, DatePicker, Flex, Form, Input, Modal, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { isApiError } from '../../api/ApiError.ts';
import { useCursorList } from '../../api/useCursorList.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { LoadMore } from '../../ui/LoadMore.tsx';
import { PersonPicker } from '../matters/PersonPicker.tsx';
import { fireItemAction } from '../tracking/fireItemAction.ts';
import { ProposalStateTag } from './ProposalStateTag.tsx';

type Failure = { id: string; title: string; reason: string };

/**
 * 主席会议确定重点提案: the office ticks the accepted proposals the chair's meeting chose, names the meeting
 * and a supervising leader for each, and every one is marked with the machine's `mark_key` (the same
 * transition as on the proposal's page, with its version), one after the other; failures are listed.
 */
export function KeySelectDialog({
  open,
  kind,
  session,
  mobile,
  onClose,
}: {
  open: boolean;
  kind: ProposalKind;
  session: { term: number; meeting: number } | null;
  mobile: boolean;
  onClose: () => void;
}) {
  const { t, validation } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const k = kind === 'proposal' ? 'keyProposals' : 'keySuggestions';
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [date, setDate] = useState<Dayjs | null>(dayjs());
  const [ref, setRef] = useState('');
  const [chosen, setChosen] = useState<Record<string, Proposal>>({});
  const [leaders, setLeaders] = useState<Record<string, string | undefined>>({});
  const [allLeader, setAllLeader] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [failures, setFailures] = useState<Failure[]>([]);

  useEffect(() => {
    const timer = setTimeout(() => setSearch(q.trim()), 300);
    return () => clearTimeout(timer);
  }, [q]);
  useEffect(() => {
    if (!open) return;
    setChosen({});
    setLeaders({});
    setProblem(null);
    setFailures([]);
  }, [open]);

  // Accepted (立案) proposals of the session still open and not yet key; the machine decides the rest.
  const list = useCursorList<Proposal>('/proposals', {
    kind,
    accepted: 'true',
    key: 'false',
    final: 'false',
    sessionTerm: session?.term,
    sessionMeeting: session?.meeting,
    q: search || undefined,
  });
  const ids = Object.keys(chosen);

  const submit = async () => {
    setProblem(null);
    setFailures([]);
    if (!ids.length) return setProblem(t('keySelect.none'));
    if (ids.some((id) => !leaders[id])) return setProblem(t('keySelect.leaderMissing'));
    if (ref.trim() && ref.trim().length < 2) return setProblem(validation('too_short'));
    setBusy(true);
    const failed: Failure[] = [];
    let done = 0;
    for (const id of ids) {
      const p = chosen[id]!;
      try {
        await fireItemAction('/proposals', p, 'mark_key', {
          key: true,
          supervisorPersonId: leaders[id],
          ...(date ? { meetingDate: date.format('YYYY-MM-DD') } : {}),
          ...(ref.trim() ? { meetingRef: ref.trim() } : {}),
        });
        done++;
      } catch (e) {
        const detail = isApiError(e)
          ? [e.title, ...e.errors.map((x) => x.message)].join(t('punct.colon'))
          : t('error.unexpected');
        failed.push({ id, title: p.title, reason: detail });
      }
    }
    setBusy(false);
    await queryClient.invalidateQueries({ queryKey: ['/proposals/key-progress'] });
    await queryClient.invalidateQueries({ queryKey: ['/proposals'] });
    if (done) message.success(t('keySelect.done', { n: done }));
    if (failed.length) {
      setFailures(failed);
      // Those that went through are no longer candidates; the failed stay ticked to try again.
      setChosen(Object.fromEntries(failed.map((f) => [f.id, chosen[f.id]!])));
    } else onClose();
  };

  return (
    <Modal
      open={open}
      title={t(`${k}.select`)}
      width={mobile ? '100%' : 1000}
      style={mobile ? { top: 0, maxWidth: '100%', paddingBottom: 0 } : undefined}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Typography.Text key="n" type="secondary" style={{ marginInlineEnd: 12 }}>
          {t('keySelect.selected', { n: ids.length })}
        </Typography.Text>,
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="ok" type="primary" loading={busy} onClick={submit} data-testid="key-select-submit">
          {t('keySelect.submit')}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">{t(`${k}.selectIntro`)}</Typography.Paragraph>
      <Form layout={mobile ? 'vertical' : 'inline'} style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label={t('keySelect.meetingDate')}>
          <DatePicker
            value={date}
            onChange={setDate}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            data-testid="key-select-date"
          />
        </Form.Item>
        <Form.Item label={t('keySelect.meetingRef')}>
          <Input
            style={{ width: mobile ? '100%' : 360 }}
            value={ref}
            maxLength={100}
            onChange={(e) => setRef(e.target.value)}
            placeholder={t(`${k}.meetingRefHint`)}
            data-testid="key-select-ref"
          />
        </Form.Item>
      </Form>
      <Flex gap={8} wrap style={{ marginBottom: 12 }} vertical={mobile}>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={t('keySelect.search')}
          aria-label={t('keySelect.search')}
          style={{ width: mobile ? '100%' : 300 }}
          data-testid="key-select-search"
        />
        <Flex gap={8} style={{ flex: 1, minWidth: 260 }}>
          <PersonPicker
            value={allLeader}
            onChange={setAllLeader}
            placeholder={t('keySelect.leaderAll')}
            style={{ flex: 1, minWidth: 0 }}
          />
          <Button
            disabled={!allLeader || !ids.length}
            onClick={() =>
              setLeaders((l) => ({ ...l, ...Object.fromEntries(ids.map((id) => [id, allLeader])) }))
            }
          >
            {t('keySelect.applyAll')}
          </Button>
        </Flex>
      </Flex>
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} /> : null}
      {failures.length ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('keySelect.failed', { n: failures.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {failures.map((f) => (
                <li key={f.id}>
                  {f.title}
                  {t('punct.colon')}
                  {f.reason}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Table<Proposal>
        rowKey="id"
        size="small"
        data-testid="key-select-table"
        loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 760, y: mobile ? undefined : 360 }}
        rowSelection={{
          selectedRowKeys: ids,
          preserveSelectedRowKeys: true,
          onChange: (_keys, rows) => {
            setChosen((c) => {
              // Rows of other pages or searches stay chosen; this page's ticks are as the table says.
              const shown = new Set(list.items.map((p) => p.id));
              const kept = Object.entries(c).filter(([id]) => !shown.has(id));
              return Object.fromEntries([...kept, ...rows.filter(Boolean).map((p) => [p.id, p] as const)]);
            });
          },
          getCheckboxProps: (p) => ({
            disabled: !p.actions.includes('mark_key'),
            title: p.actions.includes('mark_key') ? undefined : t('keySelect.notAvailable'),
          }),
        }}
        columns={[
          { title: t('proposal.number'), dataIndex: 'number', width: 110 },
          { title: t('proposal.title'), dataIndex: 'title' },
          {
            title: t(`${kind === 'proposal' ? 'proposals' : 'suggestions'}.proposer`),
            key: 'proposer',
            width: 110,
            render: (_, p) => p.proposerName ?? p.submitterName,
          },
          {
            title: t('proposal.state'),
            dataIndex: 'state',
            width: 110,
            render: (_, p) => <ProposalStateTag state={p.state} kind={p.kind} />,
          },
          {
            title: t('keyProposals.leader'),
            key: 'leader',
            width: 200,
            render: (_, p) =>
              chosen[p.id] ? (
                <div data-testid={`key-leader-${p.id}`}>
                  <PersonPicker
                    style={{ width: '100%' }}
                    value={leaders[p.id]}
                    onChange={(v) => setLeaders((l) => ({ ...l, [p.id]: v }))}
                    placeholder={t('keySelect.leaderFor')}
                  />
                </div>
              ) : null,
          },
        ]}
      />
      <LoadMore
        shown={list.items.length}
        hasMore={!!list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoad={() => void list.fetchNextPage()}
      />
    </Modal>
  );
}
