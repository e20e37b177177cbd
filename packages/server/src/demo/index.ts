import { searchText } from '@yiting/domain';
import { eq } from 'drizzle-orm';
import { appendAudit } from '../audit.ts';
import type { Db } from '../db/client.ts';
import { accountRoles, bodies, memberships, people, terms, units } from '../db/schema.ts';
import { newId } from '../ids.ts';
import { createAccount } from '../usecases/accounts.ts';
import { personSearchText } from '../usecases/people.ts';
import { DEMO_ACCOUNTS } from './accounts.ts';
import { DEMO_BODIES } from './bodies.ts';
import { type CppccYearSummary, loadCppccYear } from './load-cppcc-year.ts';
import { type DemoAccountRef, loadNpcYear, type NpcYearSummary } from './load-npc-year.ts';
import { type DemoPerson, demoPeople, type UnitRef } from './people.ts';
import { demoUnits } from './units.ts';

export { DEMO_ACCOUNTS } from './accounts.ts';

export interface DemoOptions {
  /** The password of every demo account. */
  adminPassword: string;
  log?: (message: string) => void;
}

export async function isDemoLoaded(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: bodies.id }).from(bodies).where(eq(bodies.name, DEMO_BODIES[0]!.name));
  return !!row;
}

/** Multi-row inserts in slices, well under PostgreSQL's 65,535 parameters per statement. */
async function insertAll<T>(rows: T[], insert: (slice: T[]) => Promise<unknown>, size = 1000) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/**
 * Loads the 2025 scenario (SCENARIO-2025.md) in one transaction, so a failure leaves nothing behind.
 * Returns a summary: counts, then one line per demo account.
 */
export async function loadDemo(db: Db, opts: DemoOptions): Promise<string> {
  const log = opts.log ?? (() => {});
  const started = Date.now();
  const bodyIds = new Map(DEMO_BODIES.map((b) => [b.key, newId()]));
  const bodyId = (key: string) => bodyIds.get(key) ?? fail(`body ${key}`);
  const termIds = new Map(DEMO_BODIES.filter((b) => b.term).map((b) => [b.key, newId()]));

  const unitRows: (typeof units.$inferInsert)[] = [];
  const unitIds = new Map<string, string>();
  for (const [key, list] of demoUnits()) {
    list.forEach((u, i) => {
      const id = newId();
      unitIds.set(`${key}|${u.name}`, id);
      if (u.shortName) unitIds.set(`${key}|${u.shortName}`, id);
      unitRows.push({
        id,
        bodyId: bodyId(key),
        name: u.name,
        shortName: u.shortName ?? null,
        kind: u.kind,
        sortOrder: (i + 1) * 10,
        searchText: searchText(u.name, u.shortName),
      });
    });
  }
  const unitId = (ref: UnitRef) => unitIds.get(`${ref.body}|${ref.name}`) ?? fail(`unit ${ref.name}`);

  const plan = demoPeople();
  const personIds = new Map<string, string>();
  const idOfPerson = new Map<DemoPerson, string>();
  const personRows: (typeof people.$inferInsert)[] = [];
  const membershipRows: (typeof memberships.$inferInsert)[] = [];
  for (const p of plan) {
    const id = newId();
    idOfPerson.set(p, id);
    if (p.key) personIds.set(`${p.body}|${p.key}`, id);
    const { memberships: ms, key: _key, body, ...fields } = p;
    personRows.push({ id, bodyId: bodyId(body), ...fields, searchText: personSearchText(p) });
    const term = DEMO_BODIES.find((b) => b.key === body)?.term;
    for (const m of ms) {
      membershipRows.push({
        id: newId(),
        bodyId: bodyId(body),
        personId: id,
        role: m.role,
        unitId: m.unit ? unitId(m.unit) : null,
        termId: m.inTerm ? (termIds.get(body) ?? null) : null,
        title: m.title ?? null,
        deputyLevel: m.deputyLevel ?? null,
        delegation: m.delegation ?? null,
        sector: m.sector ?? null,
        startDate: m.startDate ?? (m.inTerm ? (term?.startDate ?? null) : null),
        endDate: null,
      });
    }
  }

  let year: NpcYearSummary | undefined;
  let cppccYear: CppccYearSummary | undefined;
  await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    await tx.insert(bodies).values(
      DEMO_BODIES.map((b) => ({
        id: bodyId(b.key),
        parentId: b.parent ? bodyId(b.parent) : null,
        name: b.name,
        shortName: b.shortName,
        kind: b.kind,
        level: b.level,
        regionCode: b.regionCode,
        regionName: b.regionName,
        config: b.config ?? {},
      })),
    );
    await tx
      .insert(terms)
      .values(
        DEMO_BODIES.flatMap((b) =>
          b.term
            ? [{ id: termIds.get(b.key)!, bodyId: bodyId(b.key), ...b.term, endDate: b.term.endDate }]
            : [],
        ),
      );
    await insertAll(unitRows, (s) => tx.insert(units).values(s));
    await insertAll(personRows, (s) => tx.insert(people).values(s));
    await insertAll(membershipRows, (s) => tx.insert(memberships).values(s));

    // One audit entry per body records what the demo put there, instead of one per row.
    for (const b of DEMO_BODIES) {
      const id = bodyId(b.key);
      const count = <T extends { bodyId: string }>(rows: T[]) => rows.filter((r) => r.bodyId === id).length;
      await appendAudit(tx, {
        bodyId: id,
        actorId: null,
        actorName: 'system',
        action: 'demo.load',
        targetType: 'body',
        targetId: id,
        after: {
          name: b.name,
          term: b.term?.name ?? null,
          units: count(unitRows as { bodyId: string }[]),
          people: count(personRows as { bodyId: string }[]),
          memberships: count(membershipRows as { bodyId: string }[]),
        },
      });
    }

    const npcAccounts = new Map<string, DemoAccountRef>();
    for (const a of DEMO_ACCOUNTS) {
      const [home, ...more] = a.grants;
      const personId = a.person
        ? (personIds.get(`${home!.body}|${a.person}`) ?? fail(`person ${a.person}`))
        : null;
      const displayName =
        a.displayName ?? plan.find((p) => p.key === a.person && p.body === home!.body)!.name;
      const account = await createAccount({
        db: tx,
        username: a.username,
        password: opts.adminPassword,
        displayName,
        body: bodyId(home!.body),
        roles: [home!.role],
        ...(home!.unit ? { unit: unitId({ body: 'gov', name: home!.unit }) } : {}),
        personId,
        skipComplexity: true,
      });
      const npc = a.grants.find((g) => g.body === 'npc');
      if (npc) {
        npcAccounts.set(a.username, {
          row: account,
          role: npc.role,
          unitId: npc.unit ? unitId({ body: 'gov', name: npc.unit }) : null,
        });
      }
      // Roles in further bodies (the body switcher): granted here, audited in the body that grants them.
      for (const g of more) {
        const unit = g.unit ? unitId({ body: 'gov', name: g.unit }) : null;
        await tx
          .insert(accountRoles)
          .values({ bodyId: bodyId(g.body), accountId: account.id, role: g.role, unitId: unit });
        await appendAudit(tx, {
          bodyId: bodyId(g.body),
          actorId: null,
          actorName: 'system',
          action: 'account.update',
          targetType: 'account',
          targetId: account.id,
          before: { roles: [] },
          after: { username: a.username, roles: [g.role], unitId: unit },
        });
      }
    }

    // The Standing Committee's 2025, played through the use cases as its people and liaisons would.
    const yearStarted = Date.now();
    year = await loadNpcYear({
      db: tx,
      bodyId: bodyId('npc'),
      unitId,
      people: plan.filter((p) => p.body === 'npc').map((p) => ({ person: p, id: idOfPerson.get(p)! })),
      accounts: npcAccounts,
      liaisonAccounts: new Map(
        DEMO_ACCOUNTS.flatMap((a) =>
          a.grants
            .filter((g) => g.body === 'npc' && g.role === 'liaison' && g.unit)
            .map((g) => [g.unit!, a.username] as const),
        ),
      ),
      now: new Date(),
    });
    const acts = Object.values(year.activities).reduce((n, x) => n + x, 0);
    const matters = Object.values(year.matters).reduce((n, x) => n + x, 0);
    log(
      `2025 活动 activities ${acts}, 记录 records ${year.records}, 督办事项 matters ${matters} ` +
        `(${((Date.now() - yearStarted) / 1000).toFixed(1)} s)`,
    );

    // The CPPCC's 2025: proposals, public-opinion reports and research topics, as its office, the
    // departments' proposal liaisons and the members would have done it.
    const cppccStarted = Date.now();
    cppccYear = await loadCppccYear({
      db: tx,
      bodyId: bodyId('cppcc'),
      unitId,
      people: plan.filter((p) => p.body === 'cppcc').map((p) => ({ person: p, id: idOfPerson.get(p)! })),
      password: opts.adminPassword,
      log,
    });
    log(
      `政协 2025 提案 proposals ${Object.values(cppccYear.proposals).reduce((n, x) => n + x, 0)}, ` +
        `社情民意 reports ${Object.values(cppccYear.reports).reduce((n, x) => n + x, 0)} ` +
        `(${((Date.now() - cppccStarted) / 1000).toFixed(1)} s)`,
    );
  });

  // Counted in the city registers, as docs/demo.md tells them.
  const count = (role: string, level?: string) =>
    membershipRows.filter(
      (m) =>
        m.bodyId === bodyId(role === 'member' ? 'cppcc' : 'npc') &&
        m.role === role &&
        (!level || m.deputyLevel === level),
    ).length;
  log(
    `机关 bodies ${DEMO_BODIES.length}, 届 terms ${termIds.size}, 机构 units ${unitRows.length}, ` +
      `人员 people ${personRows.length} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  const lines = [
    `${DEMO_BODIES.length} bodies, ${unitRows.length} units, ${personRows.length} people`,
    `江门市人大常委会 代表 deputies: 全国 ${count('deputy', 'national')}, 省 ${count('deputy', 'province')}, ` +
      `市 ${count('deputy', 'city')}, 县 ${count('deputy', 'county')}, 乡镇 ${count('deputy', 'town')}; ` +
      `江门市政协 委员 CPPCC members ${count('member')}`,
    yearLine(year!),
    cppccLine(cppccYear!),
    '演示账号 Demo accounts:',
    ...DEMO_ACCOUNTS.filter((a) => !a.department).map(
      (a) =>
        `  ${a.username.padEnd(8)} ${a.grants.map((g) => `${g.role}@${shortNameOf(g.body)}`).join(', ')}  ${a.sees}`,
    ),
    `  部门联络员 department liaisons (liaison@江门市人大常委会): ${DEMO_ACCOUNTS.filter((a) => a.department)
      .map((a) => `${a.username} ${a.department}`)
      .join(', ')}`,
  ];
  return lines.join('\n');
}

/** The 2025 year of the Standing Committee in one line: activities by type, matters by state. */
function yearLine(y: NpcYearSummary): string {
  const a = y.activities;
  const m = Object.entries(y.matters)
    .map(([state, n]) => `${state} ${n}`)
    .join(', ');
  return (
    `江门市人大常委会 2025: 专题调研 research groups ${a.research ?? 0} (走访 visits ${a.visit ?? 0}), ` +
    `专题会议 thematic meetings ${a.thematic_meeting ?? 0}, 全体会议 plenaries ${a.plenary_session ?? 0}, ` +
    `记录 records ${y.records}; 督办事项 matters: ${m}`
  );
}

/** The CPPCC's 2025 in one line: the article's figures as the data gives them back. */
function cppccLine(y: CppccYearSummary): string {
  const p = Object.entries(y.proposals)
    .map(([state, n]) => `${state} ${n}`)
    .join(', ');
  return (
    `江门市政协 2025: 委员提案立案 member proposals accepted ${y.acceptedMemberProposals}; 提案 proposals: ${p}; ` +
    `调研报告 research reports ${y.researchReports}, 社情民意 reports submitted ` +
    `${Object.entries(y.reports).reduce((n, [s, x]) => n + (s === 'draft' ? 0 : x), 0)}, ` +
    `采用 adopted ${y.adoptedReports}, 批示 instructions ${y.instructions}; ` +
    `委员与联络员账号 member and liaison accounts ${y.accounts} (zx.*)`
  );
}

function shortNameOf(key: string): string {
  const b = DEMO_BODIES.find((x) => x.key === key);
  return b?.shortName ?? key;
}

function fail(what: string): never {
  throw new Error(`demo data refers to an unknown ${what}`);
}
