import type { Permission } from '@yiting/domain';
import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/useI18n.ts';
import { usePermission } from './usePermission.ts';

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const allowed = usePermission(permission);
  const { t } = useI18n();
  if (!allowed) return <Result status="403" title={t('forbidden.title')} subTitle={t('forbidden.text')} />;
  return children;
}
