import { describe, expect, it } from 'vitest';
import { signIn, useTestApp } from '../helpers/app.ts';
import { engineUnavailable } from '../helpers/db.ts';
import { createTenant } from '../helpers/factories.ts';

describe.skipIf(engineUnavailable())('activities, records and the chain to matters', () => {
  const t = useTestApp();

  it('records a research group with visits, a report with findings, and turns a problem into a matter', async () => {
    const tenant = await createTenant(t.db);
    const staff = await signIn(t.app, tenant.staff);
    const leader = (await staff.post('/api/v1/people', { name: '凌传茂', position: '副主任' })).json();
    const member = (
      await staff.post('/api/v1/people', {
        name: '崔岩',
        memberships: [{ role: 'deputy', deputyLevel: 'national' }],
      })
    ).json();

    const research = await staff.post('/api/v1/activities', {
      type: 'research',
      title: '创新驱动专题调研',
      field: '创新驱动',
      leaderPersonId: leader.id,
      organiserUnitId: tenant.unit.id,
      startsAt: '2025-08-05T09:00:00+08:00',
      endsAt: '2025-10-30T17:00:00+08:00',
      participants: [
        { personId: leader.id, role: 'leader' },
        { personId: member.id, role: 'invited_deputy', attendance: 'excused' },
      ],
    });
    expect(research.statusCode).toBe(201);
    const r = research.json();
    expect(r).toMatchObject({ leaderName: '凌传茂', organiserUnitName: tenant.unit.name, childCount: 0 });
    expect(
      r.participants.map((p: { personName: string; attendance: string }) => [p.personName, p.attendance]),
    ).toEqual([
      ['凌传茂', 'present'],
      ['崔岩', 'excused'],
    ]);

    const visit = await staff.post('/api/v1/activities', {
      type: 'visit',
      parentId: r.id,
      title: '走访中创新航',
      place: '江门市江海区',
      startsAt: '2025-08-12T09:30:00+08:00',
    });
    expect(visit.statusCode).toBe(201);
    expect((await staff.get(`/api/v1/activities/${r.id}`)).json().childCount).toBe(1);
    const top = (await staff.get('/api/v1/activities?topLevel=true')).json().items;
    expect(top.map((a: { id: string }) => a.id)).toEqual([r.id]);
    const children = (await staff.get(`/api/v1/activities?parentId=${r.id}`)).json().items;
    expect(children.map((a: { title: string }) => a.title)).toEqual(['走访中创新航']);

    const report = (
      await staff.post(`/api/v1/activities/${r.id}/records`, {
        kind: 'report',
        title: '创新驱动调研报告',
        content: '报告全文',
      })
    ).json();
    const achievement = await staff.post(`/api/v1/activities/${r.id}/records`, {
      kind: 'finding',
      parentId: report.id,
      nature: 'achievement',
      content: '全过程创新生态链初步构建',
    });
    expect(achievement.statusCode).toBe(201);
    const problem = (
      await staff.post(`/api/v1/activities/${r.id}/records`, {
        kind: 'finding',
        parentId: report.id,
        nature: 'problem',
        content: '创新链与产业链融合不足、科技成果转化效率不高',
        sortOrder: 2,
      })
    ).json();
    const noNature = await staff.post(`/api/v1/activities/${r.id}/records`, {
      kind: 'finding',
      content: 'x',
    });
    expect(noNature.statusCode).toBe(400);
    expect(noNature.json().errors).toEqual([{ path: 'nature', message: '请注明是成效还是问题' }]);

    const matter = await staff.post('/api/v1/matters', {
      title: '推动创新链与产业链深度融合',
      content: problem.content,
      source: 'research_finding',
      sourceRecordId: problem.id,
      supervisorPersonId: leader.id,
    });
    expect(matter.statusCode).toBe(201);
    expect(matter.json()).toMatchObject({
      sourceActivityId: r.id,
      sourceActivityTitle: '创新驱动专题调研',
      supervisorName: '凌传茂',
    });
    const records = (await staff.get(`/api/v1/activities/${r.id}/records`)).json().items;
    const p = records.find((x: { id: string }) => x.id === problem.id);
    expect(p.matterIds).toEqual([matter.json().id]);
    const fromActivity = (await staff.get(`/api/v1/matters?sourceActivityId=${r.id}`)).json().items;
    expect(fromActivity).toHaveLength(1);

    // The full chain: research → report → finding → matter and its timeline.
    const chain = (await staff.get(`/api/v1/matters/${matter.json().id}/chain`)).json();
    expect(chain.activities.map((a: { title: string }) => a.title)).toEqual(['创新驱动专题调研']);
    expect(chain.activities[0].leaderName).toBe('凌传茂');
    expect(chain.records.map((x: { kind: string }) => x.kind)).toEqual(['report', 'finding']);
    expect(chain.records[1].content).toBe('创新链与产业链融合不足、科技成果转化效率不高');
    expect(chain.events.map((e: { action: string }) => e.action)).toEqual(['create']);
  });

  it('refuses references to other bodies and inverted dates, and keeps versions', async () => {
    const a = await createTenant(t.db);
    const b = await createTenant(t.db);
    const staffA = await signIn(t.app, a.staff);
    const staffB = await signIn(t.app, b.staff);
    const personB = (await staffB.post('/api/v1/people', { name: '王五' })).json();
    const bad = await staffA.post('/api/v1/activities', {
      type: 'thematic_meeting',
      title: '加快培育发展新质生产力',
      startsAt: '2025-11-13T09:00:00+08:00',
      endsAt: '2025-11-12T09:00:00+08:00',
      organiserUnitId: b.unit.id,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(['endsAt']);
    const bad2 = await staffA.post('/api/v1/activities', {
      type: 'thematic_meeting',
      title: '加快培育发展新质生产力',
      startsAt: '2025-11-13T09:00:00+08:00',
      organiserUnitId: b.unit.id,
      participants: [{ personId: personB.id, role: 'member' }],
    });
    expect(bad2.statusCode).toBe(400);
    expect(bad2.json().errors.map((e: { path: string }) => e.path)).toEqual(['organiserUnitId']);
    const ok = (
      await staffA.post('/api/v1/activities', {
        type: 'thematic_meeting',
        title: '新质生产力',
        startsAt: '2025-11-13T09:00:00+08:00',
      })
    ).json();
    expect((await staffB.get(`/api/v1/activities/${ok.id}`)).statusCode).toBe(404);
    expect(
      (await staffB.post(`/api/v1/activities/${ok.id}/records`, { kind: 'speech', content: 'x' })).statusCode,
    ).toBe(404);
    const upd = await staffA.patch(`/api/v1/activities/${ok.id}`, { status: 'held' }, { 'if-match': '"1"' });
    expect(upd.json()).toMatchObject({ status: 'held', version: 2 });
    expect(
      (await staffA.patch(`/api/v1/activities/${ok.id}`, { status: 'held' }, { 'if-match': '"1"' }))
        .statusCode,
    ).toBe(409);
    const deputy = await signIn(t.app, a.deputy);
    expect((await deputy.get('/api/v1/activities')).statusCode).toBe(200);
    expect(
      (
        await deputy.post('/api/v1/activities', {
          type: 'other',
          title: 'x',
          startsAt: '2025-11-13T09:00:00+08:00',
        })
      ).statusCode,
    ).toBe(403);
  });
});
