import { Button, Flex, Result, Typography } from 'antd';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { isApiError } from '../api/ApiError.ts';
import { useI18n } from '../i18n/useI18n.ts';

/** Shown when a page throws while rendering or loading: says so plainly and offers a way out. */
export function ErrorPage() {
  const error = useRouteError();
  const { t } = useI18n();
  const detail = isApiError(error)
    ? error.title
    : isRouteErrorResponse(error)
      ? `${error.status} ${error.statusText}`
      : error instanceof Error
        ? error.message
        : String(error);
  return (
    <Result
      status="error"
      title={t('errorPage.title')}
      subTitle={t('errorPage.text')}
      extra={
        <Flex vertical align="center" gap={16}>
          <Flex gap={8}>
            <Button type="primary" onClick={() => window.location.reload()}>
              {t('errorPage.reload')}
            </Button>
            <Button onClick={() => window.location.assign('/')}>{t('common.home')}</Button>
          </Flex>
          <Typography.Text type="secondary" code data-testid="error-detail">
            {detail}
          </Typography.Text>
        </Flex>
      }
    />
  );
}
