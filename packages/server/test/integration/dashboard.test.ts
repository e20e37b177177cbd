import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { trackedItems } from '../../src/db/schema.ts';
import { signIn, useTestApp } from '../helpers/app.ts';
import { engineUnavailable } from '../helpers/db.ts';
import { createTenant, createUnit } from '../helpers/factories.ts';
import { act, inDays, upload } from '../helpers/matters.ts';

describe.skipIf(engineUnavailable())('matters dashboard', () => {
  const t = useTestApp();

  it('counts by state, warning, source and unit, with on-time and closure rates, and lists what it counts', async () => {
    const tenant = await createTenant(t.db);
    const staff = await signIn(t.app, tenant.staff);
    const liaison = await signIn(t.app, tenant.liaison);
    const unit2 = await createUnit(t.db, tenant.body.id, { name: '市科技局-测试' });
    const make = async (title: string, source: string, leadUnitId?: string, deadline?: string) => {
      let m = (await staff.post('/api/v1/matters', { title, content: '内容', source })).json();
      if (leadUnitId) m = await act(staff, m, 'assign', { leadUnitId, deadline });
      return m;
    };
    await make('草稿', 'document');
    const a = await make('事项甲', 'research_finding', tenant.unit.id, inDays(30));
    await make('事项乙', 'meeting_decision', unit2.id, inDays(1));
    const c = await make('事项丙', 'meeting_decision', unit2.id, inDays(10));
    // One overdue matter: its deadline passed (set directly; the API refuses past deadlines).
    await t.db.update(trackedItems).set({ deadline: '2025-01-31' }).where(eq(trackedItems.id, c.id));

    let d = (await staff.get('/api/v1/dashboard/matters')).json();
    expect(d.total).toBe(4);
    expect(d.byState).toEqual(
      expect.arrayContaining([
        { state: 'draft', count: 1 },
        { state: 'assigned', count: 3 },
      ]),
    );
    expect(d.byWarning).toEqual([
      { level: 'green', count: 1 },
      { level: 'yellow', count: 1 },
      { level: 'red', count: 1 },
    ]);
    expect(d.bySource).toEqual(expect.arrayContaining([{ source: 'meeting_decision', count: 2 }]));
    const u2 = d.byUnit.find((u: { unitId: string }) => u.unitId === unit2.id);
    expect(u2).toMatchObject({
      total: 2,
      active: 2,
      overdue: 1,
      closed: 0,
      onTimeRate: null,
      closureRate: 0,
    });

    // Every figure is a list: the red count is the overdue list.
    const red = (await staff.get('/api/v1/matters?warning=red')).json().items;
    expect(red.map((m: { id: string }) => m.id)).toEqual([c.id]);
    const ofUnit = (await staff.get(`/api/v1/matters?unitId=${unit2.id}`)).json().items;
    expect(ofUnit).toHaveLength(u2.total);

    // Closing one changes the counts and the unit's rates.
    const file = await upload(liaison);
    let m = await act(liaison, a, 'receive');
    m = await act(liaison, m, 'submit_completion', { summary: '完成', evidenceFileIds: [file.json().id] });
    await act(staff, m, 'close_out');
    d = (await staff.get('/api/v1/dashboard/matters')).json();
    expect(d.byState).toEqual(
      expect.arrayContaining([
        { state: 'closed', count: 1 },
        { state: 'assigned', count: 2 },
      ]),
    );
    const u1 = d.byUnit.find((u: { unitId: string }) => u.unitId === tenant.unit.id);
    expect(u1).toMatchObject({ total: 1, closed: 1, closedOnTime: 1, onTimeRate: 1, closureRate: 1 });

    expect((await liaison.get('/api/v1/dashboard/matters')).statusCode).toBe(403);
  });
});
