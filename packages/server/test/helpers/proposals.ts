import { randomBytes } from 'node:crypto';
import { searchText } from '@yiting/domain';
import { expect } from 'vitest';
import type { Db } from '../../src/db/client.ts';
import { memberships, people } from '../../src/db/schema.ts';
import { newId } from '../../src/ids.ts';
import { createAccount } from '../../src/usecases/accounts.ts';
import type { Client } from './app.ts';
import { TEST_PASSWORD } from './factories.ts';

/**
 * A person of the body with an account of their own: by default a member (委员) with a sector and the
 * submitting role; `role: 'leader'` for a leader, `role: null` for a person without a membership.
 */
export async function personWithAccount(
  db: Db,
  bodyId: string,
  name: string,
  {
    role = 'member',
    sector = '经济界',
    email,
  }: { role?: 'member' | 'leader' | null; sector?: string; email?: string } = {},
) {
  const personId = newId();
  await db.insert(people).values({ id: personId, bodyId, name, email, searchText: searchText(name) });
  if (role)
    await db
      .insert(memberships)
      .values({ id: newId(), bodyId, personId, role, ...(role === 'member' ? { sector } : {}) });
  const username = `p_${randomBytes(4).toString('hex')}`;
  await createAccount({
    db,
    username,
    password: TEST_PASSWORD,
    displayName: name,
    body: bodyId,
    roles: [role === 'leader' ? 'leader' : 'deputy'],
    personId,
    skipComplexity: true,
  });
  return { personId, name, user: { username, password: TEST_PASSWORD } };
}

/** A member (委员) of the body with a person record, a sector and an account of their own. */
export const member = (db: Db, bodyId: string, name: string, sector?: string) =>
  personWithAccount(db, bodyId, name, { sector });

/** Fires a proposal transition with the version read; returns the raw response. */
export const proposalTransition = (
  c: Client,
  p: { id: string; version: number },
  action: string,
  payload: unknown = {},
) => c.post(`/api/v1/proposals/${p.id}/transitions`, { action, payload }, { 'if-match': `"${p.version}"` });

/** Fires a proposal transition that must succeed; returns the proposal after it. */
export async function proposalAct(
  c: Client,
  p: { id: string; version: number },
  action: string,
  payload: unknown = {},
) {
  const res = await proposalTransition(c, p, action, payload);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return res.json();
}
