import { Result } from 'antd';
import { Navigate } from 'react-router';
import { useI18n } from '../i18n/useI18n.ts';
import { useMe } from '../modules/auth/useMe.ts';
import { NAVIGATION } from '../modules/layout/navigation.tsx';

/** The start page is the first section the account may open. */
export function HomeRedirect() {
  const { data: me } = useMe();
  const { t } = useI18n();
  const first = NAVIGATION.find((n) => me?.permissions.includes(n.permission));
  if (first) return <Navigate to={first.path} replace />;
  return <Result status="info" title={t('home.nothingTitle')} subTitle={t('home.nothingText')} />;
}
