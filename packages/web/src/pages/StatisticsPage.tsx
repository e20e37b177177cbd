import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { codeLabel, proposalLabel, type Statistics } from '@yiting/domain';
import { Alert, App, Button, Card, Col, Empty, Flex, Row, Typography } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { isApiError } from '../api/ApiError.ts';
import { api } from '../api/client.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { EChart } from '../modules/dashboard/EChart.tsx';
import { useProposalKind } from '../modules/proposals/useProposalKind.ts';
import { barHeight, barOption, COLORS, linkOf, pieOption } from '../modules/statistics/charts.ts';
import { FigureCard } from '../modules/statistics/FigureCard.tsx';
import { listHref, percent } from '../modules/statistics/links.ts';
import { ScopePicker } from '../modules/statistics/ScopePicker.tsx';
import { BreakdownTable, UnitTable } from '../modules/statistics/tables.tsx';
import { useStatisticsScope } from '../modules/statistics/useStatisticsScope.ts';
import { downloadFile } from '../ui/downloadFile.ts';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { FullPageSpin } from '../ui/FullPageSpin.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

const PIE = { height: 300 };

const RESULT_COLORS: Record<string, string> = {
  A: COLORS.green,
  B: COLORS.blue,
  C: COLORS.orange,
  D: COLORS.grey,
};

/** A row of headline figures, spread evenly over the width and wrapping on narrow screens. */
function Figures({ children }: { children: ReactNode[] }) {
  return (
    <Row gutter={[12, 12]} align="stretch" style={{ marginBottom: 16 }}>
      {children.map((c, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of figures in a fixed order
        <Col key={i} flex="1 0 150px">
          {c}
        </Col>
      ))}
    </Row>
  );
}

function Section({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <section style={{ marginBottom: 24 }}>
      <Flex justify="space-between" align="baseline" gap={12} wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra}
      </Flex>
      {children}
    </section>
  );
}

/**
 * 统计分析: the figures of proposals (or deputies' suggestions) and public-opinion reports for a year
 * and/or a session, counted by the API from the items' events. Every figure, bar and slice opens the list
 * of exactly the items it counts (the link the API gives it).
 */
export function StatisticsPage() {
  const { t, label, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const kind = useProposalKind();
  const { scope, scopes, setScope } = useStatisticsScope(kind);
  const query = scope ? { kind, ...scope } : null;
  const stats = useQuery({
    queryKey: ['/statistics', query],
    queryFn: ({ signal }) => api.get<Statistics>('/statistics', query ?? {}, signal),
    enabled: !!query,
    placeholderData: keepPreviousData,
  });
  const [exporting, setExporting] = useState(false);
  const go = (data: unknown) => {
    const link = linkOf(data);
    if (link) navigate(listHref(link));
  };
  const k = kind === 'proposal' ? 'proposals' : 'suggestions';
  const state = (s: 'accepted' | 'rejected' | 'converted' | 'merged' | 'withdrawn') =>
    proposalLabel(kind, 'proposalState', s, locale);
  const en = locale === 'en-US';
  const d = stats.data;
  const p = d?.proposals;
  const r = d?.reports;
  const none = t('statistics.none');

  const charts = useMemo(() => {
    if (!p || !r) return null;
    const keyOf = (key: string | null) => key ?? none;
    const sectors = p.bySector.filter((b) => b.key !== null).length ? p.bySector : [];
    const accepted = proposalLabel(kind, 'proposalState', 'accepted', locale);
    return {
      category: barOption(
        p.byCategory.map((b) => keyOf(b.key)),
        [
          {
            name: t('statistics.receivedShort'),
            color: COLORS.lightBlue,
            figures: p.byCategory.map((b) => b.received),
          },
          { name: accepted, color: COLORS.blue, figures: p.byCategory.map((b) => b.accepted) },
        ],
      ),
      categoryRows: p.byCategory.length,
      sector: barOption(
        sectors.map((b) => keyOf(b.key)),
        [
          {
            name: t('statistics.receivedShort'),
            color: COLORS.lightBlue,
            figures: sectors.map((b) => b.received),
          },
          { name: accepted, color: COLORS.blue, figures: sectors.map((b) => b.accepted) },
        ],
        true,
      ),
      sectorRows: sectors.length,
      results: pieOption(
        p.resultCategories.map((c) => ({
          name: codeLabel('resultCategory', c.category, locale),
          figure: c.count,
          color: RESULT_COLORS[c.category] ?? COLORS.purple,
        })),
        en,
      ),
      timeliness: pieOption(
        [
          { name: t('statistics.onTime'), figure: p.replies.onTime, color: COLORS.green },
          { name: t('statistics.late'), figure: p.replies.late, color: COLORS.red },
        ],
        en,
      ),
      satisfaction: pieOption(
        [
          { name: t('statistics.satisfied'), figure: p.ratings.satisfied, color: COLORS.green },
          { name: t('statistics.unsatisfied'), figure: p.ratings.unsatisfied, color: COLORS.red },
        ],
        en,
      ),
      adoptedByLevel: barOption(
        r.adoptedByLevel.map((a) => label('reportLevel', a.level)),
        [
          {
            name: t('statistics.adopted'),
            color: COLORS.green,
            figures: r.adoptedByLevel.map((a) => a.count),
          },
        ],
      ),
      instructionsByLevel: barOption(
        r.instructionsByLevel.map((a) =>
          t('statistics.levelOnReports', { level: label('instructionLevel', a.level), n: a.reports }),
        ),
        [
          {
            name: t('statistics.instructions'),
            color: COLORS.red,
            figures: r.instructionsByLevel.map((a) => a.instructions),
          },
        ],
      ),
    };
  }, [p, r, t, label, locale, kind, en, none]);

  if (scopes.error) return <ErrorAlert error={scopes.error} />;
  if (!scope || stats.isPending) return <FullPageSpin />;

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await downloadFile('/statistics.xlsx', query ?? {}, 'statistics.xlsx');
    } catch (e) {
      message.error(isApiError(e) ? e.title : t('error.unexpected'));
    } finally {
      setExporting(false);
    }
  };

  const header = (
    <PageHeader
      title={t('statistics.title')}
      subtitle={t('statistics.subtitle')}
      extra={
        <>
          <ScopePicker value={scope} scopes={scopes.data} onChange={setScope} />
          <Button
            icon={<DownloadOutlined />}
            onClick={exportXlsx}
            loading={exporting}
            disabled={!d}
            data-testid="statistics-export"
          >
            {t('statistics.export')}
          </Button>
        </>
      }
    />
  );
  if (stats.error || !p || !r || !charts)
    return (
      <>
        {header}
        <ErrorAlert error={stats.error} />
      </>
    );

  const nothing = p.received.count === 0 && r.submitted.count === 0;
  const showReports = kind === 'proposal' || r.submitted.count > 0;
  const red = (n: number) => (n > 0 ? COLORS.red : undefined);
  const sessionOnly = scope.sessionTerm !== undefined && scope.year === undefined;

  return (
    <div data-testid="statistics-page" style={{ opacity: stats.isPlaceholderData ? 0.6 : 1 }}>
      {header}
      {nothing ? (
        <Card>
          <Empty description={t('statistics.empty')} data-testid="statistics-empty" />
        </Card>
      ) : (
        <>
          <Section
            title={t(`statistics.${k}.title`)}
            extra={
              <Typography.Text type="secondary">
                {t('statistics.unitCount', { n: p.unitCount })}
              </Typography.Text>
            }
          >
            {p.received.count === 0 ? (
              <Card>
                <Empty description={t('statistics.emptySection')} />
              </Card>
            ) : (
              <>
                <Figures>
                  {[
                    <FigureCard
                      key="r"
                      id="received"
                      title={t(`statistics.${k}.received`)}
                      figure={p.received}
                    />,
                    <FigureCard
                      key="a"
                      id="accepted"
                      title={state('accepted')}
                      figure={p.accepted}
                      note={t(`statistics.${k}.acceptanceRate`, { rate: percent(p.acceptanceRate) })}
                      color={COLORS.blue}
                    />,
                    <FigureCard key="rj" id="rejected" title={state('rejected')} figure={p.rejected} />,
                    <FigureCard key="m" id="merged" title={state('merged')} figure={p.merged} />,
                    <FigureCard key="c" id="converted" title={state('converted')} figure={p.converted} />,
                    <FigureCard key="w" id="withdrawn" title={state('withdrawn')} figure={p.withdrawn} />,
                    <FigureCard key="k" id="key" title={t(`statistics.${k}.key`)} figure={p.key} />,
                  ]}
                </Figures>
                <Figures>
                  {[
                    <FigureCard
                      key="rp"
                      id="replied"
                      title={t('statistics.replied')}
                      figure={p.replies.replied}
                    />,
                    <FigureCard
                      key="ot"
                      id="onTime"
                      title={t('statistics.onTime')}
                      figure={p.replies.onTime}
                      note={t('statistics.onTimeRate', { rate: percent(p.replies.onTimeRate) })}
                      color={COLORS.green}
                    />,
                    <FigureCard
                      key="l"
                      id="late"
                      title={t('statistics.late')}
                      figure={p.replies.late}
                      color={red(p.replies.late.count)}
                    />,
                    <FigureCard key="rt" id="rated" title={t('statistics.rated')} figure={p.ratings.rated} />,
                    <FigureCard
                      key="s"
                      id="satisfied"
                      title={t('statistics.satisfied')}
                      figure={p.ratings.satisfied}
                      note={t('statistics.satisfactionRate', { rate: percent(p.ratings.satisfactionRate) })}
                      color={COLORS.green}
                    />,
                    <FigureCard
                      key="u"
                      id="unsatisfied"
                      title={t('statistics.unsatisfied')}
                      figure={p.ratings.unsatisfied}
                      color={red(p.ratings.unsatisfied.count)}
                    />,
                  ]}
                </Figures>
                <Row gutter={[16, 16]}>
                  <Col xs={24} xl={15}>
                    <Card title={t('statistics.byCategory')} style={{ height: '100%' }}>
                      <EChart
                        option={charts.category}
                        onClick={go}
                        style={{ height: barHeight(charts.categoryRows, 2) }}
                        testId="chart-category"
                      />
                    </Card>
                  </Col>
                  <Col xs={24} xl={9}>
                    <Card title={t('statistics.bySubmitterKind')} style={{ height: '100%' }}>
                      <BreakdownTable
                        testId="statistics-submitter-kind"
                        rows={p.bySubmitterKind}
                        title={t('statistics.submitterKind')}
                        labelOf={(key) => (key ? label('submitterKind', key) : none)}
                        acceptedTitle={state('accepted')}
                        rateTitle={t(`statistics.${k}.rate`)}
                      />
                    </Card>
                  </Col>
                  <Col xs={24} md={12} xl={8}>
                    <Card title={t('statistics.resultCategories')}>
                      <EChart option={charts.results} onClick={go} style={PIE} testId="chart-results" />
                    </Card>
                  </Col>
                  <Col xs={24} md={12} xl={8}>
                    <Card title={t('statistics.timeliness')}>
                      <EChart option={charts.timeliness} onClick={go} style={PIE} testId="chart-timeliness" />
                    </Card>
                  </Col>
                  <Col xs={24} md={12} xl={8}>
                    <Card title={t('statistics.satisfaction')}>
                      <EChart
                        option={charts.satisfaction}
                        onClick={go}
                        style={PIE}
                        testId="chart-satisfaction"
                      />
                    </Card>
                  </Col>
                  <Col span={24}>
                    <Card title={t('statistics.units')}>
                      <UnitTable units={p.units} />
                      <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0', fontSize: 12 }}>
                        {t('statistics.perUnitNote')}
                      </Typography.Paragraph>
                    </Card>
                  </Col>
                  {charts.sectorRows ? (
                    <Col span={24}>
                      <Card title={t('statistics.bySector')}>
                        <EChart
                          option={charts.sector}
                          onClick={go}
                          style={{ height: 340 }}
                          testId="chart-sector"
                        />
                      </Card>
                    </Col>
                  ) : null}
                </Row>
              </>
            )}
          </Section>

          {showReports ? (
            <Section title={t('statistics.reportsTitle')}>
              {sessionOnly ? (
                <Alert
                  type="info"
                  showIcon
                  title={t('statistics.reportsAllYears')}
                  style={{ marginBottom: 12 }}
                />
              ) : null}
              {r.submitted.count === 0 ? (
                <Card>
                  <Empty description={t('statistics.emptySection')} />
                </Card>
              ) : (
                <>
                  <Figures>
                    {[
                      <FigureCard
                        key="s"
                        id="submitted"
                        title={t('statistics.submitted')}
                        figure={r.submitted}
                      />,
                      <FigureCard
                        key="a"
                        id="adopted"
                        title={t('statistics.adopted')}
                        figure={r.adopted}
                        color={COLORS.green}
                      />,
                      <FigureCard
                        key="d"
                        id="declined"
                        title={label('reportState', 'declined')}
                        figure={r.declined}
                      />,
                      <FigureCard
                        key="i"
                        id="instructed"
                        title={t('statistics.instructed')}
                        figure={r.instructed}
                      />,
                      <FigureCard
                        key="n"
                        id="instructions"
                        title={t('statistics.instructions')}
                        figure={r.instructions}
                        color={COLORS.red}
                      />,
                    ]}
                  </Figures>
                  <Row gutter={[16, 16]}>
                    <Col xs={24} md={12}>
                      <Card title={t('statistics.adoptedByLevel')} style={{ height: '100%' }}>
                        {r.adoptedByLevel.length ? (
                          <EChart
                            option={charts.adoptedByLevel}
                            onClick={go}
                            style={{ height: barHeight(r.adoptedByLevel.length) }}
                            testId="chart-adopted-level"
                          />
                        ) : (
                          <Empty
                            image={Empty.PRESENTED_IMAGE_SIMPLE}
                            description={t('statistics.emptySection')}
                          />
                        )}
                      </Card>
                    </Col>
                    <Col xs={24} md={12}>
                      <Card title={t('statistics.instructionsByLevel')} style={{ height: '100%' }}>
                        {r.instructionsByLevel.length ? (
                          <EChart
                            option={charts.instructionsByLevel}
                            onClick={go}
                            style={{ height: barHeight(r.instructionsByLevel.length) }}
                            testId="chart-instruction-level"
                          />
                        ) : (
                          <Empty
                            image={Empty.PRESENTED_IMAGE_SIMPLE}
                            description={t('statistics.emptySection')}
                          />
                        )}
                      </Card>
                    </Col>
                  </Row>
                </>
              )}
            </Section>
          ) : null}
        </>
      )}
    </div>
  );
}
