import { CalendarOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useMe } from '../auth/useMe.ts';

type Scope = 'body' | 'personal';

/** An .ics subscription URL for calendar apps; making a new one revokes the previous one of that scope. */
export function CalendarFeedButton() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const [open, setOpen] = useState(false);
  const [scope, setScope] = useState<Scope>('body');
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [copied, setCopied] = useState(false);

  const create = async () => {
    setBusy(true);
    setError(null);
    setCopied(false);
    try {
      const res = await api.post<{ url: string }>('/calendar/feeds', { scope });
      setUrl(res.url);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // Clipboard refused (insecure origin, permissions): the URL stays selectable in the box.
      setCopied(false);
    }
  };

  return (
    <>
      <Button icon={<CalendarOutlined />} onClick={() => setOpen(true)}>
        {t('activities.subscribe')}
      </Button>
      <Modal
        open={open}
        title={t('activities.subscribe')}
        onCancel={() => setOpen(false)}
        footer={null}
        destroyOnHidden
        afterClose={() => {
          setUrl(null);
          setError(null);
        }}
      >
        <Typography.Paragraph type="secondary">{t('feed.intro')}</Typography.Paragraph>
        <Flex vertical gap={16}>
          <Radio.Group
            value={scope}
            onChange={(e) => {
              setScope(e.target.value as Scope);
              setUrl(null);
            }}
            options={[
              { value: 'body', label: t('feed.scope.body') },
              { value: 'personal', label: t('feed.scope.personal'), disabled: !me?.account.personId },
            ]}
          />
          {error ? <ErrorAlert error={error} /> : null}
          {url ? (
            <>
              <Space.Compact style={{ width: '100%' }}>
                <Input readOnly value={url} data-testid="feed-url" onFocus={(e) => e.target.select()} />
                <Button type="primary" onClick={copy}>
                  {copied ? t('feed.copied') : t('feed.copy')}
                </Button>
              </Space.Compact>
              <Alert type="warning" showIcon title={t('feed.secret')} />
            </>
          ) : (
            <Button type="primary" loading={busy} onClick={create} data-testid="feed-create">
              {t('feed.create')}
            </Button>
          )}
        </Flex>
      </Modal>
    </>
  );
}
