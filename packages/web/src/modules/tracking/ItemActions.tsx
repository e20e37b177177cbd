import { App, Button, Card, Flex, Typography } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { useI18n } from '../../i18n/useI18n.ts';
import { ActionDialog, type ActionFormSpec, type PayloadSchema } from './ActionDialog.tsx';
import { useItemAction } from './useItemAction.ts';

/**
 * The buttons of what the current user may do now (the item's `actions`, decided by the server) and the
 * form of the one chosen. Shared by every tracked item type; the type supplies labels, forms and schemas.
 */
export function ItemActions<T extends { id: string; version: number; actions: string[] }>({
  path,
  item,
  title,
  actionLabel,
  formOf,
  schemaOf,
  primary,
  danger,
  mobile,
  intro,
  doneText,
  onDone,
}: {
  /** The API collection, e.g. `/proposals`. */
  path: string;
  item: T;
  title: string;
  actionLabel: (action: string) => string;
  formOf: (action: string) => ActionFormSpec;
  schemaOf: (action: string) => PayloadSchema;
  primary: readonly string[];
  danger: readonly string[];
  mobile: boolean;
  intro?: (action: string) => ReactNode;
  /** The message once done (default: "done: <action>"), e.g. with the state it led to. */
  doneText?: (next: T, action: string) => string;
  onDone?: (next: T, action: string) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const fire = useItemAction<T>(path);
  const [action, setAction] = useState<string | null>(null);
  const spec = useMemo(() => (action ? formOf(action) : { fields: [] }), [action, formOf]);
  const actions = [...item.actions].sort((a, b) => Number(primary.includes(b)) - Number(primary.includes(a)));
  if (!actions.length) return null;

  return (
    <>
      <Card size="small" style={{ marginBottom: 16 }} data-testid="item-actions">
        <Flex gap={8} wrap align="center" vertical={mobile}>
          <Typography.Text type="secondary" style={{ marginInlineEnd: 8 }}>
            {t('item.yourActions')}
          </Typography.Text>
          {actions.map((a) => (
            <Button
              key={a}
              type={primary.includes(a) ? 'primary' : 'default'}
              danger={danger.includes(a)}
              onClick={() => setAction(a)}
              data-action={a}
              block={mobile}
              size={mobile ? 'large' : 'middle'}
            >
              {actionLabel(a)}
            </Button>
          ))}
        </Flex>
      </Card>
      <ActionDialog
        key={action ?? ''}
        open={!!action}
        title={action ? `${actionLabel(action)}${t('punct.colon')}${title}` : ''}
        okText={action ? actionLabel(action) : ''}
        danger={!!action && danger.includes(action)}
        spec={spec}
        schema={action ? schemaOf(action) : { safeParse: () => ({ success: true, data: {} }) }}
        intro={action ? intro?.(action) : null}
        onClose={() => setAction(null)}
        onSubmit={async (payload) => {
          const a = action!;
          const next = await fire(item, a, payload);
          setAction(null);
          message.success(doneText ? doneText(next, a) : t('item.actionDone', { action: actionLabel(a) }));
          onDone?.(next, a);
        }}
      />
    </>
  );
}
