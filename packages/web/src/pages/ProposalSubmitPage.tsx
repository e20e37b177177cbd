import { useQueryClient } from '@tanstack/react-query';
import { type Proposal, ProposalInput } from '@yiting/domain';
import { Alert, App, Breadcrumb, Button, Card, Flex, Form, Input, InputNumber, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../api/ApiError.ts';
import { api } from '../api/client.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { useMe } from '../modules/auth/useMe.ts';
import { PersonPicker } from '../modules/matters/PersonPicker.tsx';
import { useProposalKind } from '../modules/proposals/useProposalKind.ts';
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
  cosignerIds?: string[];
  sessionTerm?: number | null;
  sessionMeeting?: number | null;
}

/** A member's or deputy's own proposal: written here, kept as a browser draft until it is sent. */
export function ProposalSubmitPage() {
  const { t, validation } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const kind = useProposalKind();
  const mobile = useIsMobile();
  const [form] = Form.useForm<Values>();
  const values = Form.useWatch([], form) as Values | undefined;
  const [saving, setSaving] = useState<'draft' | 'submit' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [restored, setRestored] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [showSession, setShowSession] = useState(false);
  const {
    load,
    clear,
    save: saveDraftNow,
  } = useDraft<Values>(`proposal.${me?.body?.id ?? ''}.${me?.account.id ?? ''}`, values, loaded);
  const k = kind === 'proposal' ? 'proposals' : 'suggestions';

  // The page may close between a keystroke and the render that saves it: save once more on the way out,
  // from the form's own store, which is always current.
  useEffect(() => {
    if (!loaded) return;
    const onHide = () => saveDraftNow(form.getFieldsValue(true) as Values);
    window.addEventListener('pagehide', onHide);
    return () => window.removeEventListener('pagehide', onHide);
  }, [loaded, form, saveDraftNow]);

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
    const input = {
      kind,
      title: v.title ?? '',
      content: v.content ?? '',
      ...(v.category?.trim() ? { category: v.category } : {}),
      ...(v.cosignerIds?.length ? { cosignerIds: v.cosignerIds } : {}),
      ...(v.sessionTerm ? { sessionTerm: v.sessionTerm } : {}),
      ...(v.sessionMeeting ? { sessionMeeting: v.sessionMeeting } : {}),
    };
    const parsed = ProposalInput.safeParse(input, { reportInput: true });
    if (!parsed.success) {
      applyFieldErrors(form, zodFieldErrors(parsed.error.issues, validation));
      return;
    }
    setSaving(submit ? 'submit' : 'draft');
    try {
      const created = await api.post<Proposal>('/proposals', parsed.data);
      // The server has it now: the browser copy would only resurrect a sent text.
      clear();
      let item = created;
      if (submit) {
        try {
          item = await fireItemAction<Proposal>('/proposals', created, 'submit', {});
        } catch (e) {
          // Kept as a draft on the server; its page says why it could not go on and offers "submit" again.
          message.warning(isApiError(e) ? e.title : t('error.unexpected'));
        }
      }
      await queryClient.invalidateQueries({
        predicate: (q) => String(q.queryKey[0]).startsWith('/proposals'),
      });
      message.success(t(submit && item.state !== 'draft' ? 'proposal.submitted' : 'proposal.draftSaved'));
      navigate(`/proposals/${item.id}`, { replace: true });
    } catch (e) {
      if (isApiError(e)) {
        const fields = problemFieldErrors(e);
        applyFieldErrors(form, fields);
        // The session is asked for only when the body has none set: open that part of the form.
        if (fields.some((f) => f.name[0] === 'sessionTerm' || f.name[0] === 'sessionMeeting'))
          setShowSession(true);
      }
      setError(e);
    } finally {
      setSaving(null);
    }
  };

  const contentLength = values?.content?.length ?? 0;

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/proposals">{t(`${k}.title`)}</Link> }, { title: t(`${k}.create`) }]}
      />
      <PageHeader title={t(`${k}.create`)} subtitle={t('proposal.draftHint')} />
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
            data-testid="draft-restored"
          />
        ) : null}
        {error ? <ErrorAlert error={error} style={{ marginBottom: 16 }} /> : null}
        <Form<Values> form={form} layout="vertical" disabled={!!saving} onFinish={() => save(true)}>
          <Form.Item name="title" label={t('proposal.title')} required>
            <Input maxLength={200} showCount data-testid="proposal-title" />
          </Form.Item>
          <Form.Item name="content" label={t('proposal.content')} required extra={t('proposal.contentHint')}>
            <Input.TextArea
              autoSize={{ minRows: mobile ? 8 : 10, maxRows: 24 }}
              maxLength={20000}
              data-testid="proposal-content"
            />
          </Form.Item>
          <Typography.Text
            type="secondary"
            style={{ display: 'block', marginTop: -16, marginBottom: 16, fontSize: 12 }}
          >
            {t('item.chars', { n: contentLength })}
          </Typography.Text>
          <Form.Item name="category" label={t('proposal.category')}>
            <Input maxLength={40} placeholder={t('proposal.categoryHint')} />
          </Form.Item>
          <Form.Item name="cosignerIds" label={t('proposal.cosigners')} extra={t('proposal.cosignersHint')}>
            <PersonPicker
              multiple
              source="cosigners"
              exclude={me?.account.personId ? [me.account.personId] : []}
              placeholder={t('proposal.cosignersPlaceholder')}
            />
          </Form.Item>
          {showSession ? (
            <Flex gap={8}>
              <Form.Item
                name="sessionTerm"
                label={t('proposal.sessionTerm')}
                extra={t('proposal.sessionHint')}
              >
                <InputNumber min={1} max={99} data-testid="proposal-term" />
              </Form.Item>
              <Form.Item name="sessionMeeting" label={t('proposal.sessionMeeting')}>
                <InputNumber min={1} max={99} data-testid="proposal-meeting" />
              </Form.Item>
            </Flex>
          ) : (
            <Button type="link" style={{ padding: 0, marginBottom: 16 }} onClick={() => setShowSession(true)}>
              {t('proposal.chooseSession')}
            </Button>
          )}
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
              block={mobile}
              size={mobile ? 'large' : 'middle'}
              data-testid="proposal-submit"
            >
              {t('proposal.submit')}
            </Button>
          </Flex>
        </Form>
      </Card>
    </>
  );
}
