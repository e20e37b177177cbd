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

/** A restrained 中国红 accent on neutral ground: official, not loud. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#b8322a',
    colorLink: '#b8322a',
    colorInfo: '#1f5fa8',
    borderRadius: 6,
    fontFamily: FONT_FAMILY,
    colorBgLayout: '#f5f5f4',
  },
  components: {
    Layout: { siderBg: '#ffffff', headerBg: '#ffffff' },
    Menu: { itemSelectedBg: '#fbeae8', itemSelectedColor: '#9f2a23' },
    Table: { headerBg: '#fafaf9' },
  },
};
