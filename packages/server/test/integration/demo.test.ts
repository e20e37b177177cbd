import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit.ts';
import { bodies } from '../../src/db/schema.ts';
import { DEMO_ACCOUNTS } from '../../src/demo/accounts.ts';
import { DEMO_BODIES } from '../../src/demo/bodies.ts';
import { isDemoLoaded, loadDemo } from '../../src/demo/index.ts';
import { demoPeople } from '../../src/demo/people.ts';
import { JOINT_MEETING_DEPARTMENTS, NPC_SPECIAL_COMMITTEES, SECTORS } from '../../src/demo/units.ts';
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
  }, 120_000);

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

  it('is the same every time and refuses a second load, leaving nothing behind', async () => {
    expect(demoPeople()).toEqual(demoPeople());
    await expect(loadDemo(t.db, { adminPassword: PASSWORD })).rejects.toThrow();
    const rows = await t.db.select().from(bodies).where(eq(bodies.name, DEMO_BODIES[0]!.name));
    expect(rows).toHaveLength(1);
  });
});
