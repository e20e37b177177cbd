import type {
  ActivityInput,
  MatterAction,
  MatterSource,
  ParticipantRole,
  RecordInput,
  Role,
} from '@yiting/domain';
import type { Db } from '../db/client.ts';
import type { Actor } from '../plugins/auth.ts';
import type { AccountRow } from '../repositories/accounts.ts';
import { addRecord, createActivity } from '../usecases/activities.ts';
import { storeFile } from '../usecases/files.ts';
import { createMatter, fireMatterAction } from '../usecases/matters.ts';
import { COUNTIES } from './bodies.ts';
import { Rng } from './names.ts';
import {
  FIRST_PLENARY,
  JOINT_MEETING,
  MAYOR_MEETING,
  type MatterPlan,
  matterRequirements,
  NATIONAL_DEPUTIES_VISIT,
  REPORT_HEARING,
  RESEARCH_FIELDS,
  SECOND_PLENARY,
  SPORTS_INSPECTION,
  type Speaker,
  THEMED_ACTIVITY,
  type Visit,
} from './npc-year.ts';
import type { DemoPerson, UnitRef } from './people.ts';
import { delegationOf, JOINT_MEETING_DEPARTMENTS, JOINT_MEETING_TEAM, NPC_RESEARCH_OFFICE } from './units.ts';

export interface DemoAccountRef {
  row: AccountRow;
  role: Role;
  unitId: string | null;
}

export interface NpcYearContext {
  /** The demo's transaction: every use case below runs in a savepoint of it. */
  db: Db;
  bodyId: string;
  unitId: (ref: UnitRef) => string;
  /** The Standing Committee's register with the ids given to it. */
  people: { person: DemoPerson; id: string }[];
  /** Demo accounts by username, with their role in the Standing Committee. */
  accounts: Map<string, DemoAccountRef>;
  /** Department short name → username of its liaison account. */
  liaisonAccounts: Map<string, string>;
  /** The real clock: deadlines of matters that must be green or yellow are counted from it. */
  now: Date;
}

type BodyActor = Actor & { bodyId: string };
type Participant = NonNullable<ActivityInput['participants']>[number];

const DAY = 86_400_000;
const CST = 8 * 3_600_000;

/** A time on a given day in China. */
const at = (date: string, hour = 10) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);
const iso = (date: string, hour = 9) => at(date, hour).toISOString();
const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const fmtDate = (d: Date) => new Date(d.getTime() + CST).toISOString().slice(0, 10);

/**
 * A one-page PDF with a few ASCII lines (the standard fonts carry no Chinese), byte offsets in its xref
 * table computed, so that PDF readers open it: the evidence attached to completion reports.
 */
export function evidencePdf(lines: string[]): Buffer {
  const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, '?');
  const text = lines.map((l, i) => `BT /F1 12 Tf 72 ${760 - i * 18} Td (${esc(l)}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** Finds the people the year needs in the register, picking invented ones with a seeded generator. */
class Directory {
  private readonly rng = new Rng(20250728);
  private readonly used = new Set<string>();
  constructor(private readonly people: { person: DemoPerson; id: string }[]) {}

  byName(name: string): string {
    const hit = this.people.find((p) => p.person.name === name);
    if (!hit) throw new Error(`demo year refers to an unknown person ${name}`);
    return hit.id;
  }

  /** Picks n people, preferring those not picked yet; the demo accounts' people only come by name. */
  private pick(list: { person: DemoPerson; id: string }[], n: number, what: string): string[] {
    list = list.filter((p) => !p.person.key);
    const fresh = list.filter((p) => !this.used.has(p.id));
    const pool = fresh.length >= n ? fresh : list;
    if (pool.length < n) throw new Error(`demo year needs ${n} ${what}, has ${pool.length}`);
    const out: string[] = [];
    const left = [...pool];
    while (out.length < n) {
      const [p] = left.splice(Math.floor(this.rng.next() * left.length), 1);
      out.push(p!.id);
      this.used.add(p!.id);
    }
    return out;
  }

  private having(test: (m: DemoPerson['memberships'][number], p: DemoPerson) => boolean) {
    return this.people.filter((p) => p.person.memberships.some((m) => test(m, p.person)));
  }

  cityDeputies(county: string, n: number, entrepreneurs = false): string[] {
    const all = this.having((m) => m.deputyLevel === 'city' && m.delegation === `${county}代表团`).filter(
      (p) => !p.person.memberships.some((m) => m.role === 'leader' || m.role === 'committee_member'),
    );
    const bosses = all.filter((p) => p.person.organization.endsWith('有限公司'));
    return this.pick(entrepreneurs && bosses.length >= n ? bosses : all, n, `city deputies of ${county}`);
  }

  /** County- and town-level deputies, by the name of their congress (e.g. 台山市广海镇第十八届…). */
  localDeputies(prefix: string, level: 'county' | 'town', n: number): string[] {
    return this.pick(
      this.having((m) => m.deputyLevel === level && !!m.title?.startsWith(prefix)),
      n,
      `${level} deputies of ${prefix}`,
    );
  }

  provincialDeputy(nth: number): string {
    const all = this.having((m) => m.deputyLevel === 'province');
    return all[nth - 1]!.id;
  }

  nationalDeputies(): string[] {
    return this.having((m) => m.deputyLevel === 'national').map((p) => p.id);
  }

  committee(unit: string): string[] {
    return this.having((m) => m.role === 'committee_member' && m.unit?.name === unit).map((p) => p.id);
  }

  allCommittee(): string[] {
    return this.having((m) => m.role === 'committee_member').map((p) => p.id);
  }

  staff(unit: string): string[] {
    return this.having((m) => m.role === 'staff' && m.unit?.name === unit).map((p) => p.id);
  }

  expert(workplace: string): string {
    const experts = this.having((m) => m.role === 'expert');
    const hit = experts.find((p) => p.person.organization === workplace);
    return hit?.id ?? this.pick(experts, 1, 'experts')[0]!;
  }

  speaker(s: Speaker): { personId: string | null; title: string | null; role: ParticipantRole } {
    if ('name' in s) {
      const id = this.byName(s.name);
      const expert = this.people
        .find((p) => p.id === id)!
        .person.memberships.some((m) => m.role === 'expert');
      return { personId: id, title: null, role: expert ? 'expert' : 'invited_deputy' };
    }
    if ('cityDeputy' in s)
      return { personId: this.cityDeputies(s.cityDeputy, 1, true)[0]!, title: null, role: 'invited_deputy' };
    if ('provincialDeputy' in s)
      return { personId: this.provincialDeputy(s.provincialDeputy), title: null, role: 'invited_deputy' };
    if ('expert' in s) return { personId: this.expert(s.expert), title: null, role: 'expert' };
    return { personId: null, title: s.outsider, role: 'observer' };
  }
}

/** People and units of an activity, each once (the first role given wins). */
function participants(
  people: [string[], ParticipantRole][],
  units: [string[], ParticipantRole][] = [],
  excusedEvery = 0,
): Participant[] {
  const seen = new Set<string>();
  const out: Participant[] = [];
  for (const [ids, role] of people) {
    for (const personId of ids) {
      if (seen.has(personId)) continue;
      seen.add(personId);
      const excused = excusedEvery > 0 && role === 'member' && out.length % excusedEvery === excusedEvery - 1;
      out.push({ personId, role, attendance: excused ? 'excused' : 'present' });
    }
  }
  for (const [ids, role] of units) {
    for (const unitId of ids) {
      if (seen.has(unitId)) continue;
      seen.add(unitId);
      out.push({ unitId, role, attendance: 'present' });
    }
  }
  return out;
}

/** One matter to create at `createdAt`, then to play from its assignment date. */
interface MatterJob {
  plan: MatterPlan & { title: string; content: string };
  source: MatterSource;
  sourceActivityId?: string;
  sourceRecordId?: string;
  supervisorPersonId: string;
  requirements: string | null;
  createdAt: Date;
  assignOn: string;
}

interface Step {
  at: Date;
  by: 'office' | 'unit' | 'new_unit' | 'leader';
  action: MatterAction;
  payload: (job: MatterJob) => Record<string, unknown>;
  evidence?: boolean;
}

export interface NpcYearSummary {
  activities: Record<string, number>;
  records: number;
  matters: Record<string, number>;
  files: number;
}

export async function loadNpcYear(ctx: NpcYearContext): Promise<NpcYearSummary> {
  const { db, bodyId } = ctx;
  const dir = new Directory(ctx.people);
  const summary: NpcYearSummary = { activities: {}, records: 0, matters: {}, files: 0 };
  const npcUnit = (name: string) => ctx.unitId({ body: 'npc', name });
  const dept = (shortName: string) => ctx.unitId({ body: 'gov', name: shortName });

  const actorOf = (username: string): BodyActor => {
    const a = ctx.accounts.get(username);
    if (!a) throw new Error(`demo year needs the account ${username}`);
    return {
      account: a.row,
      via: 'session',
      sessionId: null,
      csrfToken: null,
      bodyId,
      roles: [a.role],
      unitId: a.unitId,
    };
  };
  const office = actorOf('staff');
  const leaderActor = actorOf('leader');
  const liaisonOf = (shortName: string) => {
    const username = ctx.liaisonAccounts.get(shortName);
    if (!username) throw new Error(`demo year needs a liaison account for ${shortName}`);
    return actorOf(username);
  };

  const activity = async (input: ActivityInput) => {
    const row = await createActivity({ db, actor: office, input: { status: 'held', ...input } });
    summary.activities[input.type] = (summary.activities[input.type] ?? 0) + 1;
    return row;
  };
  const record = async (activityId: string, input: RecordInput) => {
    summary.records++;
    return addRecord({ db, actor: office, activityId, input });
  };

  const jobs: MatterJob[] = [];
  const job = (j: Omit<MatterJob, 'requirements'> & { via: string | null }) => {
    const { via, ...rest } = j;
    jobs.push({ ...rest, requirements: via ? matterRequirements(via) : null });
  };

  const lingChuanmao = dir.byName('凌传茂');
  const teamUnit = npcUnit(JOINT_MEETING_TEAM);
  const deputyWork = npcUnit('代表人事选举任免联络工作委员会');

  // ------------------------------------------------ the joint meeting and its plenary sessions
  const joint = await activity({
    type: 'joint_meeting',
    title: JOINT_MEETING.title,
    organiserUnitId: teamUnit,
    leaderPersonId: lingChuanmao,
    startsAt: iso(FIRST_PLENARY.date),
    description: JOINT_MEETING.description,
    participants: participants(
      [[[lingChuanmao], 'leader']],
      [
        [JOINT_MEETING.npcMemberUnits.map(npcUnit), 'member_unit'],
        [JOINT_MEETING_DEPARTMENTS.map(dept), 'member_unit'],
        [[teamUnit], 'staff'],
      ],
    ),
  });
  const memberUnits: [string[], ParticipantRole][] = [
    [JOINT_MEETING.npcMemberUnits.map(npcUnit), 'member_unit'],
    [JOINT_MEETING_DEPARTMENTS.map(dept), 'member_unit'],
  ];
  const teamStaff = dir.staff(JOINT_MEETING_TEAM);

  const first = await activity({
    type: 'plenary_session',
    parentId: joint.id,
    title: FIRST_PLENARY.title,
    leaderPersonId: lingChuanmao,
    organiserUnitId: teamUnit,
    startsAt: iso(FIRST_PLENARY.date, 9),
    endsAt: iso(FIRST_PLENARY.date, 12),
    place: FIRST_PLENARY.place,
    minutes: FIRST_PLENARY.minutes,
    participants: participants(
      [
        [[lingChuanmao], 'leader'],
        [teamStaff, 'staff'],
      ],
      memberUnits,
    ),
  });
  let order = 0;
  for (const r of FIRST_PLENARY.rules) {
    await record(first.id, { kind: 'rule', title: r.title, content: r.content, sortOrder: ++order });
  }
  await record(first.id, {
    kind: 'speech',
    personId: lingChuanmao,
    content: FIRST_PLENARY.speech,
    sortOrder: ++order,
  });
  for (const d of FIRST_PLENARY.decisions) {
    job({
      plan: d,
      source: 'meeting_decision',
      sourceActivityId: first.id,
      supervisorPersonId: lingChuanmao,
      via: `经联席会议第一次全体会议（${FIRST_PLENARY.date}）议定`,
      createdAt: at(FIRST_PLENARY.date, 18),
      assignOn: plusDays(FIRST_PLENARY.date, 4),
    });
  }

  // ------------------------------------------------ the 8 research groups, their visits and reports
  const visit = async (parentId: string, leaderId: string | null, v: Visit, hour = 9) => {
    const delegates = [
      ...(v.withDeputies ?? []).map((n) => dir.byName(n)),
      ...dir.cityDeputies(v.county, 2),
      ...dir.localDeputies(v.county, 'county', 1),
      ...(v.town ? dir.localDeputies(`${v.county}${v.town}`, 'town', 1) : []),
    ];
    const a = await activity({
      type: 'visit',
      parentId,
      title: v.title,
      leaderPersonId: leaderId,
      startsAt: iso(v.date, hour),
      endsAt: iso(v.date, hour + 3),
      place: `${v.county}${v.town ?? ''}`,
      // What was seen goes in the description: a record per visit would double the calls for little.
      description: v.note,
      participants: participants([
        [leaderId ? [leaderId] : [], 'leader'],
        [delegates, 'invited_deputy'],
      ]),
    });
    return a;
  };

  for (const f of RESEARCH_FIELDS) {
    const leaderId = dir.byName(f.leader);
    const group = await activity({
      type: 'research',
      title: `${f.field}专题调研`,
      field: f.field,
      organiserUnitId: npcUnit(f.organiser),
      leaderPersonId: leaderId,
      startsAt: iso(f.start),
      endsAt: iso(f.end, 18),
      description: `助力加快建设现代化产业体系${f.field}专题调研组，由${f.leader}牵头，${f.organiser}具体承办。`,
      participants: participants([
        [[leaderId], 'leader'],
        [dir.committee(f.organiser), 'member'],
        [(f.withDeputies ?? []).map((n) => dir.byName(n)), 'invited_deputy'],
        [dir.cityDeputies(f.visits[0]!.county, 2, true), 'invited_deputy'],
        [[dir.expert(f.expertAt)], 'expert'],
        [dir.staff(NPC_RESEARCH_OFFICE), 'staff'],
      ]),
    });
    // Two visits on the same day go morning and afternoon.
    let lastDay = '';
    for (const v of f.visits) {
      await visit(group.id, leaderId, v, v.date === lastDay ? 14 : 9);
      lastDay = v.date;
    }
    const report = await record(group.id, {
      kind: 'report',
      title: f.report.title,
      content: f.report.content,
      sortOrder: 1,
    });
    let n = 0;
    for (const a of f.achievements) {
      await record(group.id, {
        kind: 'finding',
        parentId: report.id,
        nature: 'achievement',
        title: a.title,
        content: a.content,
        sortOrder: ++n,
      });
    }
    const problems: { id: string; finding: (typeof f.problems)[number] }[] = [];
    for (const p of f.problems) {
      const r = await record(group.id, {
        kind: 'finding',
        parentId: report.id,
        nature: 'problem',
        title: p.title,
        content: p.content,
        sortOrder: ++n,
      });
      problems.push({ id: r.id, finding: p });
    }

    // 生活服务 goes to the Standing Committee's report hearing instead (below).
    const m = f.meeting;
    if (m) {
      const speakers = m.suggestions.map((s) => dir.speaker(s.by));
      const meeting = await activity({
        type: 'thematic_meeting',
        parentId: joint.id,
        title: m.title,
        field: f.field,
        organiserUnitId: teamUnit,
        leaderPersonId: leaderId,
        startsAt: iso(m.date, 9),
        endsAt: iso(m.date, 12),
        place: '市人大常委会机关第一会议室',
        minutes: m.outcome,
        participants: participants(
          [
            [[leaderId], 'leader'],
            [speakers.filter((s) => s.role === 'invited_deputy').map((s) => s.personId!), 'invited_deputy'],
            [speakers.filter((s) => s.role === 'expert').map((s) => s.personId!), 'expert'],
            [dir.cityDeputies(f.visits[1]!.county, 3), 'invited_deputy'],
            [teamStaff, 'staff'],
          ],
          [
            [[...new Set(m.suggestions.map((s) => dept(s.responder)))], 'department_responder'],
            [[npcUnit(f.organiser)], 'member_unit'],
          ],
        ),
      });
      for (const [i, s] of m.suggestions.entries()) {
        const who = speakers[i]!;
        const r = await record(meeting.id, {
          kind: 'suggestion',
          title: who.title,
          personId: who.personId,
          content: s.content,
          responderUnitId: dept(s.responder),
          response: s.response,
          sortOrder: i + 1,
        });
        if (s.matter) {
          job({
            plan: { content: s.content, ...s.matter },
            source: 'meeting_decision',
            sourceRecordId: r.id,
            supervisorPersonId: leaderId,
            via: `经${m.title}（${m.date}）议定交办`,
            createdAt: at(m.date, 18),
            assignOn: plusDays(m.date, 7),
          });
        }
      }
      for (const p of problems) {
        if (!p.finding.matter) continue;
        job({
          plan: { title: p.finding.title, content: p.finding.content, ...p.finding.matter },
          source: 'research_finding',
          sourceRecordId: p.id,
          supervisorPersonId: leaderId,
          via: `${f.field}专题调研发现问题，经${m.title}（${m.date}）交办`,
          createdAt: at(m.date, 18),
          assignOn: plusDays(m.date, 7),
        });
      }
    } else {
      for (const p of problems) {
        if (!p.finding.matter) continue;
        job({
          plan: { title: p.finding.title, content: p.finding.content, ...p.finding.matter },
          source: 'research_finding',
          sourceRecordId: p.id,
          supervisorPersonId: leaderId,
          via: `${f.field}专题调研发现问题，随常委会审议意见一并交办`,
          createdAt: at(REPORT_HEARING.date, 18),
          assignOn: plusDays(REPORT_HEARING.opinionSent, 3),
        });
      }
    }
  }

  // ------------------------------------------------ 生活服务: report hearing and special inquiry
  {
    const h = REPORT_HEARING;
    const field = RESEARCH_FIELDS.find((f) => f.field === '生活服务')!;
    const supervisor = dir.byName(field.leader);
    const chair = dir.byName('谭振邦');
    const committee = dir.allCommittee();
    const responders = [...new Set(h.inquiry.questions.map((q) => dept(q.responder)))];
    const hearing = await activity({
      type: 'report_hearing',
      title: h.title,
      field: field.field,
      organiserUnitId: npcUnit(field.organiser),
      leaderPersonId: chair,
      startsAt: iso(h.date, 9),
      endsAt: iso(h.date, 12),
      place: h.place,
      description: `${h.session}听取和审议。`,
      participants: participants(
        [
          [[chair], 'leader'],
          [committee, 'member'],
        ],
        [[responders, 'department_responder']],
        13,
      ),
    });
    await record(hearing.id, {
      kind: 'report',
      title: h.report.title,
      content: h.report.content,
      sortOrder: 1,
    });
    const opinion = await record(hearing.id, {
      kind: 'deliberation_opinion',
      title: h.opinion.title,
      content: h.opinion.content,
      sortOrder: 2,
    });
    for (const m of h.matters) {
      job({
        plan: m,
        source: 'deliberation_opinion',
        sourceRecordId: opinion.id,
        supervisorPersonId: supervisor,
        via: `常委会审议意见（${h.opinionSent}交市人民政府研究处理）`,
        createdAt: at(h.opinionSent, 16),
        assignOn: plusDays(h.opinionSent, 3),
      });
    }
    const askers = committee.filter((_, i) => i % 6 === 1).slice(0, h.inquiry.questions.length);
    const inquiry = await activity({
      type: 'special_inquiry',
      parentId: hearing.id,
      title: h.inquiry.title,
      field: field.field,
      organiserUnitId: npcUnit(field.organiser),
      leaderPersonId: supervisor,
      startsAt: iso(h.date, 15),
      endsAt: iso(h.date, 18),
      place: h.place,
      participants: participants(
        [
          [[supervisor], 'leader'],
          [askers, 'member'],
        ],
        [[responders, 'department_responder']],
      ),
    });
    for (const [i, q] of h.inquiry.questions.entries()) {
      const r = await record(inquiry.id, {
        kind: 'question',
        personId: askers[i]!,
        content: q.question,
        responderUnitId: dept(q.responder),
        response: q.response,
        rating: q.rating,
        sortOrder: i + 1,
      });
      if ('matter' in q && q.matter) {
        job({
          plan: q.matter,
          source: 'inquiry_followup',
          sourceRecordId: r.id,
          supervisorPersonId: supervisor,
          via: `专题询问跟踪（${h.date}）`,
          createdAt: at(h.opinionSent, 16),
          assignOn: plusDays(h.opinionSent, 3),
        });
      }
    }
  }

  // ------------------------------------------------ the joint meeting's second plenary
  {
    const p = SECOND_PLENARY;
    const second = await activity({
      type: 'plenary_session',
      parentId: joint.id,
      title: p.title,
      leaderPersonId: lingChuanmao,
      organiserUnitId: teamUnit,
      startsAt: iso(p.date, 9),
      endsAt: iso(p.date, 12),
      place: p.place,
      minutes: p.minutes,
      participants: participants(
        [
          [[lingChuanmao], 'leader'],
          [teamStaff, 'staff'],
        ],
        memberUnits,
      ),
    });
    await record(second.id, { kind: 'speech', personId: lingChuanmao, content: p.speech, sortOrder: 1 });
    for (const d of p.decisions) {
      job({
        plan: d,
        source: 'meeting_decision',
        sourceActivityId: second.id,
        supervisorPersonId: lingChuanmao,
        via: `经联席会议第二次全体会议（${p.date}）议定`,
        createdAt: at(p.date, 18),
        assignOn: plusDays(p.date, 3),
      });
    }
  }

  // ------------------------------------------------ deputies: national deputies' research, themed activity, inspection, 约见市长
  {
    const v = NATIONAL_DEPUTIES_VISIT;
    const national = await activity({
      type: 'deputy_activity',
      title: v.title,
      organiserUnitId: deputyWork,
      startsAt: iso(v.start),
      endsAt: iso(v.end, 18),
      place: '江门市',
      description: v.description,
      participants: participants([[dir.nationalDeputies(), 'invited_deputy']]),
    });
    for (const [i, x] of v.visits.entries()) {
      await activity({
        type: 'visit',
        parentId: national.id,
        title: x.title,
        startsAt: iso(x.date, i === 1 ? 14 : 9),
        endsAt: iso(x.date, i === 1 ? 17 : 12),
        place: x.county,
        description: x.note,
      });
    }
    for (const [i, s] of v.speeches.entries()) {
      await record(national.id, { kind: 'speech', title: s.title, content: s.content, sortOrder: i + 1 });
    }
  }
  {
    const t = THEMED_ACTIVITY;
    await activity({
      type: 'deputy_activity',
      title: t.title,
      organiserUnitId: deputyWork,
      startsAt: iso(t.start),
      endsAt: iso(t.end, 18),
      description: t.description,
      participants: participants([], [[COUNTIES.map((c) => npcUnit(delegationOf(c.name))), 'member_unit']]),
    });
  }
  {
    const s = SPORTS_INSPECTION;
    const leaderId = dir.byName(s.leader);
    const inspection = await activity({
      type: 'inspection',
      title: s.title,
      organiserUnitId: deputyWork,
      leaderPersonId: leaderId,
      startsAt: iso(s.start),
      endsAt: iso(s.end, 18),
      place: '蓬江区、鹤山市、台山市',
      participants: participants(
        [
          [[leaderId], 'leader'],
          [['蓬江区', '鹤山市', '台山市', '新会区'].flatMap((c) => dir.cityDeputies(c, 3)), 'invited_deputy'],
        ],
        [[[dept('市文化广电旅游体育局')], 'department_responder']],
      ),
    });
    let lastDay = '';
    for (const v of s.visits) {
      await visit(inspection.id, leaderId, v, v.date === lastDay ? 14 : 9);
      lastDay = v.date;
    }
    const report = await record(inspection.id, {
      kind: 'report',
      title: s.report.title,
      content: s.report.content,
      sortOrder: 1,
    });
    let n = 0;
    for (const a of s.achievements) {
      await record(inspection.id, {
        kind: 'finding',
        parentId: report.id,
        nature: 'achievement',
        title: a.title,
        content: a.content,
        sortOrder: ++n,
      });
    }
    for (const p of s.problems) {
      const r = await record(inspection.id, {
        kind: 'finding',
        parentId: report.id,
        nature: 'problem',
        title: p.title,
        content: p.content,
        sortOrder: ++n,
      });
      // Drafted by the office from the inspection report; not yet assigned.
      job({
        plan: { title: p.title, content: p.content, path: 'draft' },
        source: 'inspection_finding',
        sourceRecordId: r.id,
        supervisorPersonId: leaderId,
        via: `${s.title}发现问题`,
        createdAt: at(plusDays(s.end, 9), 16),
        assignOn: plusDays(s.end, 9),
      });
    }
  }
  {
    const m = MAYOR_MEETING;
    const speakers = m.suggestions.map((s) => dir.speaker(s.by));
    const meeting = await activity({
      type: 'deputy_activity',
      title: m.title,
      organiserUnitId: deputyWork,
      startsAt: iso(m.date, 9),
      endsAt: iso(m.date, 12),
      place: '市人民政府会议室',
      description: `主题：${m.theme}。省、市人大代表约见市长活动已连续开展32年。`,
      participants: participants(
        [
          [speakers.map((s) => s.personId!), 'invited_deputy'],
          [
            [
              dir.provincialDeputy(3),
              dir.provincialDeputy(4),
              ...m.withDeputies.map((n) => dir.byName(n)),
              ...dir.cityDeputies('新会区', 2, true),
            ],
            'invited_deputy',
          ],
        ],
        [[[...new Set(m.suggestions.map((s) => dept(s.responder)))], 'department_responder']],
      ),
    });
    for (const [i, s] of m.suggestions.entries()) {
      await record(meeting.id, {
        kind: 'suggestion',
        personId: speakers[i]!.personId,
        content: s.content,
        responderUnitId: dept(s.responder),
        response: s.response,
        sortOrder: i + 1,
      });
    }
  }

  // ------------------------------------------------ matters: created and played in the order of the year
  await playMatters(jobs, { db, ctx, office, leaderActor, liaisonOf, dept, summary });
  return summary;
}

/** The steps of each path, from the assignment date B; deadlines that must be live count from today. */
function stepsOf(job: MatterJob, now: Date): Step[] {
  const B = job.assignOn;
  const p = job.plan;
  const d = (n: number) => at(plusDays(B, n));
  const today = fmtDate(now);
  const fromToday = (n: number) => plusDays(today, n);
  /** n days before today, but never before the step it follows. */
  const recent = (n: number, after: Date) =>
    new Date(Math.max(at(plusDays(today, -n)).getTime(), after.getTime() + DAY));
  const measures = p.measures || '已制定整改方案，明确责任分工和完成时限。';
  const done = p.done ?? '整改任务已全部完成。';
  const assign = (deadline?: string): Step => ({
    at: d(0),
    by: 'office',
    action: 'assign',
    payload: (j) => ({
      leadUnitId: j.plan.lead,
      ...(j.plan.co?.length ? { coUnitIds: j.plan.co } : {}),
      ...(deadline ? { deadline } : {}),
    }),
  });
  const office = (n: number, action: MatterAction, payload: Record<string, unknown>): Step => ({
    at: d(n),
    by: 'office',
    action,
    payload: () => payload,
  });
  const unit = (
    n: number,
    action: MatterAction,
    payload: Record<string, unknown>,
    by: Step['by'] = 'unit',
  ) => ({
    at: d(n),
    by,
    action,
    payload: () => payload,
  });
  const receive = (n: number, by: Step['by'] = 'unit') =>
    unit(n, 'receive', { comment: '已签收，按要求办理。' }, by);
  const report = (n: number, status: string, text = measures, by: Step['by'] = 'unit') =>
    unit(n, 'report_progress', { measures: text, status }, by);
  const submit = (n: number): Step => ({
    ...unit(n, 'submit_completion', { summary: done }),
    evidence: true,
  });
  const close = (n: number): Step => ({
    at: d(n),
    by: p.closedByLeader ? 'leader' : 'office',
    action: 'close_out',
    payload: () => ({ comment: '整改到位，同意销号。' }),
  });
  const urge = (n: number) =>
    office(n, 'urge', { message: '该事项已超过办理期限，请抓紧落实，并于5个工作日内报送整改进展。' });
  const object = (n: number) =>
    unit(n, 'object', {
      reason: p.objectReason ?? '该事项不属于我单位职责，建议改由其他单位主办。',
      ...(p.other ? { suggestedUnitId: p.other } : {}),
    });

  switch (p.path) {
    case 'draft':
      return [];
    case 'cancelled':
      return [office(0, 'cancel', { reason: p.cancelReason ?? '经研究，该事项不再单独交办。' })];
    case 'assigned':
      return [assign(fromToday(40))];
    case 'assigned_soon':
      return [assign(fromToday(2))];
    case 'assigned_overdue':
      return [assign(), urge(25)];
    case 'objected':
      return [assign(fromToday(45)), object(4)];
    case 'received':
      return [assign(fromToday(50)), receive(5)];
    case 'received_soon':
      return [assign(fromToday(2)), receive(5)];
    case 'rect_overdue':
      return [assign(), receive(4), report(35, 'partial'), urge(100)];
    case 'rect_green': {
      const last = report(40, 'in_progress');
      return [
        assign(fromToday(60)),
        receive(4),
        last,
        { ...report(0, 'partial', `${measures}下一阶段按计划推进。`), at: recent(20, last.at) },
      ];
    }
    case 'rect_report_late':
      return [assign(fromToday(120)), receive(5), report(35, 'in_progress')];
    case 'extension': {
      const approve = office(83, 'approve_extension', { comment: '同意延期，请按新的期限完成。' });
      return [
        assign(plusDays(B, 90)),
        receive(4),
        report(40, 'partial'),
        unit(80, 'request_extension', {
          until: fromToday(45),
          reason: '涉及土地收储和历史遗留问题处置，需跨年度推进，申请延期办理。',
        }),
        approve,
        { ...report(0, 'in_progress', `${measures}延期后按新计划推进。`), at: recent(25, approve.at) },
      ];
    }
    case 'reassigned':
      return [
        assign(),
        object(3),
        {
          at: d(6),
          by: 'office',
          action: 'reassign',
          payload: (j) => ({ leadUnitId: j.plan.other, deadline: fromToday(75) }),
        },
        receive(8, 'new_unit'),
        report(40, 'partial', measures, 'new_unit'),
      ];
    case 'submitted': {
      const last = report(35, 'partial');
      return [assign(fromToday(20)), receive(4), last, { ...submit(0), at: recent(6, last.at) }];
    }
    case 'closed':
      return [assign(plusDays(B, 90)), receive(3), report(30, 'partial'), submit(65), close(72)];
    case 'closed_returned':
      return [
        assign(plusDays(B, 90)),
        receive(3),
        report(30, 'partial'),
        submit(55),
        office(60, 'return', { reason: '整改佐证材料不完整，请补充整改前后对比和制度文件后重新报送。' }),
        report(75, 'completed', `已补充佐证材料：${done}`),
        submit(80),
        close(86),
      ];
    case 'closed_late':
      return [assign(plusDays(B, 30)), receive(2), report(20, 'partial'), submit(40), close(45)];
    case 'closed_vote':
      return [
        assign(),
        receive(3),
        report(30, 'partial'),
        submit(70),
        office(78, 'record_vote', { satisfied: 38, basicallySatisfied: 10, unsatisfied: 3, abstained: 1 }),
      ];
    case 'vote_failed':
      return [
        assign(),
        receive(3),
        report(30, 'partial'),
        submit(70),
        office(78, 'record_vote', { satisfied: 14, basicallySatisfied: 6, unsatisfied: 28, abstained: 3 }),
        report(100, 'in_progress', '根据常委会满意度测评意见重新制定整改方案，整合文旅资源，推进品牌创建。'),
      ];
    case 'objection_dismissed':
      return [
        assign(),
        object(3),
        office(6, 'dismiss_objection', { reason: p.dismissReason ?? '经研究，仍由你单位主办。' }),
        receive(7),
        report(35, 'partial'),
        submit(70),
        close(77),
      ];
  }
}

async function playMatters(
  jobs: MatterJob[],
  env: {
    db: Db;
    ctx: NpcYearContext;
    office: BodyActor;
    leaderActor: BodyActor;
    liaisonOf: (shortName: string) => BodyActor;
    dept: (shortName: string) => string;
    summary: NpcYearSummary;
  },
) {
  const { db, ctx, summary } = env;
  type Event = { at: Date; job: number; step?: Step };
  const events: Event[] = [];
  jobs.forEach((j, i) => {
    events.push({ at: j.createdAt, job: i });
    for (const step of stepsOf(j, ctx.now)) events.push({ at: step.at, job: i, step });
  });
  // Stable: a matter's own steps are in order already; across matters the year's order decides (numbers
  // of the assignment notices follow it).
  events.sort((a, b) => a.at.getTime() - b.at.getTime());

  const state = new Map<number, { id: string; version: number; lead: string | null; state: string }>();
  for (const e of events) {
    const j = jobs[e.job]!;
    if (!e.step) {
      const row = await createMatter({
        db,
        actor: env.office,
        now: e.at,
        input: {
          title: j.plan.title,
          content: j.plan.content,
          requirements: j.requirements,
          source: j.source,
          sourceActivityId: j.sourceActivityId ?? null,
          sourceRecordId: j.sourceRecordId ?? null,
          supervisorPersonId: j.supervisorPersonId,
          reportEveryDays: j.plan.reportEveryDays ?? null,
          contact: null,
        },
      });
      state.set(e.job, { id: row.id, version: row.version, lead: null, state: row.state });
      continue;
    }
    const s = state.get(e.job)!;
    const step = e.step;
    const unitName = step.by === 'new_unit' ? j.plan.other! : j.plan.lead!;
    const actor =
      step.by === 'office' ? env.office : step.by === 'leader' ? env.leaderActor : env.liaisonOf(unitName);
    const raw = step.payload(j);
    // Units are named in the content; the use case wants their ids.
    const payload: Record<string, unknown> = { ...raw };
    if (typeof raw.leadUnitId === 'string') payload.leadUnitId = env.dept(raw.leadUnitId);
    if (Array.isArray(raw.coUnitIds)) payload.coUnitIds = (raw.coUnitIds as string[]).map(env.dept);
    if (typeof raw.suggestedUnitId === 'string') payload.suggestedUnitId = env.dept(raw.suggestedUnitId);
    if (step.evidence) {
      const file = await storeFile({
        db,
        actor,
        name: `${j.plan.title}整改完成情况报告.pdf`,
        content: evidencePdf([
          "Jiangmen Municipal People's Congress Standing Committee",
          'Supervised matter: completion report (Yiting demo evidence)',
          `Submitted ${fmtDate(step.at)} by the handling unit's liaison`,
        ]),
      });
      summary.files++;
      payload.evidenceFileIds = [file.id];
    }
    const row = await fireMatterAction({
      db,
      actor,
      id: s.id,
      version: s.version,
      action: step.action,
      payload,
      now: step.at,
    });
    state.set(e.job, { id: row.id, version: row.version, lead: row.leadUnitId, state: row.state });
  }
  for (const s of state.values()) summary.matters[s.state] = (summary.matters[s.state] ?? 0) + 1;
}
