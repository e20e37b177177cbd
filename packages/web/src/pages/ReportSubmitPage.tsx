import {
  countChars,
  DEFAULT_REPORT_CONFIG,
  OpinionReportInput,
  REPORT_SUBMITTER_KINDS,
} from '@yiting/domain';
import { Breadcrumb, Form, Input, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../i18n/useI18n.ts';
import { useMe } from '../modules/auth/useMe.ts';
import { usePermission } from '../modules/auth/usePermission.ts';
import { ItemSubmitForm } from '../modules/tracking/ItemSubmitForm.tsx';
import {
  SubmitterFields,
  type SubmitterValues,
  submitterInput,
} from '../modules/tracking/SubmitterFields.tsx';
import { useIsMobile } from '../modules/tracking/useIsMobile.ts';
import { PageHeader } from '../ui/PageHeader.tsx';

interface Values extends SubmitterValues {
  title?: string;
  content?: string;
  category?: string;
}

/**
 * A member's public-opinion report: short by rule (the body's limit, 1,500 characters by default); or the
 * office entering one received on paper, for a member or for an organisation (党派, 界别, …).
 */
export function ReportSubmitPage() {
  const { t, label, validation } = useI18n();
  const { data: me } = useMe();
  const office = usePermission('opinion.manage');
  const mobile = useIsMobile();
  const [form] = Form.useForm<Values>();
  const content = Form.useWatch('content', form) as string | undefined;
  // The server counts the same way (whitespace not counted) and refuses a longer report on submission.
  const max = DEFAULT_REPORT_CONFIG.maxChars;
  const chars = countChars(content ?? '');

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/opinion-reports">{t('nav.reports')}</Link> },
          { title: t('reports.create') },
        ]}
      />
      <PageHeader title={t('reports.create')} subtitle={t('proposal.draftHint')} />
      <ItemSubmitForm<Values>
        form={form}
        draftKey={`report.${me?.body?.id ?? ''}.${me?.account.id ?? ''}`}
        path="/opinion-reports"
        schema={OpinionReportInput}
        toInput={(v) => ({
          title: v.title ?? '',
          content: v.content ?? '',
          ...(v.category?.trim() ? { category: v.category } : {}),
          ...(office ? submitterInput(v, validation('required')).input : {}),
        })}
        check={(v, submit) => [
          ...(office ? submitterInput(v, validation('required')).errors : []),
          ...(submit && countChars(v.content ?? '') > max
            ? [{ name: ['content'], errors: [validation('report_too_long')] }]
            : []),
        ]}
        submitText={t('report.submit')}
        submittedText={t('report.submitted')}
        submitDisabled={chars > max}
        submitTestId="report-submit"
      >
        {office ? (
          <SubmitterFields
            memberLabel={label('reportSubmitterKind', 'member')}
            personLabel={t('report.author')}
            kinds={REPORT_SUBMITTER_KINDS.filter((s) => s !== 'member').map((s) => ({
              value: s,
              label: label('reportSubmitterKind', s),
            }))}
          />
        ) : null}
        <Form.Item name="title" label={t('report.title')} required>
          <Input maxLength={200} data-testid="report-title" />
        </Form.Item>
        <Form.Item name="content" label={t('report.content')} required>
          <Input.TextArea autoSize={{ minRows: mobile ? 8 : 10, maxRows: 24 }} data-testid="report-content" />
        </Form.Item>
        <Typography.Text
          type={chars > max ? 'danger' : 'secondary'}
          style={{ display: 'block', marginTop: -16, marginBottom: 16, fontSize: 12 }}
          data-testid="report-counter"
          aria-live="polite"
        >
          {t('item.charsOf', { n: chars, max })}
          {chars > max ? ` ${t('report.overBy', { n: chars - max })}` : ''}
        </Typography.Text>
        <Form.Item name="category" label={t('report.category')}>
          <Input maxLength={40} />
        </Form.Item>
      </ItemSubmitForm>
    </>
  );
}
