import { codeLabel, type ProposalKind, proposalLabel } from '@yiting/domain';
import { Flex, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n/useI18n.ts';

/** The list filters behind the statistics' figures that have no control of their own in the list's bar. */
export const PROPOSAL_STATISTICS_KEYS = [
  'year',
  'received',
  'accepted',
  'submitterKind',
  'reply',
  'rating',
  'resultCategory',
] as const;
export const REPORT_STATISTICS_KEYS = [
  'year',
  'submitted',
  'adopted',
  'adoptedLevel',
  'instructed',
  'instructedLevel',
] as const;

type Values = Partial<Record<string, string | undefined>>;

/**
 * The statistics' filters a list was opened with (a figure's link), each as a tag that can be removed:
 * the list says which set it shows, though its filter bar has no field for these.
 */
export function StatisticsFilterTags({
  value,
  onChange,
  kind = 'proposal',
}: {
  value: Values;
  onChange: (next: Values) => void;
  kind?: ProposalKind;
}) {
  const { t, label, locale } = useI18n();
  const flag = (v: string, yes: string, no: string) => (v === 'false' ? no : yes);
  const text: Record<string, (v: string) => string> = {
    year: (year) => t('listFilter.year', { year }),
    received: () => t('listFilter.received'),
    accepted: () => proposalLabel(kind, 'proposalState', 'accepted', locale),
    submitterKind: (v) => t('listFilter.submitterKind', { value: label('submitterKind', v) }),
    reply: (v) => t(`listFilter.reply.${v as 'any' | 'on_time' | 'late'}`),
    rating: (v) => t(`listFilter.rating.${v as 'any' | 'satisfied' | 'unsatisfied'}`),
    resultCategory: (v) => t('listFilter.resultCategory', { value: codeLabel('resultCategory', v, locale) }),
    submitted: () => t('listFilter.submitted'),
    adopted: (v) => flag(v, t('listFilter.adopted'), t('listFilter.notAdopted')),
    adoptedLevel: (v) => t('report.adoptedAt', { level: label('reportLevel', v) }),
    instructed: (v) => flag(v, t('listFilter.instructed'), t('listFilter.notInstructed')),
    instructedLevel: (v) => t('listFilter.instructedLevel', { level: label('instructionLevel', v) }),
  };
  const tags = Object.keys(text).filter((k) => value[k]);
  if (!tags.length) return null;
  const remove = (k: string) => onChange({ ...value, [k]: undefined });

  return (
    <Flex gap={6} wrap align="center" style={{ marginBottom: 12 }} data-testid="statistics-filters">
      <Typography.Text type="secondary">{t('listFilter.title')}</Typography.Text>
      {tags.map((k) => (
        <Tag key={k} color="blue" closable onClose={() => remove(k)} data-filter={k}>
          {text[k]!(value[k]!)}
        </Tag>
      ))}
    </Flex>
  );
}
