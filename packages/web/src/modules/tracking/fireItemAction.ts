import { send } from '../../api/client.ts';

/** One transition of a tracked item, sent with the version read (If-Match): a stale page never overwrites. */
export async function fireItemAction<T>(
  path: string,
  item: { id: string; version: number },
  action: string,
  payload: Record<string, unknown>,
): Promise<T> {
  const res = await send(`${path}/${item.id}/transitions`, 'POST', {
    body: { action, payload },
    version: item.version,
  });
  return (await res.json()) as T;
}
