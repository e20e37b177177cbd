import { TranslationOutlined } from '@ant-design/icons';
import type { Locale } from '@yiting/domain';
import { Button, Dropdown } from 'antd';
import { useI18n } from '../../i18n/useI18n.ts';

const NAMES: Record<Locale, string> = { 'zh-CN': '中文', 'en-US': 'English' };

/** Language names are written in their own language so that either reader finds theirs. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [locale],
        items: (Object.keys(NAMES) as Locale[]).map((l) => ({ key: l, label: NAMES[l] })),
        onClick: ({ key }) => setLocale(key as Locale),
      }}
    >
      <Button
        type="text"
        icon={<TranslationOutlined />}
        aria-label={t('header.language')}
        data-testid="language-switch"
      >
        {NAMES[locale]}
      </Button>
    </Dropdown>
  );
}
