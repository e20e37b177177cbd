import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, type FormInstance } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { isApiError } from '../../api/ApiError.ts';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import {
  applyFieldErrors,
  type FieldError,
  problemFieldErrors,
  zodFieldErrors,
} from '../../ui/fieldErrors.ts';
import type { PayloadSchema } from './ActionDialog.tsx';
import { fireItemAction } from './fireItemAction.ts';
import { useDraft } from './useDraft.ts';
import { useIsMobile } from './useIsMobile.ts';

/**
 * A new proposal's or report's form, as both are written: kept as a browser draft while typed (restored
 * on return, cleared once the server has it), then created and, unless only saved as a draft, submitted
 * (a refused submission leaves a server draft whose page says why). The page brings the fields and the
 * input they make; this checks it with the create schema first, so the server's answer rarely surprises.
 */
export function ItemSubmitForm<V extends object>({
  form,
  draftKey,
  path,
  schema,
  toInput,
  check,
  submitText,
  submittedText,
  submitDisabled,
  submitTestId,
  onFieldErrors,
  children,
}: {
  form: FormInstance<V>;
  /** The browser draft's key: per body and account. */
  draftKey: string;
  /** The API collection, e.g. `/proposals`; the new item opens at the same path in the app. */
  path: string;
  schema: PayloadSchema;
  toInput: (values: V) => unknown;
  /** Rules beyond the schema (the office's choice of submitter, the report's length on submission). */
  check?: (values: V, submit: boolean) => FieldError[];
  submitText: string;
  submittedText: string;
  submitDisabled?: boolean;
  submitTestId?: string;
  /** The server's field errors, e.g. for the page to open a hidden part of the form. */
  onFieldErrors?: (fields: FieldError[]) => void;
  children: ReactNode;
}) {
  const { t, validation } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const mobile = useIsMobile();
  const values = Form.useWatch([], form) as V | undefined;
  const [saving, setSaving] = useState<'draft' | 'submit' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [restored, setRestored] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const { load, clear, save: saveDraftNow } = useDraft<V>(draftKey, values, loaded);

  // The page may close between a keystroke and the render that saves it: save once more on the way out,
  // from the form's own store, which is always current.
  useEffect(() => {
    if (!loaded) return;
    const onHide = () => saveDraftNow(form.getFieldsValue(true) as V);
    window.addEventListener('pagehide', onHide);
    return () => window.removeEventListener('pagehide', onHide);
  }, [loaded, form, saveDraftNow]);

  useEffect(() => {
    const saved = load();
    if (saved) {
      form.setFieldsValue(saved as Parameters<typeof form.setFieldsValue>[0]);
      setRestored(true);
    }
    setLoaded(true);
  }, [load, form]);

  const save = async (submit: boolean) => {
    setError(null);
    const v = form.getFieldsValue(true) as V;
    const parsed = schema.safeParse(toInput(v), { reportInput: true });
    const errors = [
      ...(parsed.success ? [] : zodFieldErrors(parsed.error.issues, validation)),
      ...(check?.(v, submit) ?? []),
    ];
    if (errors.length || !parsed.success) {
      applyFieldErrors(form, errors);
      return;
    }
    setSaving(submit ? 'submit' : 'draft');
    try {
      const created = await api.post<{ id: string; version: number; state: string }>(path, parsed.data);
      // The server has it now: the browser copy would only resurrect a sent text.
      clear();
      let item = created;
      if (submit) {
        try {
          item = await fireItemAction<typeof created>(path, created, 'submit', {});
        } catch (e) {
          // Kept as a draft on the server; its page says why it could not go on and offers "submit" again.
          message.warning(isApiError(e) ? e.title : t('error.unexpected'));
        }
      }
      await queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith(path) });
      message.success(submit && item.state !== 'draft' ? submittedText : t('proposal.draftSaved'));
      navigate(`${path}/${item.id}`, { replace: true });
    } catch (e) {
      if (isApiError(e)) {
        const fields = problemFieldErrors(e);
        applyFieldErrors(form, fields);
        onFieldErrors?.(fields);
      }
      setError(e);
    } finally {
      setSaving(null);
    }
  };

  return (
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
      <Form<V>
        form={form}
        layout="vertical"
        disabled={!!saving}
        onFinish={() => save(true)}
        // A field's error (the schema's, the server's) goes once the field is changed.
        onValuesChange={(changed: object) => {
          const cleared: FieldError[] = Object.keys(changed).map((name) => ({ name: [name], errors: [] }));
          form.setFields(cleared as Parameters<FormInstance<V>['setFields']>[0]);
        }}
      >
        {children}
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
            disabled={submitDisabled}
            block={mobile}
            size={mobile ? 'large' : 'middle'}
            data-testid={submitTestId}
          >
            {submitText}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
