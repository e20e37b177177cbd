import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { trackedItems } from '../../src/db/schema.ts';
import { itemSearchText } from '../../src/tracking/search.ts';
import { signIn, useTestApp } from '../helpers/app.ts';
import { engineUnavailable } from '../helpers/db.ts';
import { createTenant, createUnit, createUser } from '../helpers/factories.ts';
import { inDays, PDF, transition, upload } from '../helpers/matters.ts';

describe.skipIf(engineUnavailable())('matters through the HTTP API', () => {
  const t = useTestApp();

  it('walks a matter from draft to closed out, with a return, and records every step on its timeline', async () => {
    const tenant = await createTenant(t.db);
    const staff = await signIn(t.app, tenant.staff);
    const liaison = await signIn(t.app, tenant.liaison);

    const created = await staff.post('/api/v1/matters', {
      title: '科技成果转化效率不高',
      content: '调研发现：科技成果转化效率不高，概念验证与中试平台不足。',
      source: 'research_finding',
      requirements: '三个月内提出整改措施并报送进展',
    });
    expect(created.statusCode).toBe(201);
    let m = created.json();
    expect(m).toMatchObject({
      state: 'draft',
      version: 1,
      actions: expect.arrayContaining(['assign', 'cancel']),
    });

    // The liaison cannot see a matter not assigned to its unit.
    expect((await liaison.get(`/api/v1/matters/${m.id}`)).statusCode).toBe(404);

    let res = await transition(staff, { id: m.id, version: 1 }, 'assign', {
      leadUnitId: tenant.unit.id,
      unitLeaders: { [tenant.unit.id]: '王建国（副局长）' },
      deadline: inDays(30),
    });
    expect(res.statusCode).toBe(200);
    m = res.json();
    expect(m.state).toBe('assigned');
    expect(m.number).toMatch(/督〔\d{4}〕1号$/);
    expect(m.units).toEqual([
      {
        unitId: tenant.unit.id,
        unitName: tenant.unit.name,
        role: 'lead',
        responsibleLeader: '王建国（副局长）',
      },
    ]);

    const seen = await liaison.get(`/api/v1/matters/${m.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().actions).toEqual(['receive', 'object']);
    const list = (await liaison.get('/api/v1/matters')).json();
    expect(list.items.map((x: { id: string }) => x.id)).toEqual([m.id]);

    res = await transition(liaison, m, 'receive');
    m = res.json();
    expect(m.state).toBe('received');
    // A transition leaves the search text as the indexer wrote it (title on the first line, for ranking).
    const [row] = await t.db.select().from(trackedItems).where(eq(trackedItems.id, m.id));
    expect(row!.searchText).toBe(itemSearchText({ title: m.title, content: m.content, number: m.number }));
    res = await transition(liaison, m, 'report_progress', {
      measures: '已制定中试平台建设方案',
      status: 'in_progress',
    });
    m = res.json();
    expect(m.state).toBe('in_rectification');

    // Completion without evidence is refused by the rule, and nothing changes.
    res = await transition(liaison, m, 'submit_completion', { summary: '已完成' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'rule_failed',
      errors: [{ path: 'payload.evidenceFileIds', message: '办结须上传整改佐证材料' }],
    });
    expect((await liaison.get(`/api/v1/matters/${m.id}`)).json().version).toBe(m.version);

    const file = await upload(liaison);
    expect(file.statusCode).toBe(201);
    res = await transition(liaison, m, 'submit_completion', {
      summary: '中试平台已挂牌',
      evidenceFileIds: [file.json().id],
    });
    m = res.json();
    expect(m.state).toBe('completion_submitted');

    res = await transition(staff, m, 'return', { reason: '佐证材料不足，请补充运营数据' });
    m = res.json();
    expect(m).toMatchObject({ state: 'in_rectification', returnCount: 1 });

    res = await transition(liaison, m, 'submit_completion', {
      summary: '补充了运营数据',
      evidenceFileIds: [file.json().id],
    });
    m = res.json();
    res = await transition(staff, m, 'close_out', { comment: '同意销号' });
    m = res.json();
    expect(m.state).toBe('closed');
    expect(m.closedAt).not.toBeNull();
    expect(m.warning).toBeNull();

    const events = (await staff.get(`/api/v1/matters/${m.id}/events`)).json().items;
    expect(events.map((e: { action: string }) => e.action)).toEqual([
      'create',
      'assign',
      'receive',
      'report_progress',
      'submit_completion',
      'return',
      'submit_completion',
      'close_out',
    ]);
    expect(events[4].files).toEqual([
      { id: file.json().id, name: '整改佐证.pdf', size: PDF.length, mime: 'application/pdf' },
    ]);
    expect(events.map((e: { seq: number }) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);

    // The evidence file downloads for the office.
    const dl = await staff.get(`/api/v1/files/${file.json().id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(PDF)).toBe(true);
  });

  it('refuses wrong role, wrong unit, wrong state, stale version and bad references, changing nothing', async () => {
    const tenant = await createTenant(t.db);
    const other = await createTenant(t.db);
    const staff = await signIn(t.app, tenant.staff);
    const liaison = await signIn(t.app, tenant.liaison);
    const otherUnit = await createUnit(t.db, tenant.body.id);
    const otherLiaison = await signIn(
      t.app,
      await createUser(t.db, tenant.body.id, ['liaison'], { unitId: otherUnit.id }),
    );
    const deputy = await signIn(t.app, tenant.deputy);

    const m = (
      await staff.post('/api/v1/matters', {
        title: '跨区域交通互联互通不足',
        content: '见调研报告',
        source: 'research_finding',
      })
    ).json();

    // A deputy may not even read matters; a liaison may not create them.
    expect((await deputy.get('/api/v1/matters')).statusCode).toBe(403);
    expect(
      (await liaison.post('/api/v1/matters', { title: 'xx', content: 'yy', source: 'document' })).statusCode,
    ).toBe(403);

    // Deadline in the past; a unit of another body; an unknown action; a malformed payload.
    let res = await transition(staff, { id: m.id, version: 1 }, 'assign', {
      leadUnitId: tenant.unit.id,
      deadline: '2020-01-01',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ path: 'payload.deadline', message: '期限不能早于今天' }]);
    res = await transition(staff, { id: m.id, version: 1 }, 'assign', { leadUnitId: other.unit.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'payload.leadUnitId', message: '单位不存在' }]);
    res = await transition(staff, { id: m.id, version: 1 }, 'fly_away');
    expect(res.statusCode).toBe(400);
    res = await transition(staff, { id: m.id, version: 1 }, 'assign', { leadUnitId: 'not-a-uuid' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('payload.leadUnitId');

    // Wrong role: a liaison cannot assign (it cannot even see a draft).
    res = await transition(liaison, { id: m.id, version: 1 }, 'assign', { leadUnitId: tenant.unit.id });
    expect(res.statusCode).toBe(404);

    res = await transition(staff, { id: m.id, version: 1 }, 'assign', {
      leadUnitId: tenant.unit.id,
      deadline: inDays(20),
    });
    expect(res.statusCode).toBe(200);

    // Stale version; wrong state; wrong unit; wrong party.
    res = await transition(liaison, { id: m.id, version: 1 }, 'receive');
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('version_conflict');
    res = await transition(staff, { id: m.id, version: 2 }, 'close_out');
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('invalid_state');
    res = await transition(otherLiaison, { id: m.id, version: 2 }, 'receive');
    expect(res.statusCode).toBe(404);
    res = await transition(staff, { id: m.id, version: 2 }, 'receive');
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('transition_not_allowed');
    // An evidence file that does not exist.
    await transition(liaison, { id: m.id, version: 2 }, 'receive');
    res = await transition(liaison, { id: m.id, version: 3 }, 'submit_completion', {
      summary: '完成',
      evidenceFileIds: ['01900000-0000-7000-8000-000000000abc'],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toEqual({ path: 'payload.evidenceFileIds.0', message: '文件不存在' });

    const after = (await staff.get(`/api/v1/matters/${m.id}`)).json();
    expect(after).toMatchObject({ state: 'received', version: 3 });
    const events = (await staff.get(`/api/v1/matters/${m.id}/events`)).json().items;
    expect(events).toHaveLength(3);
  });

  it('handles an objection by reassignment, an extension, and a failed then passed vote', async () => {
    const tenant = await createTenant(t.db);
    const staff = await signIn(t.app, tenant.staff);
    const wrongUnit = await createUnit(t.db, tenant.body.id, { kind: 'department' });
    const wrongLiaison = await signIn(
      t.app,
      await createUser(t.db, tenant.body.id, ['liaison'], { unitId: wrongUnit.id }),
    );
    const liaison = await signIn(t.app, tenant.liaison);
    let m = (
      await staff.post('/api/v1/matters', {
        title: '涉侨企业融资支持待加强',
        content: '调研发现',
        source: 'meeting_decision',
      })
    ).json();
    m = (await transition(staff, m, 'assign', { leadUnitId: wrongUnit.id })).json();
    expect(m.deadline).toBe(inDays(20)); // meeting decisions: 20 days by default
    m = (await transition(wrongLiaison, m, 'object', { reason: '不属于本单位职责' })).json();
    expect(m.state).toBe('objected');
    expect((await transition(staff, m, 'reassign', { leadUnitId: wrongUnit.id })).statusCode).toBe(422);
    m = (await transition(staff, m, 'reassign', { leadUnitId: tenant.unit.id })).json();
    expect(m.state).toBe('assigned');
    expect((await wrongLiaison.get(`/api/v1/matters/${m.id}`)).statusCode).toBe(404);
    m = (await transition(liaison, m, 'receive')).json();
    m = (
      await transition(liaison, m, 'request_extension', {
        until: inDays(60),
        reason: '需协调省级部门',
      })
    ).json();
    expect(m.pendingExtension).toMatchObject({ until: inDays(60) });
    m = (await transition(staff, m, 'approve_extension')).json();
    expect(m).toMatchObject({ deadline: inDays(60), extensionCount: 1, pendingExtension: null });
    const file = (await upload(liaison)).json();
    const submit = async () =>
      (
        await transition(liaison, m, 'submit_completion', {
          summary: '已完成',
          evidenceFileIds: [file.id],
        })
      ).json();
    m = await submit();
    m = (await transition(staff, m, 'record_vote', { satisfied: 10, unsatisfied: 25 })).json();
    expect(m).toMatchObject({ state: 'in_rectification', voteFailures: 1, accountability: false });
    m = await submit();
    m = (await transition(staff, m, 'record_vote', { satisfied: 10, unsatisfied: 25 })).json();
    expect(m).toMatchObject({ voteFailures: 2, accountability: true });
    m = await submit();
    m = (await transition(staff, m, 'record_vote', { satisfied: 30, unsatisfied: 5 })).json();
    expect(m.state).toBe('closed');
  });

  it('filters by state and warning level, and refuses uploads by content type and size', async () => {
    const tenant = await createTenant(t.db);
    const staff = await signIn(t.app, tenant.staff);
    const mk = async (title: string, deadline?: string) => {
      let m = (await staff.post('/api/v1/matters', { title, content: '内容', source: 'document' })).json();
      if (deadline)
        m = (await transition(staff, m, 'assign', { leadUnitId: tenant.unit.id, deadline })).json();
      return m;
    };
    const green = await mk('正常事项', inDays(30));
    const yellow = await mk('临期事项', inDays(2));
    await mk('草稿事项');
    const ids = async (q: string) =>
      (await staff.get(`/api/v1/matters?${q}`)).json().items.map((x: { id: string }) => x.id);
    expect(await ids('warning=green')).toEqual([green.id]);
    expect(await ids('warning=yellow')).toEqual([yellow.id]);
    expect(await ids('state=draft')).toHaveLength(1);
    expect((await staff.get(`/api/v1/matters/${yellow.id}`)).json().warning).toBe('yellow');

    const fake = await upload(staff, '伪装.pdf', Buffer.from('MZ this is not a pdf'));
    expect(fake.statusCode).toBe(415);
    expect(fake.json().errors[0].path).toBe('file');
    const exe = await upload(staff, 'tool.exe', Buffer.from('MZ'));
    expect(exe.statusCode).toBe(415);
  });

  it('also dismisses an objection, refuses an extension, urges, reopens and cancels through the API', async () => {
    const tenant = await createTenant(t.db);
    const staff = await signIn(t.app, tenant.staff);
    const liaison = await signIn(t.app, tenant.liaison);
    const leader = await signIn(t.app, tenant.leader);
    const ok = async (res: Awaited<ReturnType<typeof transition>>) => {
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    let m = (
      await staff.post('/api/v1/matters', {
        title: '安全生产隐患整改',
        content: '执法检查发现',
        source: 'inspection_finding',
      })
    ).json();
    m = await ok(await transition(staff, m, 'assign', { leadUnitId: tenant.unit.id, deadline: inDays(30) }));
    m = await ok(await transition(liaison, m, 'object', { reason: '不属于本单位职责' }));
    // A liaison cannot rule on its own objection; the office dismisses it and the unit must handle it.
    expect((await transition(liaison, m, 'dismiss_objection', { reason: '职责明确' })).statusCode).toBe(403);
    m = await ok(await transition(staff, m, 'dismiss_objection', { reason: '经核实属于该单位职责' }));
    expect(m.state).toBe('assigned');
    m = await ok(await transition(staff, m, 'urge', { message: '请尽快签收办理' }));
    expect(m.state).toBe('assigned');
    m = await ok(await transition(liaison, m, 'receive'));
    m = await ok(
      await transition(liaison, m, 'request_extension', { until: inDays(90), reason: '需省级部门配合' }),
    );
    m = await ok(await transition(leader, m, 'reject_extension', { reason: '期限内可完成' }));
    expect(m).toMatchObject({ pendingExtension: null, extensionCount: 0, deadline: inDays(30) });
    const file = (await upload(liaison)).json();
    m = await ok(
      await transition(liaison, m, 'submit_completion', { summary: '已整改', evidenceFileIds: [file.id] }),
    );
    m = await ok(await transition(leader, m, 'close_out'));
    expect((await transition(liaison, m, 'reopen', { reason: '问题反弹' })).statusCode).toBe(403);
    m = await ok(await transition(leader, m, 'reopen', { reason: '回头看发现问题反弹' }));
    expect(m).toMatchObject({ state: 'in_rectification', closedAt: null });

    let d = (
      await staff.post('/api/v1/matters', {
        title: '重复交办事项',
        content: '与前一事项重复',
        source: 'document',
      })
    ).json();
    d = await ok(await transition(staff, d, 'cancel', { reason: '重复交办' }));
    expect(d.state).toBe('cancelled');
    expect(d.actions).toEqual([]);
    expect((await transition(staff, d, 'assign', { leadUnitId: tenant.unit.id })).statusCode).toBe(409);
  });
});
