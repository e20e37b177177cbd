import type { Role } from '@yiting/domain';
import { and, eq, inArray } from 'drizzle-orm';
import { appendAudit } from '../audit.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { Db } from '../db/client.ts';
import { accountRoles, accounts, trackedItems } from '../db/schema.ts';
import { newId } from '../ids.ts';
import type { Actor } from '../plugins/auth.ts';
import type { AccountRow } from '../repositories/accounts.ts';
import { addRecord, createActivity } from '../usecases/activities.ts';
import { storeFile } from '../usecases/files.ts';
import { createItem, fireItemAction } from '../usecases/tracked-items.ts';
import {
  CPPCC_LIAISON_USERNAMES,
  CPPCC_SESSION,
  cppccProposals,
  cppccReports,
  KEY_MEETING,
  type ProposalPlan,
  REPORTS_AND_RESEARCH,
  RESEARCH_TOPICS,
  type ReportPlan,
  researchTopics,
} from './cppcc-year.ts';
import { evidencePdf } from './load-npc-year.ts';
import { Rng } from './names.ts';
import type { DemoPerson, UnitRef } from './people.ts';

type BodyActor = Actor & { bodyId: string };

export interface CppccYearContext {
  db: Db;
  bodyId: string;
  unitId: (ref: UnitRef) => string;
  people: { person: DemoPerson; id: string }[];
  /** Accounts already made by the demo (admin, member, liaison …), found by person or username. */
  password: string;
  log?: (message: string) => void;
}

export interface CppccYearSummary {
  proposals: Record<string, number>;
  acceptedMemberProposals: number;
  reports: Record<string, number>;
  adoptedReports: number;
  instructions: number;
  researchReports: number;
  accounts: number;
}

const at = (date: string, hour = 10) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);
const DAY = 86_400_000;
const plus = (d: Date, days: number) => new Date(d.getTime() + days * DAY);
const day = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * The CPPCC's 2025 played through the use cases (createItem / fireItemAction, createActivity / addRecord):
 * the proposals committee's office (`zx.staff`) reviews, accepts, assigns and approves; each department's
 * proposal liaison (`zx.*`, `liaison` for 市科技局) receives, contacts the proposer and replies; members act
 * with their own accounts (made here, one password hash for all) to submit, co-sign and rate; the
 * secretary-general (`zx.leader`) signs public-opinion reports off.
 */
export async function loadCppccYear(ctx: CppccYearContext): Promise<CppccYearSummary> {
  const { db, bodyId, log } = ctx;
  const rng = new Rng(20250107);
  const summary: CppccYearSummary = {
    proposals: {},
    acceptedMemberProposals: 0,
    reports: {},
    adoptedReports: 0,
    instructions: 0,
    researchReports: 0,
    accounts: 0,
  };
  const dept = (shortName: string) => ctx.unitId({ body: 'gov', name: shortName });
  const cppccUnit = (name: string) => ctx.unitId({ body: 'cppcc', name });
  const having = (test: (m: DemoPerson['memberships'][number]) => boolean) =>
    ctx.people.filter((p) => p.person.memberships.some(test));

  // ------------------------------------------------ accounts: existing ones are reused, the rest made in bulk
  const hash = await hashPassword(ctx.password);
  const existing = await db
    .select()
    .from(accounts)
    .where(
      inArray(
        accounts.personId,
        ctx.people.map((p) => p.id),
      ),
    );
  const byPerson = new Map(existing.map((a) => [a.personId!, a]));
  const newAccounts: (typeof accounts.$inferInsert)[] = [];
  const newRoles: (typeof accountRoles.$inferInsert)[] = [];
  const actors = new Map<string, BodyActor>();
  const actorFor = (
    username: string,
    person: { person: DemoPerson; id: string },
    role: Role,
    unit: string | null,
  ) => {
    let row = byPerson.get(person.id) as AccountRow | undefined;
    if (!row) {
      row = {
        id: newId(),
        username,
        displayName: person.person.name,
        passwordHash: hash,
        personId: person.id,
        homeBodyId: bodyId,
        totpSecret: null,
        totpEnabled: false,
        failedLogins: 0,
        lockedUntil: null,
        disabled: false,
        version: 1,
        createdAt: new Date(),
      } as AccountRow;
      newAccounts.push(row);
      newRoles.push({ bodyId, accountId: row.id, role, unitId: unit });
      byPerson.set(person.id, row);
    }
    const actor: BodyActor = {
      account: row,
      via: 'session',
      sessionId: null,
      csrfToken: null,
      bodyId,
      roles: [role],
      unitId: unit,
    };
    actors.set(person.id, actor);
    return actor;
  };

  const staffPerson = having(
    (m) => m.role === 'staff' && m.unit?.name === '提案委员会' && m.title === '提案科科长',
  )[0]!;
  const office = actorFor('zx.staff', staffPerson, 'staff', null);
  const secretaryGeneral = ctx.people.find((p) => p.person.memberships.some((m) => m.title === '秘书长'))!;
  const leader = actorFor('zx.leader', secretaryGeneral, 'leader', null);
  const chairs = having((m) => m.role === 'leader' && (m.title === '主席' || m.title === '副主席'));
  // The chair signs in to follow the key proposals he leads (zx.chair); the vice-chairs have no account.
  const chairActor = actorFor(
    'zx.chair',
    chairs.find((p) => p.person.memberships.some((m) => m.title === '主席'))!,
    'leader',
    null,
  );
  const liaisons = new Map<string, BodyActor>();
  for (const p of having((m) => m.role === 'liaison')) {
    const shortName = p.person.memberships.find((m) => m.role === 'liaison')!.unit!.name;
    const username = CPPCC_LIAISON_USERNAMES[shortName];
    // 市科技局's proposal liaison is the `liaison` demo account (linked to the same human in the NPC's
    // register), which index.ts made with its grant in this body.
    if (!username) {
      const [row] = await db.select().from(accounts).where(eq(accounts.username, 'liaison'));
      byPerson.set(p.id, row!);
    }
    const a = actorFor(username ?? 'liaison', p, 'liaison', dept(shortName));
    liaisons.set(shortName, { ...a, roles: ['liaison'], unitId: dept(shortName) });
  }
  const members = having((m) => m.role === 'member').filter(
    (p) => !p.person.memberships.some((m) => m.role === 'leader'),
  );
  let memberNo = 0;
  const memberActor = (p: { person: DemoPerson; id: string }) =>
    actors.get(p.id) ?? actorFor(`zx.wy${String(++memberNo).padStart(3, '0')}`, p, 'deputy', null);

  // ------------------------------------------------ proposals
  const plans = cppccProposals();
  type Live = {
    id: string;
    version: number;
    plan: ProposalPlan;
    proposer: BodyActor | null;
    units: string[];
    co: string[];
  };
  const live = new Map<number, Live>();
  const fire = async (
    l: Live,
    actor: BodyActor,
    action: string,
    payload: Record<string, unknown>,
    now: Date,
  ) => {
    const row = await fireItemAction({
      db,
      actor,
      type: 'proposal',
      id: l.id,
      version: l.version,
      action,
      payload,
      now,
    });
    l.version = row.version;
    return row;
  };
  // The proposer's own account, or the office on an organisation's behalf.
  const asProposer = (l: Live) => l.proposer ?? office;
  const pickMember = () => members[Math.floor(rng.next() * members.length)]!;

  // Accounts first (the members and co-signers the proposals need), then one insert each.
  const authors = plans.map((p) => {
    if (p.submitter.kind !== 'individual' && p.submitter.kind !== 'joint') return null;
    const lead = pickMember();
    const cos: typeof members = [];
    const n = p.submitter.kind === 'joint' ? p.submitter.cosigners : 0;
    while (cos.length < n) {
      const c = pickMember();
      if (c.id !== lead.id && !cos.includes(c)) cos.push(c);
    }
    return { lead: memberActor(lead), cosigners: cos.map(memberActor) };
  });
  const converted = plans.filter((p) => p.outcome.kind === 'converted').length;
  const reports = cppccReports(REPORTS_AND_RESEARCH - RESEARCH_TOPICS - converted);
  const reportAuthors = reports.map(() => memberActor(pickMember()));
  if (newAccounts.length) {
    await db.insert(accounts).values(newAccounts);
    await db.insert(accountRoles).values(newRoles);
    await appendAudit(db, {
      bodyId,
      actorId: null,
      actorName: 'system',
      action: 'demo.accounts',
      targetType: 'body',
      targetId: bodyId,
      after: { accounts: newAccounts.length, usernames: newAccounts.map((a) => a.username) },
    });
  }
  summary.accounts = newAccounts.length;

  const phase = (name: string) => log?.(`  cppcc ${name} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const t0 = Date.now();
  // Phase 1: drafting, co-signing and submission (in January for the session, later for the rest).
  for (const p of plans) {
    const a = authors[p.n];
    const submitted = at(p.submittedOn, 9);
    const s = p.submitter;
    const row = await createItem({
      db,
      actor: a ? a.lead : office,
      type: 'proposal',
      now: plus(submitted, -1),
      input: {
        kind: 'proposal',
        title: p.title,
        content: p.content,
        category: p.category,
        sessionTerm: CPPCC_SESSION.term,
        sessionMeeting: CPPCC_SESSION.meeting,
        ...(a
          ? { cosignerIds: a.cosigners.map((c) => c.account.personId!) }
          : { submitterKind: s.kind, submitterName: (s as { name: string }).name }),
      },
    });
    const l: Live = {
      id: row.id,
      version: row.version,
      plan: p,
      proposer: a?.lead ?? null,
      units: [],
      co: [],
    };
    live.set(p.n, l);
    const early = p.outcome.kind === 'early' ? p.outcome.state : null;
    if (early === 'draft') continue;
    await fire(l, asProposer(l), 'submit', {}, plus(submitted, -1));
    if (a?.cosigners.length) {
      if (early === 'collecting_signatures') {
        await fire(l, a.cosigners[0]!, 'confirm_signature', {}, submitted);
        continue;
      }
      for (const c of a.cosigners) await fire(l, c, 'confirm_signature', {}, submitted);
      await fire(l, asProposer(l), 'submit', {}, plus(submitted, 0.1));
    }
  }

  phase('submitted');
  // Phase 2: the review (立案审查), in the order submitted; accepted proposals are numbered in that order.
  for (const l of live.values()) {
    const p = l.plan;
    const o = p.outcome;
    const reviewed = plus(at(p.submittedOn, 15), o.kind === 'early' ? 2 : 20);
    if (o.kind === 'early') {
      if (o.state === 'returned')
        await fire(
          l,
          office,
          'return_for_revision',
          { reason: '建议部分表述不够具体，请补充现状数据和可操作的建议后再提交。' },
          reviewed,
        );
      if (o.state === 'conversion_offered')
        await fire(
          l,
          office,
          'offer_conversion',
          { to: 'opinion_report', reason: '所反映问题具体、时效性强，更适合以社情民意信息报送。' },
          reviewed,
        );
      if (o.state === 'withdrawn')
        await fire(
          l,
          asProposer(l),
          'withdraw',
          { reason: '相关问题已在年度工作中解决，申请撤回。' },
          reviewed,
        );
      continue;
    }
    if (o.kind === 'rejected')
      await fire(l, office, 'reject', { reason: o.reason, explanation: o.explanation }, reviewed);
    if (o.kind === 'converted') {
      await fire(
        l,
        office,
        'offer_conversion',
        { to: 'opinion_report', reason: '内容属反映具体情况，转为社情民意信息报送更为及时。' },
        reviewed,
      );
      await fire(l, asProposer(l), 'accept_conversion', {}, plus(reviewed, 2));
    }
    if (o.kind === 'accepted') await fire(l, office, 'accept', {}, reviewed);
  }
  for (const l of live.values()) {
    const o = l.plan.outcome;
    if (o.kind === 'merged') {
      const target = live.get(o.into)!;
      await fire(
        l,
        office,
        'merge',
        { targetId: target.id, reason: '与同类提案内容相近，并案办理。' },
        at('2025-02-20'),
      );
      target.version++; // the target records the merge (absorb) in the same transaction
    }
  }

  phase('reviewed');
  // Phase 3: assignment (交办会 2025-03-05 for the session's proposals) and handling.
  const replyFile = async (actor: BodyActor, title: string, date: Date) => {
    const f = await storeFile({
      db,
      actor,
      name: `${title}答复函.pdf`,
      content: evidencePdf(['Jiangmen CPPCC proposal: reply letter (Yiting demo)', `Dated ${day(date)}`]),
    });
    return f.id;
  };
  let keyNo = 0;
  for (const l of live.values()) {
    const p = l.plan;
    if (p.outcome.kind !== 'accepted') continue;
    const path = p.outcome.path;
    const late = p.submittedOn > '2025-06-01';
    if (path.final === 'accepted') continue;
    let t = late ? plus(at(p.submittedOn), 35) : at('2025-03-05', 10);
    const f = p.field;
    const lead = f.lead[p.n % f.lead.length]!;
    if (path.mode === 'separate') {
      const other = f.co[p.n % f.co.length]!;
      l.units = [lead, other];
      await fire(l, office, 'assign', { mode: 'separate', unitIds: l.units.map(dept) }, t);
    } else {
      l.units = [lead];
      l.co = f.co.filter((c) => c !== lead).slice(0, path.coUnits);
      await fire(l, office, 'assign', { mode: 'lead', leadUnitId: dept(lead), coUnitIds: l.co.map(dept) }, t);
    }
    if (path.final === 'objected') {
      await fire(
        l,
        liaisons.get(lead)!,
        'object',
        { reason: '所提事项主要职能不在本单位，建议改由相关部门主办。' },
        plus(t, 3),
      );
      continue;
    }
    if (path.urged) {
      await fire(l, office, 'urge', { message: '请尽快签收并按时限办理。' }, plus(t, 8));
      continue;
    }
    if (path.final === 'assigned') continue;
    for (const u of l.units) await fire(l, liaisons.get(u)!, 'receive', {}, plus(t, 2));
    // The chair's meeting, two weeks after the assignment meeting, names the key proposals and who leads.
    let supervisor: (typeof chairs)[number] | null = null;
    if (path.key) {
      supervisor = chairs[keyNo++ % chairs.length]!;
      await fire(
        l,
        office,
        'mark_key',
        {
          key: true,
          supervisorPersonId: supervisor.id,
          meetingDate: KEY_MEETING.date,
          meetingRef: KEY_MEETING.reference,
          note: '主席会议确定的重点提案，由主席、副主席领衔督办。',
        },
        at(KEY_MEETING.date, 16),
      );
    }
    for (const c of l.co)
      await fire(
        l,
        liaisons.get(c)!,
        'send_opinion',
        { opinion: '我单位会办意见：支持提案所提建议，将在职责范围内配合主办单位落实。' },
        plus(t, 20),
      );
    t = plus(t, 30);
    for (const u of l.units)
      await fire(
        l,
        liaisons.get(u)!,
        'record_contact',
        {
          method: rng.pick(['visit', 'phone', 'meeting'] as const),
          date: day(t),
          note: '与提案人沟通办理思路，听取意见建议。',
        },
        t,
      );
    if (path.final === 'handling' && !path.rehandled) continue;
    const reply = async (round: number, when: Date) => {
      for (const [k, u] of l.units.entries()) {
        const liaison = liaisons.get(u)!;
        const category = round === 1 ? path.categories[k]! : 'A';
        await fire(
          l,
          liaison,
          'submit_reply',
          {
            category,
            summary: `关于《${p.title}》的答复：${category === 'A' ? '所提建议已采纳并落实' : category === 'B' ? '所提问题正在解决' : category === 'C' ? '所提问题列入计划逐步解决' : '因条件限制暂不能解决，已作说明'}。`,
            fileIds: [await replyFile(liaison, p.title, when)],
          },
          when,
        );
      }
      if (path.final === 'reply_submitted') return false;
      for (const c of l.co) await fire(l, liaisons.get(c)!, 'countersign', {}, plus(when, 2));
      await fire(l, office, 'approve_reply', {}, plus(when, 5));
      return true;
    };
    t = plus(t, 45);
    if (!(await reply(1, t))) continue;
    if (path.final === 'replied') continue;
    t = plus(t, 20);
    await fire(
      l,
      asProposer(l),
      'rate',
      { ratings: l.units.map((u, k) => ({ unitId: dept(u), overall: path.ratings[k]! })) },
      t,
    );
    if (path.rehandled) {
      // Re-handling: the unsatisfactory unit contacts the proposer again and replies in round 2.
      if (path.rehandled === 'handling') {
        // A key proposal still unanswered is urged by its leader (the chair himself, who has an account).
        if (supervisor)
          await fire(
            l,
            supervisor.id === chairActor.account.personId ? chairActor : office,
            'urge',
            { message: '本件为主席会议确定的重点提案，请按期完成重新办理并答复提案人。' },
            plus(t, 40),
          );
        continue;
      }
      const u = l.units[0]!;
      const liaison = liaisons.get(u)!;
      t = plus(t, 25);
      await fire(
        l,
        liaison,
        'submit_reply',
        {
          category: 'A',
          summary: `关于《${p.title}》的重新办理答复：已按提案人意见进一步落实。`,
          fileIds: [await replyFile(liaison, p.title, t)],
        },
        t,
      );
      for (const c of l.co) await fire(l, liaisons.get(c)!, 'countersign', {}, plus(t, 2));
      await fire(l, office, 'approve_reply', {}, plus(t, 5));
      await fire(
        l,
        asProposer(l),
        'rate',
        { ratings: [{ unitId: dept(u), overall: 'basically_satisfied' }] },
        plus(t, 12),
      );
      continue;
    }
    if (path.final === 'following_up') continue;
    // Closed: B/C units give their final answer once the matter is solved.
    for (const [k, u] of l.units.entries()) {
      const c = path.categories[k]!;
      if (c === 'B' || c === 'C')
        await fire(
          l,
          liaisons.get(u)!,
          'final_answer',
          { category: 'A', summary: '所提问题已解决，现作最终答复。' },
          plus(t, 60),
        );
    }
  }

  phase('handled');
  // ------------------------------------------------ research reports (the 36 topics) and public-opinion reports
  for (const topic of researchTopics()) {
    const act = await createActivity({
      db,
      actor: office,
      input: {
        type: 'research',
        title: topic.title,
        field: topic.field.field,
        organiserUnitId: cppccUnit(topic.field.committee),
        leaderPersonId: chairs[summary.researchReports % chairs.length]!.id,
        startsAt: at(topic.date).toISOString(),
        status: 'held',
      },
    });
    await addRecord({
      db,
      actor: office,
      activityId: act.id,
      input: {
        kind: 'report',
        title: `${topic.title.replace(/^“|”专题调研协商$/g, '')}调研报告`,
        content: `${topic.field.committee}组织委员深入各县（市、区）调研，形成调研报告，提出${topic.field.field}领域的意见建议。`,
      },
    });
    summary.researchReports++;
  }

  const leaders = ['市委书记', '市委副书记、市长', '市委常委、常务副市长', '副市长', '市委常委、统战部部长'];
  const fireR = async (
    r: { id: string; version: number },
    actor: BodyActor,
    action: string,
    payload: Record<string, unknown>,
    now: Date,
  ) => {
    const row = await fireItemAction({
      db,
      actor,
      type: 'opinion_report',
      id: r.id,
      version: r.version,
      action,
      payload,
      now,
    });
    r.version = row.version;
  };
  const playReport = async (
    r: { id: string; version: number },
    plan: ReportPlan | null,
    author: BodyActor,
    start: Date,
  ) => {
    const final = plan?.final ?? 'submitted';
    await fireR(r, author, 'submit', {}, start);
    if (final === 'submitted') return;
    if (final === 'declined')
      return fireR(r, office, 'decline', { reason: '所反映问题已有相关部门部署解决。' }, plus(start, 5));
    await fireR(r, office, 'edit', { content: `【编辑稿】${plan!.content}` }, plus(start, 3));
    if (final === 'edited') return;
    await fireR(r, leader, 'approve', {}, plus(start, 5));
    if (final === 'approved') return;
    const issue = `2025年第${Math.floor(plan!.n / 3) + 1}期`;
    await fireR(
      r,
      office,
      'forward',
      { level: 'party_government', bulletin: '江门政协社情民意', number: issue },
      plus(start, 7),
    );
    for (const level of plan!.adoptions) {
      if (level !== 'party_government')
        await fireR(r, office, 'forward', { level, bulletin: '社情民意专报', number: issue }, plus(start, 8));
      await fireR(r, office, 'record_adoption', { level }, plus(start, 14));
    }
    for (let k = 0; k < plan!.instructions; k++) {
      const d = plus(start, 16 + k * 5);
      await fireR(
        r,
        office,
        'record_instruction',
        {
          leaderName: leaders[(plan!.n + k) % leaders.length]!,
          leaderLevel: 'city',
          text: '请有关部门认真研究，提出措施，抓好落实。',
          date: day(d),
        },
        d,
      );
      summary.instructions++;
    }
    if (plan!.archived) {
      for (let k = 0; k < plan!.instructions; k++)
        await fireR(
          r,
          office,
          'record_feedback',
          { instruction: k, text: '有关部门已按批示要求研究落实并反馈。' },
          plus(start, 40),
        );
      await fireR(r, office, 'archive', {}, plus(start, 45));
    }
    if (plan!.adoptions.length) summary.adoptedReports++;
  };
  for (const plan of reports) {
    const author = reportAuthors[plan.n]!;
    const start = at(plan.submittedOn);
    const row = await createItem({
      db,
      actor: author,
      type: 'opinion_report',
      now: plus(start, -1),
      input: { title: plan.title, content: plan.content, category: plan.category },
    });
    if (plan.final === 'draft') continue;
    await playReport({ id: row.id, version: row.version }, plan, author, start);
  }
  // The converted proposals' reports: their authors submit them; they join the count of reports submitted.
  for (const l of live.values()) {
    if (l.plan.outcome.kind !== 'converted') continue;
    const [row] = await db
      .select({ data: trackedItems.data })
      .from(trackedItems)
      .where(eq(trackedItems.id, l.id));
    const reportId = (row!.data as { conversion: { itemId: string } }).conversion.itemId;
    const [rep] = await db
      .select({ version: trackedItems.version })
      .from(trackedItems)
      .where(and(eq(trackedItems.id, reportId)));
    await playReport({ id: reportId, version: rep!.version }, null, asProposer(l), at('2025-02-10'));
  }
  const counts = await db
    .select({
      type: trackedItems.type,
      state: trackedItems.state,
      data: trackedItems.data,
      kind: trackedItems.submitterKind,
    })
    .from(trackedItems)
    .where(and(eq(trackedItems.bodyId, bodyId), inArray(trackedItems.type, ['proposal', 'opinion_report'])));
  for (const c of counts) {
    const bucket = c.type === 'proposal' ? summary.proposals : summary.reports;
    bucket[c.state] = (bucket[c.state] ?? 0) + 1;
    const d = c.data as { acceptedAt?: string | null };
    if (c.type === 'proposal' && d.acceptedAt && (c.kind === 'individual' || c.kind === 'joint'))
      summary.acceptedMemberProposals++;
  }
  return summary;
}
