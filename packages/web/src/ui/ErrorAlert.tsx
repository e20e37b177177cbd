import { Alert } from 'antd';
import { isApiError } from '../api/ApiError.ts';
import { useI18n } from '../i18n/useI18n.ts';

/** Shows a failed request: the server's localized title, and its detail when there is one. */
export function ErrorAlert({ error, style }: { error: unknown; style?: React.CSSProperties }) {
  const { t } = useI18n();
  if (!error) return null;
  const title = isApiError(error) ? error.title : t('error.unexpected');
  const detail = isApiError(error) ? error.detail : error instanceof Error ? error.message : undefined;
  return <Alert type="error" showIcon title={title} description={detail} style={style} />;
}
