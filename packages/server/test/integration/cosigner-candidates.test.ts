import { searchText } from '@yiting/domain';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.ts';
import { memberships, people } from '../../src/db/schema.ts';
import { newId } from '../../src/ids.ts';
import { signIn, useTestApp } from '../helpers/app.ts';
import { engineUnavailable } from '../helpers/db.ts';
import { createTenant } from '../helpers/factories.ts';

async function person(db: Db, bodyId: string, name: string, role: string, sector: string | null = null) {
  const id = newId();
  await db.insert(people).values({ id, bodyId, name, searchText: searchText(name) });
  await db.insert(memberships).values({ id: newId(), bodyId, personId: id, role, sector });
  return id;
}

describe.skipIf(engineUnavailable())('co-signer candidates', () => {
  const t = useTestApp();

  it('answers a proposer the members and deputies by name or pinyin, names only, and nobody else', async () => {
    const { body, deputy, liaison } = await createTenant(t.db);
    const other = await createTenant(t.db);
    const wu = await person(t.db, body.id, '伍嘉豪', 'member', '经济界');
    const lin = await person(t.db, body.id, '林嘉怡', 'deputy');
    await person(t.db, body.id, '伍嘉明', 'staff');
    await person(t.db, other.body.id, '伍嘉欣', 'member');

    const c = await signIn(t.app, deputy);
    const res = await c.get(`/api/v1/proposals/cosigner-candidates?q=${encodeURIComponent('嘉')}`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; name: string; sector: string | null }[];
    // Staff of the office and another body's members are not candidates.
    expect(items.map((p) => p.id).sort()).toEqual([wu, lin].sort());
    expect(items.find((p) => p.id === wu)).toEqual({ id: wu, name: '伍嘉豪', sector: '经济界' });
    const byPinyin = await c.get('/api/v1/proposals/cosigner-candidates?q=wjh');
    expect(byPinyin.json().items.map((p: { id: string }) => p.id)).toEqual([wu]);

    const denied = await (await signIn(t.app, liaison)).get('/api/v1/proposals/cosigner-candidates?q=wjh');
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('forbidden');
  });
});
