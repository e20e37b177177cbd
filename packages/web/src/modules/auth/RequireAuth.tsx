import { Navigate, Outlet, useLocation } from 'react-router';
import { FullPageSpin } from '../../ui/FullPageSpin.tsx';
import { useMe } from './useMe.ts';

/** Routes below need a session; without one, go to the sign-in page and come back afterwards. */
export function RequireAuth() {
  const { data: me, isPending, error } = useMe();
  const location = useLocation();
  if (isPending) return <FullPageSpin />;
  if (error) throw error;
  if (!me) return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  return <Outlet />;
}
