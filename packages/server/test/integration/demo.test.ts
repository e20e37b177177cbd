import { PROPOSAL_STATES } from '@yiting/domain';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit.ts';
import { bodies } from '../../src/db/schema.ts';
import { DEMO_ACCOUNTS } from '../../src/demo/accounts.ts';
import { DEMO_BODIES } from '../../src/demo/bodies.ts';
import { isDemoLoaded, loadDemo } from '../../src/demo/index.ts';
import { RESEARCH_FIELDS } from '../../src/demo/npc-year.ts';
import { demoPeople } from '../../src/demo/people.ts';
import {
  DEPARTMENTS,
  JOINT_MEETING_DEPARTMENTS,
  NPC_SPECIAL_COMMITTEES,
  SECTORS,
} from '../../src/demo/units.ts';
import { type Client, signIn, useTestApp } from '../helpers/app.ts';
import { engineUnavailable } from '../helpers/db.ts';
import { createTenant } from '../helpers/factories.ts';

const PASSWORD = 'demo-pass';

interface Item {
  id: string;
  name: string;
  [k: string]: unknown;
}

/** Every item of a list, following the cursor (lists never return more than 200 at a time). */
async function all(c: Client, url: string): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | null = null;
  do {
    const sep = url.includes('?') ? '&' : '?';
    const res = await c.get(`${url}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    items.push(...body.items);
    cursor = body.nextCursor;
  } while (cursor);
  return items;
}

/** The day in China of an ISO instant. */
const cstDate = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
const fullName = (shortName: string) => DEPARTMENTS.find((d) => d.shortName === shortName)!.name;

interface RecordOut {
  id: string;
  kind: string;
  nature: string | null;
  title: string | null;
  content: string;
  personName: string | null;
  responderUnitName: string | null;
  response: string | null;
  rating: string | null;
  parentId: string | null;
  matterIds: string[];
}

interface MembershipOut {
  role: string;
  title: string | null;
  deputyLevel: string | null;
  delegation: string | null;
  sector: string | null;
  unitName: string | null;
  termId: string | null;
}

describe.skipIf(engineUnavailable())('demo data set (yiting demo)', () => {
  const t = useTestApp();
  let admin: Client;
  let npcId: string;
  let cppccId: string;

  beforeAll(async () => {
    // The test database is shared with other tenants; the demo must load beside them.
    await createTenant(t.db);
    expect(await isDemoLoaded(t.db)).toBe(false);
    const summary = await loadDemo(t.db, { adminPassword: PASSWORD });
    expect(summary).toContain('admin');
    expect(await isDemoLoaded(t.db)).toBe(true);
    admin = await signIn(t.app, { username: 'admin', password: PASSWORD });
    const me = (await admin.get('/api/v1/me')).json();
    npcId = me.bodies.find((b: Item) => b.name === '江门市人民代表大会常务委员会').id;
    cppccId = me.bodies.find((b: Item) => b.name === '中国人民政治协商会议江门市委员会').id;
  }, 600_000);

  it('has the three-level congresses below the city Standing Committee, with their terms', async () => {
    const me = (await admin.get('/api/v1/me')).json();
    expect(me.body.id).toBe(npcId);
    expect(me.bodies.map((b: { roles: string[] }) => b.roles)).toEqual([['admin'], ['admin']]);
    const list = await all(admin, '/api/v1/bodies');
    const level = (l: string) => list.filter((b) => b.level === l);
    expect(level('city').map((b) => b.name)).toEqual(['江门市人民代表大会常务委员会']);
    expect(level('county')).toHaveLength(7);
    expect(level('county').every((b) => b.kind === 'npc_standing_committee' && b.parentId === npcId)).toBe(
      true,
    );
    expect(level('town')).toHaveLength(12);
    expect(level('town').every((b) => b.kind === 'town_npc_presidium')).toBe(true);
    const terms = (await admin.get('/api/v1/terms')).json().items;
    expect(terms).toEqual([
      expect.objectContaining({
        number: 16,
        name: '江门市第十六届人民代表大会',
        startDate: '2022-01-06',
        endDate: '2027-01-05',
      }),
    ]);
  });

  it('shares the government departments of the joint meeting with both bodies as handling units', async () => {
    const depts = await all(admin, '/api/v1/units?kind=department');
    expect(depts.length).toBeGreaterThanOrEqual(JOINT_MEETING_DEPARTMENTS.length);
    expect(depts.every((u) => u.shared === true && u.bodyName === '江门市人民政府')).toBe(true);
    expect(depts.map((u) => u.shortName)).toEqual(expect.arrayContaining(JOINT_MEETING_DEPARTMENTS));
    const own = await all(admin, '/api/v1/units?includeShared=false');
    const kind = (k: string) => own.filter((u) => u.kind === k).map((u) => u.name);
    expect(kind('special_committee')).toEqual(NPC_SPECIAL_COMMITTEES);
    expect(kind('working_committee')).toContain('法制工作委员会');
    expect(kind('office')).toContain('常委会办公室');
    expect(kind('working_team')).toEqual(['江门市助力加快建设现代化产业体系联席会议综合工作专班']);
    expect(kind('delegation')).toHaveLength(7);
    const team = await admin.get(`/api/v1/units?q=${encodeURIComponent('综合工作专班')}`);
    expect(team.json().items).toHaveLength(1);

    const switched = await admin.post('/api/v1/me/body', { bodyId: cppccId });
    expect(switched.statusCode).toBe(200);
    try {
      const cppccUnits = await all(admin, '/api/v1/units');
      const sectors = cppccUnits.filter((u) => u.kind === 'sector_group').map((u) => u.name);
      expect(sectors).toEqual(SECTORS.map((s) => s.name));
      expect(cppccUnits.filter((u) => u.kind === 'special_committee').map((u) => u.name)).toContain(
        '提案委员会',
      );
      expect(cppccUnits.filter((u) => u.kind === 'department' && u.shared)).toHaveLength(depts.length);
    } finally {
      await admin.post('/api/v1/me/body', { bodyId: npcId });
    }
  });

  it('registers deputies of all five levels, with their delegations', async () => {
    const count: Record<string, number> = {};
    for (const level of ['national', 'province', 'city', 'county', 'town']) {
      const people = await all(admin, `/api/v1/people?role=deputy&deputyLevel=${level}`);
      count[level] = people.length;
      for (const p of people) {
        const m = (p.memberships as MembershipOut[]).find(
          (x) => x.role === 'deputy' && x.deputyLevel === level,
        );
        expect(m?.delegation, p.name).toBeTruthy();
      }
    }
    expect(count).toEqual({ national: 5, province: 20, city: 400, county: 100, town: 60 });

    const city = await all(admin, '/api/v1/people?role=deputy&deputyLevel=city');
    const byDelegation = new Map<string, number>();
    for (const p of city) {
      const m = (p.memberships as MembershipOut[]).find((x) => x.deputyLevel === 'city')!;
      expect(m.unitName).toBe(m.delegation);
      expect(m.termId).toBeTruthy();
      byDelegation.set(m.delegation!, (byDelegation.get(m.delegation!) ?? 0) + 1);
    }
    expect(byDelegation.size).toBe(7);
    expect(byDelegation.get('新会区代表团')).toBe(80);

    const find = async (q: string) =>
      (await admin.get(`/api/v1/people?q=${encodeURIComponent(q)}`)).json().items;
    const [cui] = await find('崔岩');
    expect(cui.memberships[0]).toMatchObject({
      role: 'deputy',
      deputyLevel: 'national',
      delegation: '广东代表团',
    });
    const [xu] = await find('xuxiyan');
    expect(xu.name).toBe('徐锡彦');
    expect(xu.memberships[0].deputyLevel).toBe('province');
  });

  it('finds 凌传茂 by his pinyin initials, a leader of the Standing Committee and a city deputy', async () => {
    const items = (await admin.get('/api/v1/people?q=lcm')).json().items;
    expect(items.map((p: Item) => p.name)).toEqual(['凌传茂']);
    const roles = (items[0].memberships as MembershipOut[]).map((m) => [m.role, m.title ?? m.deputyLevel]);
    expect(roles).toEqual([
      ['leader', '党组副书记、副主任'],
      ['deputy', 'city'],
    ]);
    const leaders = await all(admin, '/api/v1/people?role=leader');
    expect(leaders.length).toBeGreaterThanOrEqual(7);
    const committee = await all(admin, '/api/v1/people?role=committee_member');
    expect(committee).toHaveLength(40);
    expect(
      committee.every((p) => (p.memberships as MembershipOut[]).some((m) => m.deputyLevel === 'city')),
    ).toBe(true);
    const liaisons = await all(admin, '/api/v1/people?role=liaison');
    expect(liaisons.length).toBeGreaterThanOrEqual(JOINT_MEETING_DEPARTMENTS.length);
    expect((await all(admin, '/api/v1/people?role=expert')).length).toBeGreaterThan(0);
    expect((await all(admin, '/api/v1/people?role=staff')).length).toBeGreaterThan(0);
  });

  it('gives every CPPCC member a sector, about 450 in all', async () => {
    await admin.post('/api/v1/me/body', { bodyId: cppccId });
    try {
      const members = await all(admin, '/api/v1/people?role=member');
      expect(members).toHaveLength(SECTORS.reduce((s, x) => s + x.members, 0));
      expect(members.length).toBeGreaterThanOrEqual(430);
      for (const p of members) {
        const m = (p.memberships as MembershipOut[]).find((x) => x.role === 'member')!;
        expect(m.sector).toBeTruthy();
        expect(m.unitName).toBe(m.sector);
      }
      const zhigong = await all(admin, `/api/v1/people?role=member&sector=${encodeURIComponent('致公党')}`);
      expect(zhigong).toHaveLength(SECTORS.find((s) => s.name === '致公党')!.members);
      const chair = await all(admin, '/api/v1/people?role=leader');
      expect(chair.length).toBeGreaterThanOrEqual(8);
      expect(await all(admin, '/api/v1/people?role=committee_member')).toHaveLength(60);
    } finally {
      await admin.post('/api/v1/me/body', { bodyId: npcId });
    }
  });

  it('signs every demo account in with its roles, bodies and person', async () => {
    const bodyIdOf = (key: string) => (key === 'npc' ? npcId : key === 'cppcc' ? cppccId : '');
    const [tech] = (await admin.get(`/api/v1/units?q=${encodeURIComponent('市科技局')}`)).json().items;
    for (const a of DEMO_ACCOUNTS) {
      const c = await signIn(t.app, { username: a.username, password: PASSWORD });
      const me = (await c.get('/api/v1/me')).json();
      expect(me.body.id, a.username).toBe(bodyIdOf(a.grants[0]!.body));
      expect(
        me.bodies.map((b: { id: string; roles: string[] }) => [b.id, b.roles]),
        a.username,
      ).toEqual(a.grants.map((g) => [bodyIdOf(g.body), [g.role]]));
      if (a.person) {
        expect(me.account.personId, a.username).toBeTruthy();
        const person = await admin.get(`/api/v1/people/${me.account.personId}`);
        if (a.grants[0]!.body === 'npc') expect(person.json().name).toBe(me.account.displayName);
      } else {
        expect(me.account.personId).toBeNull();
      }
      if (a.username === 'liaison') expect(me.unitId).toBe(tech.id);
    }
    const leader = await signIn(t.app, { username: 'leader', password: PASSWORD });
    expect((await leader.get('/api/v1/me')).json().account.displayName).toBe('凌传茂');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'deputy', password: 'not-the-password' },
    });
    expect(wrong.statusCode).toBe(401);
  });

  it('records one audit entry per body for the load, on an intact chain', async () => {
    const entries = (await admin.get('/api/v1/audit?action=demo.load')).json().items;
    expect(entries).toHaveLength(1);
    expect(entries[0].after).toMatchObject({
      name: '江门市人民代表大会常务委员会',
      people: expect.any(Number),
    });
    expect(entries[0].after.people).toBeGreaterThan(600);
    expect((await verifyAuditChain(t.db, npcId)).ok).toBe(true);
    expect((await verifyAuditChain(t.db, cppccId)).ok).toBe(true);
  });

  describe("the Standing Committee's 2025 (the supervision chain)", () => {
    const records = async (activityId: string): Promise<RecordOut[]> => {
      const res = await admin.get(`/api/v1/activities/${activityId}/records`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items;
    };

    it('has 8 research groups in the 8 fields, each led by a leader, with visits in every county', async () => {
      const groups = await all(admin, '/api/v1/activities?type=research&topLevel=true');
      expect(groups).toHaveLength(8);
      expect(groups.map((g) => g.field).sort()).toEqual(
        [
          '创新驱动',
          '空间保障',
          '人力资源',
          '新质生产力',
          '侨务优势',
          '生活服务',
          '安全生产',
          '陈皮全产业链发展',
        ].sort(),
      );
      const leaders = (await all(admin, '/api/v1/people?role=leader')).map((p) => p.name);
      const counties = new Set<string>();
      for (const g of groups) {
        expect(leaders, g.field as string).toContain(g.leaderName);
        const visits = await all(admin, `/api/v1/activities?parentId=${g.id}`);
        expect(visits.length, g.field as string).toBeGreaterThanOrEqual(4);
        expect(visits.every((v) => v.type === 'visit' && v.leaderPersonId === g.leaderPersonId)).toBe(true);
        for (const v of visits) counties.add((v.place as string).slice(0, 3));
        const recs = await records(g.id);
        const report = recs.find((r) => r.kind === 'report')!;
        expect(report.title).toMatch(/调研报告$/);
        const findings = recs.filter((r) => r.kind === 'finding');
        expect(findings.every((f) => f.parentId === report.id)).toBe(true);
        expect(findings.some((f) => f.nature === 'achievement')).toBe(true);
        // Every problem found became a matter (会议交办问题).
        const problems = findings.filter((f) => f.nature === 'problem');
        expect(problems.length).toBeGreaterThanOrEqual(3);
        expect(problems.every((f) => f.matterIds.length === 1)).toBe(true);
      }
      expect([...counties].sort()).toEqual([
        '台山市',
        '开平市',
        '恩平市',
        '新会区',
        '江海区',
        '蓬江区',
        '鹤山市',
      ]);
      const innovation = groups.find((g) => g.field === '创新驱动')!;
      const titles = (await records(innovation.id)).map((r) => r.title);
      expect(titles).toEqual(expect.arrayContaining(['创新链与产业链融合不足', '科技成果转化效率不高']));
      const overseas = groups.find((g) => g.field === '侨务优势')!;
      expect((await records(overseas.id)).map((r) => r.title)).toEqual(
        expect.arrayContaining([
          '侨务资源转化机制不完善',
          '涉侨企业融资支持待加强',
          '“侨都赋能”工程成效明显',
        ]),
      );
      const space = groups.find((g) => g.field === '空间保障')!;
      expect((await records(space.id)).map((r) => r.title)).toContain('跨区域交通互联互通不足');
    });

    it('has the joint meeting: first plenary on 2025-07-21 adopting its rules, member units, 7 thematic meetings', async () => {
      const [joint, ...more] = await all(admin, '/api/v1/activities?type=joint_meeting');
      expect(more).toHaveLength(0);
      expect(joint!.title).toBe('江门市助力加快建设现代化产业体系联席会议');
      const units = (joint!.participants as { unitName: string | null; role: string }[])
        .filter((p) => p.role === 'member_unit')
        .map((p) => p.unitName);
      expect(units).toEqual(
        expect.arrayContaining([
          fullName('市发展改革局'),
          fullName('市科技局'),
          fullName('市工业和信息化局'),
          '财政经济委员会',
          '预算工作委员会',
        ]),
      );
      expect(units.filter((u) => u?.startsWith('江门市')).length).toBeGreaterThanOrEqual(10);

      const children = await all(admin, `/api/v1/activities?parentId=${joint!.id}`);
      const plenaries = children.filter((c) => c.type === 'plenary_session');
      expect(cstDate(plenaries[0]!.startsAt as string)).toBe('2025-07-21');
      expect(plenaries[0]!.leaderName).toBe('凌传茂');
      const first = await records(plenaries[0]!.id);
      expect(first.filter((r) => r.kind === 'rule').map((r) => r.title)).toEqual([
        '江门市助力加快建设现代化产业体系联席会议运行机制',
        '江门市助力加快建设现代化产业体系联席会议工作规则',
      ]);
      expect(first.find((r) => r.kind === 'speech')?.personName).toBe('凌传茂');

      const thematic = await all(admin, '/api/v1/activities?type=thematic_meeting');
      expect(thematic).toHaveLength(7);
      expect(thematic.every((m) => m.parentId === joint!.id)).toBe(true);
      expect(children.filter((c) => c.type === 'thematic_meeting')).toHaveLength(7);
    });

    it('records the 新质生产力 meeting of 2025-11-13: 崔岩 and 徐锡彦 suggest, departments answer', async () => {
      const thematic = await all(admin, '/api/v1/activities?type=thematic_meeting');
      const meeting = thematic.find((m) => m.field === '新质生产力')!;
      expect(cstDate(meeting.startsAt as string)).toBe('2025-11-13');
      expect(meeting.title).toContain('加快培育发展新质生产力');
      const suggestions = (await records(meeting.id)).filter((r) => r.kind === 'suggestion');
      const cui = suggestions.find((r) => r.personName === '崔岩')!;
      expect(cui.content).toContain('侨乡文化数字孪生平台');
      expect(cui.responderUnitName).toBe(fullName('市文化广电旅游体育局'));
      expect(cui.response).toBeTruthy();
      const xu = suggestions.find((r) => r.personName === '徐锡彦')!;
      expect(xu.content).toContain('概念验证与中试平台');
      expect(xu.responderUnitName).toBe(fullName('市科技局'));
      expect(xu.matterIds).toHaveLength(1);
      expect(suggestions.every((s) => s.responderUnitName && s.response)).toBe(true);
    });

    it('records the 生活服务 report hearing with its deliberation opinion and special inquiry', async () => {
      const [hearing] = await all(admin, '/api/v1/activities?type=report_hearing');
      expect(hearing!.field).toBe('生活服务');
      const recs = await records(hearing!.id);
      const opinion = recs.find((r) => r.kind === 'deliberation_opinion')!;
      expect(opinion.matterIds).toHaveLength(3);
      const [inquiry] = await all(admin, `/api/v1/activities?parentId=${hearing!.id}`);
      expect(inquiry!.type).toBe('special_inquiry');
      const questions = await records(inquiry!.id);
      expect(questions.length).toBeGreaterThanOrEqual(5);
      expect(
        questions.every((q) => q.kind === 'question' && q.personName && q.responderUnitName && q.rating),
      ).toBe(true);
      expect(new Set(questions.map((q) => q.rating))).toEqual(
        new Set(['satisfied', 'basically_satisfied', 'unsatisfied']),
      );
    });

    it("records the deputies' year: national deputies at 中创新航, 鹤山隆基, 汉宇集团; 约见市长; 专题视察", async () => {
      const deputyWork = await all(admin, '/api/v1/activities?type=deputy_activity');
      const national = deputyWork.find((a) => (a.title as string).startsWith('在粤全国人大代表'))!;
      expect(cstDate(national.startsAt as string)).toBe('2025-07-28');
      expect(cstDate(national.endsAt as string)).toBe('2025-07-29');
      const visits = await all(admin, `/api/v1/activities?parentId=${national.id}`);
      expect(visits.map((v) => v.title)).toEqual(['中创新航', '鹤山隆基', '汉宇集团']);
      const mayor = deputyWork.find((a) => (a.title as string).includes('约见市长'))!;
      expect(mayor.title).toContain('第三十二次');
      expect(mayor.description).toContain('打造一流营商环境，增强企业发展信心');
      expect(deputyWork.some((a) => (a.title as string).includes('代表主题活动'))).toBe(true);
      const [inspection] = await all(admin, '/api/v1/activities?type=inspection');
      expect(inspection!.title).toBe('以大型赛事助推体育经济发展专题视察');
      // The demo deputy (何美玲) has a duty record: a visit in her own town and the meeting with the mayor.
      const [he] = (await admin.get(`/api/v1/people?q=${encodeURIComponent('何美玲')}`)).json().items;
      const hers = await all(admin, `/api/v1/activities?personId=${he.id}`);
      expect(hers.map((a) => a.title)).toEqual(['棠下镇村级工业园改造和科创园区', mayor.title]);
    });

    it("has matters in every state, some overdue, some closed, with the year's detours", async () => {
      const byState: Record<string, Item[]> = {};
      for (const state of [
        'draft',
        'assigned',
        'objected',
        'received',
        'in_rectification',
        'completion_submitted',
        'closed',
        'cancelled',
      ]) {
        byState[state] = await all(admin, `/api/v1/matters?state=${state}`);
        expect(byState[state]!.length, state).toBeGreaterThan(0);
        expect(byState[state]!.every((m) => m.state === state)).toBe(true);
      }
      const matters = Object.values(byState).flat();
      expect(matters.length).toBeGreaterThanOrEqual(40);
      expect(matters.length).toBeLessThanOrEqual(60);
      const sources = new Set(matters.map((m) => m.source));
      for (const s of ['research_finding', 'meeting_decision', 'deliberation_opinion', 'inquiry_followup'])
        expect(sources).toContain(s);
      expect(matters.some((m) => (m.returnCount as number) > 0)).toBe(true);
      expect(matters.filter((m) => m.extensionCount === 1)).toHaveLength(1);
      expect(matters.filter((m) => (m.voteFailures as number) > 0)).toHaveLength(1);
      // Supervisors are the research groups' leaders (and the joint meeting's, for its own decisions).
      const leaders = new Set((await all(admin, '/api/v1/people?role=leader')).map((p) => p.name));
      expect(matters.every((m) => leaders.has(m.supervisorName as string))).toBe(true);
      // Numbered notices for everything that was assigned, in the body's own 代字.
      expect(byState.closed!.every((m) => /^江人大督〔2025〕\d+号$/.test(m.number as string))).toBe(true);
      const overdue = await all(admin, '/api/v1/matters?overdue=true');
      expect(overdue.length).toBeGreaterThan(0);
      const today = cstDate(new Date().toISOString());
      expect(overdue.every((m) => (m.deadline as string) < today)).toBe(true);
      for (const level of ['green', 'yellow']) {
        const live = await all(admin, `/api/v1/matters?warning=${level}`);
        expect(live.length, level).toBeGreaterThan(0);
        expect(live.every((m) => (m.deadline as string) >= today)).toBe(true);
      }

      const dash = (await admin.get('/api/v1/dashboard/matters')).json();
      const warn = (l: string) => dash.byWarning.find((w: { level: string }) => w.level === l).count;
      expect(warn('red')).toBeGreaterThan(0);
      expect(warn('green')).toBeGreaterThan(0);
      expect(dash.byState.find((s: { state: string }) => s.state === 'closed').count).toBe(
        byState.closed!.length,
      );
      expect(dash.total).toBe(matters.length);
      const tech = dash.byUnit.find((u: { unitName: string }) => u.unitName === fullName('市科技局'));
      expect(tech.closed).toBeGreaterThan(0);
    });

    it("shows the liaison of 市科技局 only its unit's matters", async () => {
      const [tech] = (await admin.get(`/api/v1/units?q=${encodeURIComponent('市科技局')}`)).json().items;
      const everything = await all(admin, '/api/v1/matters');
      const liaison = await signIn(t.app, { username: 'liaison', password: PASSWORD });
      const mine = await all(liaison, '/api/v1/matters');
      expect(mine.length).toBeGreaterThanOrEqual(4);
      expect(mine.length).toBeLessThan(everything.length);
      const ofTech = (m: Item) => (m.units as { unitId: string }[]).some((u) => u.unitId === tech.id);
      expect(mine.every(ofTech)).toBe(true);
      expect(mine.map((m) => m.id).sort()).toEqual(
        everything
          .filter(ofTech)
          .map((m) => m.id)
          .sort(),
      );
      const other = everything.find((m) => !ofTech(m) && m.state !== 'draft')!;
      expect((await liaison.get(`/api/v1/matters/${other.id}`)).statusCode).toBe(404);
    });

    it('gives a closed matter its full path, from the finding to the close-out, with a real PDF', async () => {
      const closed = await all(admin, '/api/v1/matters?state=closed&source=research_finding');
      const m = closed.find((x) => x.title === '创新链与产业链融合不足')!;
      const events = (await admin.get(`/api/v1/matters/${m.id}/events?limit=100`)).json().items as {
        action: string;
        toState: string;
        at: string;
        actorName: string;
        files: { id: string; mime: string }[];
      }[];
      expect(events.map((e) => e.action)).toEqual([
        'create',
        'assign',
        'receive',
        'report_progress',
        'submit_completion',
        'return',
        'report_progress',
        'submit_completion',
        'close_out',
      ]);
      expect(events.at(-1)!.toState).toBe('closed');
      const times = events.map((e) => Date.parse(e.at));
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      // Assigned after the 创新驱动 meeting of 2025-09-18, by the office; handled by the unit's liaison.
      expect(cstDate(events[1]!.at)).toBe('2025-09-25');
      expect(events[1]!.actorName).toBe('林晓彤');
      expect(events[2]!.actorName).toBe('梁志诚');

      const chain = (await admin.get(`/api/v1/matters/${m.id}/chain`)).json();
      expect(chain.activities.map((a: { type: string }) => a.type)).toEqual(['research']);
      expect(chain.records.map((r: { kind: string }) => r.kind)).toEqual(['report', 'finding']);

      const file = events.find((e) => e.action === 'submit_completion')!.files[0]!;
      expect(file.mime).toBe('application/pdf');
      const pdf = (await admin.get(`/api/v1/files/${file.id}`)).rawPayload.toString('latin1');
      // Read back as a PDF reader would: startxref → the xref table → each object where it says.
      expect(pdf.startsWith('%PDF-1.4')).toBe(true);
      const xrefAt = Number(/startxref\n(\d+)\n%%EOF/.exec(pdf)![1]);
      expect(pdf.slice(xrefAt, xrefAt + 4)).toBe('xref');
      const offsets = [...pdf.slice(xrefAt).matchAll(/^(\d{10}) 00000 n $/gm)].map((x) => Number(x[1]));
      expect(offsets).toHaveLength(5);
      for (const [i, o] of offsets.entries()) {
        expect(pdf.slice(o, o + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`);
      }
    });

    it("takes the year's facts from the scenario, in its order of fields", () => {
      expect(RESEARCH_FIELDS.map((f) => f.field)).toEqual([
        '创新驱动',
        '空间保障',
        '人力资源',
        '新质生产力',
        '侨务优势',
        '生活服务',
        '安全生产',
        '陈皮全产业链发展',
      ]);
    });
  });

  describe("the CPPCC's 2025 (proposals and public-opinion reports)", () => {
    it('gives back the article figures: 242 member proposals accepted, 51 reports adopted, 60 instructions', async () => {
      // The proposals committee's office account, made by the CPPCC year.
      const office = await signIn(t.app, { username: 'zx.staff', password: PASSWORD });
      const proposals = await all(office, '/api/v1/proposals?kind=proposal');
      const accepted = proposals.filter(
        (p) => (p.submitterKind === 'individual' || p.submitterKind === 'joint') && p.acceptedAt,
      );
      expect(accepted).toHaveLength(242);
      // Collective proposals are accepted too, but are not members' proposals.
      expect(proposals.some((p) => p.submitterKind === 'party' && p.acceptedAt)).toBe(true);
      const states = new Set(proposals.map((p) => p.state));
      expect([...states].sort()).toEqual([...PROPOSAL_STATES].sort());
      expect(proposals.filter((p) => p.state === 'rejected')).toHaveLength(15);
      expect(proposals.filter((p) => p.state === 'merged')).toHaveLength(8);
      expect(proposals.filter((p) => p.state === 'converted')).toHaveLength(5);
      // 重点提案: a dozen chosen by the chair's meeting, each led by the chair or a vice-chair, at every
      // step of handling; the chair (zx.chair) follows his own and urged the one still unanswered.
      const key = proposals.filter((p) => p.key);
      expect(key).toHaveLength(12);
      expect(new Set(key.map((p) => (p.keyMeeting as { date: string }).date))).toEqual(
        new Set(['2025-03-18']),
      );
      expect(key.every((p) => typeof p.supervisorName === 'string')).toBe(true);
      const progress = (await office.get('/api/v1/proposals/key-progress')).json();
      expect(progress.session).toEqual({ term: 14, meeting: 4 });
      expect(progress.summary.total).toBe(12);
      expect(
        Object.entries(progress.summary.byStage as Record<string, number>)
          .filter(([, n]) => n > 0)
          .map(([stage]) => stage)
          .sort(),
      ).toEqual(['closed', 'follow_up', 'rating', 'reply']);
      expect(progress.supervisors.length).toBe(7);
      const chair = await signIn(t.app, { username: 'zx.chair', password: PASSWORD });
      const mine = (await chair.get('/api/v1/proposals/key-progress?supervisedByMe=true')).json();
      expect(mine.items.map((i: Item) => i.supervisorName)).toEqual(['黄卓然', '黄卓然']);
      expect(mine.items.map((i: { latestEvent: { action: string } }) => i.latestEvent.action)).toContain(
        'urge',
      );
      // Unsatisfied ratings sent some back for a second round.
      expect(proposals.some((p) => p.round === 2)).toBe(true);

      const reports = await all(office, '/api/v1/opinion-reports');
      const submitted = reports.filter((r) => r.state !== 'draft');
      const research = (await all(office, '/api/v1/activities?type=research')).length;
      expect(research).toBe(36);
      expect(submitted.length + research).toBe(126);
      const adopted = reports.filter((r) => ((r as { adoptions?: unknown[] }).adoptions ?? []).length > 0);
      expect(adopted).toHaveLength(51);
      expect((await all(office, '/api/v1/opinion-reports?adoptedLevel=party_government')).length).toBe(51);
      const instructions = reports.reduce(
        (n, r) => n + ((r as { instructions?: unknown[] }).instructions ?? []).length,
        0,
      );
      expect(instructions).toBe(60);
    });

    it("numbers a member's new proposal in the current session, 十四届四次会议, without asking for it", async () => {
      const member = await signIn(t.app, { username: 'member', password: PASSWORD });
      const res = await member.post('/api/v1/proposals', {
        kind: 'proposal',
        title: '关于推进侨乡数字文旅建设的提案',
        content: '建议整合侨批、碉楼等数字资源，建设侨乡数字文旅平台。',
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ state: 'draft', sessionTerm: 14, sessionMeeting: 4 });
      const office = await signIn(t.app, { username: 'zx.staff', password: PASSWORD });
      const scopes = (await office.get('/api/v1/statistics/scopes')).json();
      expect(scopes.currentSession).toEqual({ term: 14, meeting: 4 });
    });
  });

  it('is the same every time and refuses a second load, leaving nothing behind', async () => {
    expect(demoPeople()).toEqual(demoPeople());
    await expect(loadDemo(t.db, { adminPassword: PASSWORD })).rejects.toThrow();
    const rows = await t.db.select().from(bodies).where(eq(bodies.name, DEMO_BODIES[0]!.name));
    expect(rows).toHaveLength(1);
  });
});
