import type { Permission } from '@yiting/domain';
import { useMe } from './useMe.ts';

/** Whether the current account may do this in the current body (from /me; the server checks again). */
export function usePermission(permission: Permission): boolean {
  const { data: me } = useMe();
  return !!me?.permissions.includes(permission);
}
