import { randomBytes } from 'node:crypto';
import { searchText } from '@yiting/domain';
import { expect } from 'vitest';
import type { Db } from '../../src/db/client.ts';
import { memberships, people } from '../../src/db/schema.ts';
import { newId } from '../../src/ids.ts';
import { createAccount } from '../../src/usecases/accounts.ts';
import type { Client } from './app.ts';
import { TEST_PASSWORD } from './factories.ts';

/** A member (委员) of the body with a person record, a sector and an account of their own. */
export async function member(db: Db, bodyId: string, name: string, sector = '经济界') {
  const personId = newId();
  await db.insert(people).values({ id: personId, bodyId, name, searchText: searchText(name) });
  await db.insert(memberships).values({ id: newId(), bodyId, personId, role: 'member', sector });
  const username = `m_${randomBytes(3).toString('hex')}`;
  await createAccount({
    db,
    username,
    password: TEST_PASSWORD,
    displayName: name,
    body: bodyId,
    roles: ['deputy'],
    personId,
    skipComplexity: true,
  });
  return { personId, name, user: { username, password: TEST_PASSWORD } };
}

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
