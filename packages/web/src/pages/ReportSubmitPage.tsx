import { useQueryClient } from '@tanstack/react-query';
import { countChars, DEFAULT_REPORT_CONFIG, type OpinionReport, OpinionReportInput } from '@yiting/domain';
import { Alert, App, Breadcrumb, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../api/ApiError.ts';
import { api } from '../api/client.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { useMe } from '../modules/auth/useMe.ts';
import { fireItemAction } from '../modules/tracking/fireItemAction.ts';
import { useDraft } from '../modules/tracking/useDraft.ts';
import { useIsMobile } from '../modules/tracking/useIsMobile.ts';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { applyFieldErrors, problemFieldErrors, zodFieldErrors } from '../ui/fieldErrors.ts';
import { PageHeader } from '../ui/PageHeader.tsx';

interface Values {
  title?: string;
  content?: string;
  category?: string;
}

/** A member's public-opinion report: short by rule (the body's limit, 1,500 characters by default). */
export function ReportSubmitPage() {
  const { t, validation } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const mobile = useIsMobile();
  const [form] = Form.useForm<Values>();
  const values = Form.useWatch([], form) as Values | undefined;
  const [saving, setSaving] = useState<'draft' | 'submit' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [restored, setRestored] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const { load, clear } = useDraft<Values>(
    `report.${me?.body?.id ?? ''}.${me?.account.id ?? ''}`,
    values,
    loaded,
  );
  // The server counts the same way (whitespace not counted) and refuses a longer report on submission.
  const max = DEFAULT_REPORT_CONFIG.maxChars;
  const chars = countChars(values?.content ?? '');

  useEffect(() => {
    const saved = load();
    if (saved) {
      form.setFieldsValue(saved);
      setRestored(true);
    }
    setLoaded(true);
  }, [load, form]);

  const save = async (submit: boolean) => {
    setError(null);
    const v = form.getFieldsValue(true) as Values;
    const parsed = OpinionReportInput.safeParse(
      {
        title: v.title ?? '',
        content: v.content ?? '',
        ...(v.category?.trim() ? { category: v.category } : {}),
      },
      { reportInput: true },
    );
    if (!parsed.success) {
      applyFieldErrors(form, zodFieldErrors(parsed.error.issues, validation));
      return;
    }
    if (submit && chars > max) {
      applyFieldErrors(form, [{ name: ['content'], errors: [validation('report_too_long')] }]);
      return;
    }
    setSaving(submit ? 'submit' : 'draft');
    try {
      const created = await api.post<OpinionReport>('/opinion-reports', parsed.data);
      clear();
      let item = created;
      if (submit) {
        try {
          item = await fireItemAction<OpinionReport>('/opinion-reports', created, 'submit', {});
        } catch (e) {
          message.warning(isApiError(e) ? e.title : t('error.unexpected'));
        }
      }
      await queryClient.invalidateQueries({
        predicate: (q) => String(q.queryKey[0]).startsWith('/opinion-reports'),
      });
      message.success(t(submit && item.state !== 'draft' ? 'report.submitted' : 'proposal.draftSaved'));
      navigate(`/opinion-reports/${item.id}`, { replace: true });
    } catch (e) {
      if (isApiError(e)) applyFieldErrors(form, problemFieldErrors(e));
      setError(e);
    } finally {
      setSaving(null);
    }
  };

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
      <Card styles={mobile ? { body: { padding: 12 } } : undefined} style={{ maxWidth: 860 }}>
        {restored ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('proposal.draftRestored')}
            action={
              <Button
                size="small"
                onClick={() => {
                  clear();
                  form.resetFields();
                  setRestored(false);
                }}
              >
                {t('proposal.discardDraft')}
              </Button>
            }
          />
        ) : null}
        {error ? <ErrorAlert error={error} style={{ marginBottom: 16 }} /> : null}
        <Form<Values> form={form} layout="vertical" disabled={!!saving} onFinish={() => save(true)}>
          <Form.Item name="title" label={t('report.title')} required>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="content" label={t('report.content')} required>
            <Input.TextArea
              autoSize={{ minRows: mobile ? 8 : 10, maxRows: 24 }}
              data-testid="report-content"
            />
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
          <Flex gap={8} vertical={mobile} justify="flex-end">
            <Button
              onClick={() => save(false)}
              loading={saving === 'draft'}
              block={mobile}
              size={mobile ? 'large' : 'middle'}
            >
              {t('proposal.saveDraft')}
            </Button>
            <Button
              type="primary"
              htmlType="submit"
              loading={saving === 'submit'}
              disabled={chars > max}
              block={mobile}
              size={mobile ? 'large' : 'middle'}
            >
              {t('report.submit')}
            </Button>
          </Flex>
        </Form>
      </Card>
    </>
  );
}
