import type { Matter, MatterAction } from '@yiting/domain';
import { send } from '../../api/client.ts';

/** One transition, sent with the version read (If-Match): a stale page gets 412/409, never a lost update. */
export async function fireMatterAction(
  matter: Pick<Matter, 'id' | 'version'>,
  action: MatterAction,
  payload: Record<string, unknown>,
): Promise<Matter> {
  const res = await send(`/matters/${matter.id}/transitions`, 'POST', {
    body: { action, payload },
    version: matter.version,
  });
  return (await res.json()) as Matter;
}
