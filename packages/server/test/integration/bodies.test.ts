import { describe, expect, it } from 'vitest';
import { signIn, useTestApp } from '../helpers/app.ts';
import { engineUnavailable } from '../helpers/db.ts';
import { createBody, createUser } from '../helpers/factories.ts';

describe.skipIf(engineUnavailable())('bodies', () => {
  const t = useTestApp();

  it('lists the body and the bodies below it with their child counts, never those beside or above', async () => {
    const city = await createBody(t.db, { name: `市人大-${Date.now()}` });
    const county1 = await createBody(t.db, { parentId: city.id, level: 'county' });
    const county2 = await createBody(t.db, { parentId: city.id, level: 'county' });
    const town = await createBody(t.db, { parentId: county1.id, level: 'town', kind: 'town_npc_presidium' });
    const other = await createBody(t.db);
    const admin = await signIn(t.app, await createUser(t.db, city.id, ['admin']));
    const items = (await admin.get('/api/v1/bodies')).json().items as { id: string; childCount: number }[];
    const counts = Object.fromEntries(items.map((b) => [b.id, b.childCount]));
    expect(counts).toEqual({ [city.id]: 2, [county1.id]: 1, [county2.id]: 0, [town.id]: 0 });
    expect((await admin.get(`/api/v1/bodies/${other.id}`)).statusCode).toBe(404);
    const countyAdmin = await signIn(t.app, await createUser(t.db, county1.id, ['admin']));
    const below = (await countyAdmin.get('/api/v1/bodies')).json().items.map((b: { id: string }) => b.id);
    expect(below.sort()).toEqual([county1.id, town.id].sort());
    expect((await countyAdmin.get(`/api/v1/bodies/${city.id}`)).statusCode).toBe(404);
  });
});
