import { Flex, Typography } from 'antd';
import { useI18n } from '../../i18n/useI18n.ts';

export function BrandMark({ collapsed = false, size = 32 }: { collapsed?: boolean; size?: number }) {
  const { t } = useI18n();
  return (
    <Flex
      align="center"
      gap={10}
      style={{ height: 56, paddingInline: collapsed ? 24 : 20, overflow: 'hidden' }}
    >
      <div
        aria-hidden
        style={{
          width: size,
          height: size,
          flex: 'none',
          borderRadius: 8,
          background: 'linear-gradient(135deg, #b8322a, #8c1d18)',
          color: '#fff',
          display: 'grid',
          placeItems: 'center',
          fontWeight: 600,
          fontSize: size * 0.55,
        }}
      >
        议
      </div>
      {collapsed ? null : (
        <div style={{ lineHeight: 1.2 }}>
          <Typography.Text strong style={{ fontSize: 16, display: 'block' }}>
            {t('app.name')}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 11, whiteSpace: 'nowrap' }}>
            {t('app.tagline')}
          </Typography.Text>
        </div>
      )}
    </Flex>
  );
}
