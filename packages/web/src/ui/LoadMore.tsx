import { Button, Flex, Typography } from 'antd';
import { useI18n } from '../i18n/useI18n.ts';

export function LoadMore({
  shown,
  hasMore,
  loading,
  onLoad,
}: {
  shown: number;
  hasMore: boolean;
  loading: boolean;
  onLoad: () => void;
}) {
  const { t } = useI18n();
  if (shown === 0) return null;
  return (
    <Flex justify="center" align="center" gap={16} style={{ marginTop: 16 }}>
      <Typography.Text type="secondary">
        {t(hasMore ? 'list.shown' : 'list.shownAll', { n: shown })}
      </Typography.Text>
      {hasMore ? (
        <Button onClick={onLoad} loading={loading}>
          {t('list.loadMore')}
        </Button>
      ) : null}
    </Flex>
  );
}
