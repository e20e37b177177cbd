import { Alert, Button, Drawer, Flex, Form, type FormInstance } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { isApiError } from '../api/ApiError.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { applyFieldErrors, type IssueLike, problemFieldErrors, zodFieldErrors } from './fieldErrors.ts';

/** The part of a shared zod schema a form uses (the web app does not import zod itself). */
export interface InputSchema<O> {
  safeParse(
    data: unknown,
    params?: { reportInput?: boolean },
  ): { success: true; data: O } | { success: false; error: { issues: readonly IssueLike[] } };
}

export interface DrawerForm<V> {
  form: FormInstance<V>;
  saving: boolean;
  error: unknown;
  /**
   * Checks `input` with the server's own schema (so the messages are the server's), sends it, and puts the
   * server's field errors (problem+json `errors[].path`) on the same fields. Undefined when refused.
   */
  submit: <O, T>(
    schema: InputSchema<O>,
    input: unknown,
    send: (data: O) => Promise<T>,
  ) => Promise<T | undefined>;
}

/**
 * The state of a form in a drawer: reset to `initial` each time it opens (pass a stable value: a memo or a
 * prop), saving, and the last error.
 */
export function useDrawerForm<V>(open: boolean, initial: Partial<V> | null | undefined): DrawerForm<V> {
  const { validation } = useI18n();
  const [form] = Form.useForm<V>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    // antd types the values deeply; the initial values are the form's own.
    if (initial) form.setFieldsValue(initial as Parameters<FormInstance<V>['setFieldsValue']>[0]);
  }, [open, initial, form]);

  const submit: DrawerForm<V>['submit'] = async (schema, input, send) => {
    setError(null);
    const parsed = schema.safeParse(input, { reportInput: true });
    if (!parsed.success) {
      applyFieldErrors(form, zodFieldErrors(parsed.error.issues, validation));
      return undefined;
    }
    setSaving(true);
    try {
      return await send(parsed.data);
    } catch (e) {
      if (isApiError(e) && e.errors.length) applyFieldErrors(form, problemFieldErrors(e));
      setError(e);
      return undefined;
    } finally {
      setSaving(false);
    }
  };

  return { form, saving, error, submit };
}

const isConflict = (e: unknown) => isApiError(e) && (e.status === 409 || e.status === 412);

/**
 * The shell of every create/edit drawer: title, the form (Enter in a field or Ctrl+Enter anywhere saves,
 * Esc closes), the error of the last save above the fields, Cancel and Save below. A stale version (409/412)
 * says so and offers to load the current one.
 */
export function FormDrawer<V>({
  state,
  open,
  title,
  size = 680,
  saveText,
  saveTestId,
  intro,
  onClose,
  onFinish,
  onReload,
  children,
}: {
  state: DrawerForm<V>;
  open: boolean;
  title: ReactNode;
  size?: number;
  saveText?: string;
  saveTestId?: string;
  /** Shown above the error and the fields (e.g. where a new matter comes from). */
  intro?: ReactNode;
  onClose: () => void;
  onFinish: (values: V) => void | Promise<void>;
  /** Offered when the save met a newer version: reload the record (the form resets to it). */
  onReload?: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const { form, saving, error } = state;
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={size}
      destroyOnHidden
      title={title}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid={saveTestId}>
            {saveText ?? t('common.save')}
          </Button>
        </Flex>
      }
    >
      <Form<V>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        disabled={saving}
        scrollToFirstError
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          if (e.ctrlKey || e.metaKey) {
            e.preventDefault();
            form.submit();
          } else if ((e.target as HTMLElement).closest('.ant-picker')) {
            // Enter in a date field takes the date typed; it does not send the whole form.
            e.preventDefault();
          }
        }}
      >
        {/* Enter in any single-line field submits, as in every other form. */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
        {intro}
        {isConflict(error) && onReload ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={isApiError(error) ? error.title : ''}
            description={t('form.conflictHint')}
            action={
              <Button size="small" onClick={onReload} data-testid="form-reload">
                {t('form.reload')}
              </Button>
            }
          />
        ) : error ? (
          <ErrorAlert error={error} style={{ marginBottom: 16 }} />
        ) : null}
        {children}
      </Form>
    </Drawer>
  );
}
