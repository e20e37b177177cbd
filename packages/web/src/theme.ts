import type { Locale } from '@yiting/domain';
import type { ThemeConfig } from 'antd';

const LATIN = ['-apple-system', 'BlinkMacSystemFont', "'Segoe UI'", 'Roboto', "'Helvetica Neue'", 'Arial'];
const CJK = [
  "'PingFang SC'",
  "'Hiragino Sans GB'",
  "'Microsoft YaHei'",
  "'Noto Sans CJK SC'",
  "'Noto Sans SC'",
  "'Source Han Sans SC'",
];

/**
 * Chinese text reads best with the CJK font setting Latin letters and digits too; English reads best in a
 * Latin font (CJK fonts draw ’ and “ full-width), with CJK names falling back to the CJK font.
 */
export function fontFamily(locale: Locale): string {
  const order = locale === 'en-US' ? [...LATIN, ...CJK] : [...LATIN.slice(0, 3), ...CJK, ...LATIN.slice(3)];
  return [...order, 'sans-serif'].join(', ');
}

/**
 * 中国红 stays in the brand mark; controls are a deep blue, because a red focus ring reads as an error
 * in every form.
 */
export function themeFor(locale: Locale): ThemeConfig {
  return {
    token: {
      colorPrimary: '#1d5ba6',
      colorLink: '#1d5ba6',
      colorInfo: '#1d5ba6',
      borderRadius: 6,
      fontFamily: fontFamily(locale),
      colorBgLayout: '#f5f5f4',
    },
    components: {
      Layout: { siderBg: '#ffffff', headerBg: '#ffffff' },
      Menu: { itemSelectedBg: '#e8f0fa', itemSelectedColor: '#174a88' },
      Table: { headerBg: '#fafaf9' },
    },
  };
}
