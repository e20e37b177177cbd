import { ArrowLeftOutlined, EditOutlined, FileWordOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  type Matter,
  type MatterAction,
  MatterActionPayloads,
  type MatterChain,
  matterMachine,
} from '@yiting/domain';
import { Alert, App, Breadcrumb, Button, Card, Col, Descriptions, Flex, Row, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../api/ApiError.ts';
import { api } from '../api/client.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { usePermission } from '../modules/auth/usePermission.ts';
import { MatterChainTimeline } from '../modules/matters/MatterChainTimeline.tsx';
import { MatterFormDrawer } from '../modules/matters/MatterFormDrawer.tsx';
import { MatterStateTag } from '../modules/matters/MatterStateTag.tsx';
import { matterActionForm } from '../modules/matters/matterActionForms.ts';
import { unitLabel } from '../modules/matters/unitLabel.ts';
import { WarningTag } from '../modules/matters/WarningTag.tsx';
import type { PayloadSchema } from '../modules/tracking/ActionDialog.tsx';
import { ItemActions } from '../modules/tracking/ItemActions.tsx';
import { useIsMobile } from '../modules/tracking/useIsMobile.ts';
import { useUnitOptions } from '../modules/units/useUnitOptions.ts';
import { downloadFile } from '../ui/downloadFile.ts';
import { FullPageSpin } from '../ui/FullPageSpin.tsx';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

/** The actions that move a matter forward come first and look primary; the rest are plain. */
const PRIMARY: MatterAction[] = ['assign', 'receive', 'report_progress', 'submit_completion', 'close_out'];
const DANGER: MatterAction[] = ['return', 'cancel', 'object', 'reject_extension'];

export function MatterDetailPage() {
  const { id = '' } = useParams();
  const { t, label, dateTime, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const canManage = usePermission('matter.manage');
  const [editing, setEditing] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const query = useQuery({
    queryKey: [`/matters/${id}/chain`],
    queryFn: ({ signal }) => api.get<MatterChain>(`/matters/${id}/chain`, undefined, signal),
  });
  const matter = query.data?.matter;
  // Units are wanted by the assignment forms only (the office assigns, reassigns, hears objections).
  const units = useUnitOptions(
    !!matter?.actions.some((a) => a === 'assign' || a === 'reassign' || a === 'object'),
  );
  const formOf = useCallback(
    (a: string) =>
      matterActionForm(a as MatterAction, matter!, {
        t,
        label,
        unitOptions: (units.data ?? []).map((u) => ({ value: u.id, label: unitLabel(u) })),
      }),
    [matter, t, label, units.data],
  );

  if (query.isPending) return <FullPageSpin />;
  if (query.error)
    return (
      <LoadFailed
        error={query.error}
        notFound={t('matter.notFound')}
        backTo="/matters"
        backText={t('matters.backToList')}
      />
    );
  const chain = query.data;
  const m = chain.matter;
  const muted = <Typography.Text type="secondary">—</Typography.Text>;
  const lead = m.units.filter((u) => u.role === 'lead');
  const others = m.units.filter((u) => u.role !== 'lead');
  // 市科技局（责任领导：张三）
  const unitWithLeader = (u: (typeof m.units)[number]) =>
    u.responsibleLeader
      ? t('matter.unitWithLeader', { unit: u.unitName, leader: u.responsibleLeader })
      : u.unitName;
  const editable = canManage && !matterMachine.final.includes(m.state);

  const notice = async () => {
    setDownloading(true);
    try {
      await downloadFile(`/matters/${m.id}/notice.docx`, undefined, `${m.number}.docx`);
    } catch (e) {
      message.error(isApiError(e) ? e.title : t('error.unexpected'));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/matters">{t('nav.matters')}</Link> }, { title: m.number ?? m.title }]}
      />
      <PageHeader
        title={m.title}
        subtitle={
          <Flex gap={8} align="center" wrap style={{ marginTop: 6 }}>
            {m.number ? <Typography.Text strong>{m.number}</Typography.Text> : null}
            <MatterStateTag state={m.state} />
            <WarningTag level={m.warning} />
            {m.accountability ? <Tag color="red">{t('matter.accountability')}</Tag> : null}
          </Flex>
        }
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
              {t('common.back')}
            </Button>
            {m.number ? (
              <Button icon={<FileWordOutlined />} onClick={notice} loading={downloading}>
                {t('matter.downloadNotice')}
              </Button>
            ) : null}
            {editable ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="matter-edit">
                {t('common.edit')}
              </Button>
            ) : null}
          </>
        }
      />
      <ItemActions<Matter>
        path="/matters"
        item={m}
        title={m.title}
        actionLabel={(a) => label('matterAction', a)}
        formOf={formOf}
        schemaOf={(a) => MatterActionPayloads[a as MatterAction] as unknown as PayloadSchema}
        primary={PRIMARY}
        danger={DANGER}
        mobile={mobile}
        intro={(a) =>
          m.pendingExtension && (a === 'approve_extension' || a === 'reject_extension') ? (
            <Alert
              type="info"
              style={{ marginBottom: 16 }}
              title={t('matter.pendingExtension', m.pendingExtension)}
            />
          ) : null
        }
        doneText={(next, a) =>
          t('matter.actionDone', {
            action: label('matterAction', a),
            state: label('matterState', next.state),
          })
        }
      />
      {m.pendingExtension ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('matter.pendingExtension', m.pendingExtension)}
        />
      ) : null}
      <Row gutter={16}>
        <Col xs={24} xl={10}>
          <Card title={t('matter.basics')} style={{ marginBottom: 16 }}>
            <Descriptions
              column={1}
              size="small"
              styles={{ label: { width: locale === 'en-US' ? 150 : 100, whiteSpace: 'nowrap' } }}
              items={[
                { key: 'source', label: t('matter.source'), children: label('matterSource', m.source) },
                {
                  key: 'activity',
                  label: t('matter.sourceActivity'),
                  children: m.sourceActivityId ? (
                    <Link to={`/activities/${m.sourceActivityId}`}>{m.sourceActivityTitle}</Link>
                  ) : (
                    muted
                  ),
                },
                {
                  key: 'lead',
                  label: t('matter.leadUnit'),
                  children: lead.length ? lead.map(unitWithLeader).join(t('punct.list')) : muted,
                },
                {
                  key: 'co',
                  label: t('matter.coUnits'),
                  children: others.length ? others.map(unitWithLeader).join(t('punct.list')) : muted,
                },
                {
                  key: 'deadline',
                  label: t('matter.deadline'),
                  children: m.deadline ? (
                    <>
                      {m.deadline}
                      {m.extensionCount ? (
                        <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                          {t('matter.extended', { n: m.extensionCount })}
                        </Typography.Text>
                      ) : null}
                    </>
                  ) : (
                    muted
                  ),
                },
                { key: 'supervisor', label: t('matter.supervisor'), children: m.supervisorName ?? muted },
                { key: 'contact', label: t('matter.contact'), children: m.contact ?? muted },
                {
                  key: 'report',
                  label: t('matter.reportEveryDays'),
                  children: m.reportEveryDays ? t('matter.everyNDays', { n: m.reportEveryDays }) : muted,
                },
                {
                  key: 'returns',
                  label: t('matter.returnCount'),
                  children: String(m.returnCount),
                },
                { key: 'created', label: t('matter.createdAt'), children: dateTime(m.createdAt) },
                {
                  key: 'closed',
                  label: t('matter.closedAt'),
                  children: m.closedAt ? dateTime(m.closedAt) : muted,
                },
              ]}
            />
          </Card>
          <Card title={t('matter.content')} style={{ marginBottom: 16 }}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{m.content}</Typography.Paragraph>
            {m.requirements ? (
              <>
                <Typography.Text strong>{t('matter.requirements')}</Typography.Text>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>
                  {m.requirements}
                </Typography.Paragraph>
              </>
            ) : null}
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card
            title={t('matter.chain')}
            extra={<Typography.Text type="secondary">{t('matter.chainHint')}</Typography.Text>}
          >
            <MatterChainTimeline chain={chain} />
          </Card>
        </Col>
      </Row>
      <MatterFormDrawer
        open={editing}
        initial={null}
        matter={m}
        onClose={() => setEditing(false)}
        onReload={() => void query.refetch()}
        onSaved={(next) => {
          setEditing(false);
          message.success(t('matter.saved', { title: next.title }));
        }}
      />
    </>
  );
}
