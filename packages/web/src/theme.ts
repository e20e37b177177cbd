import type { ThemeConfig } from 'antd';

/** CJK fonts first where the platform has them; Debian/Linux gets Noto Sans CJK. */
export const FONT_FAMILY = [
  '-apple-system',
  'BlinkMacSystemFont',
  "'Segoe UI'",
  "'PingFang SC'",
  "'Hiragino Sans GB'",
  "'Microsoft YaHei'",
  "'Noto Sans CJK SC'",
  "'Noto Sans SC'",
  "'Source Han Sans SC'",
  "'Helvetica Neue'",
  'Arial',
  'sans-serif',
].join(', ');

/**
 * 中国红 stays in the brand mark; controls are a deep blue, because a red focus ring reads as an error
 * in every form.
 */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1d5ba6',
    colorLink: '#1d5ba6',
    colorInfo: '#1d5ba6',
    borderRadius: 6,
    fontFamily: FONT_FAMILY,
    colorBgLayout: '#f5f5f4',
  },
  components: {
    Layout: { siderBg: '#ffffff', headerBg: '#ffffff' },
    Menu: { itemSelectedBg: '#e8f0fa', itemSelectedColor: '#174a88' },
    Table: { headerBg: '#fafaf9' },
  },
};
