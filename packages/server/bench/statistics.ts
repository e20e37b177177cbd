import { randomBytes } from 'node:crypto';
import { newProposalData } from '@yiting/domain';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.ts';
import type { Database } from '../src/db/client.ts';
import { createAccount } from '../src/usecases/accounts.ts';
import { onBothEngines, timeP95 } from './engines.ts';
import type { BenchFigure } from './main.ts';

const PROPOSALS = 5_000;
const REPORTS = 1_000;
const UNITS = 40;
const RUNS = 40;

/**
 * A CPPCC committee's session: 5,000 proposals over 40 units in every outcome, each with the events the
 * statistics read (submission, acceptance, assignment, reply, approval, rating), and 1,000 opinion reports
 * with adoptions and instructions; plus a second body of the same size, so that any cost growing with
 * other bodies' data shows. Set-based SQL, the same on both engines.
 */
export async function seed(database: Database) {
  const db = database.db;
  const bodies: string[] = [];
  for (let b = 0; b < 2; b++) {
    const bodyId = crypto.randomUUID();
    bodies.push(bodyId);
    await db.execute(sql`insert into bodies (id, name, kind, level, region_code, region_name)
      values (${bodyId}, ${`基准测试政协${b}`}, 'cppcc_committee', 'city', ${`S${b}`}, '基准市')`);
    await db.execute(sql`insert into units (id, body_id, name, kind, search_text)
      select gen_random_uuid(), ${bodyId}, '承办单位' || g, 'department', 'cbdw' || g from generate_series(1, ${UNITS}) g`);
    // n = g % 10: 0 rejected, 1 merged, 2 accepted, 3 handling, 4 replied (late), 5–9 closed.
    await db.execute(sql`
      with u as (select id, row_number() over (order by id) as n from units where body_id = ${bodyId})
      insert into tracked_items (id, body_id, type, number, title, content, state, data, lead_unit_id, session_term,
        session_meeting, seq_no, category, submitter_kind, sector, is_key, search_text, created_at, updated_at)
      select gen_random_uuid(), ${bodyId}, 'proposal', '14-3-' || g, '提案' || g, '内容' || g,
        case g % 10 when 0 then 'rejected' when 1 then 'merged' when 2 then 'accepted' when 3 then 'handling'
          when 4 then 'replied' else 'closed' end,
        ${JSON.stringify(newProposalData('proposal'))}::jsonb || case when g % 10 >= 3 then jsonb_build_object('replyDeadline', '2025-06-30', 'round', 1,
          'units', jsonb_build_array(jsonb_build_object('unitId', u.id, 'role', 'lead', 'receivedAt', '2025-03-02T01:00:00Z',
            'contactedAt', null, 'opinionAt', null, 'countersignedAt', null, 'reply', null,
            'finalCategory', case when g % 10 >= 4 then chr(65 + g % 4) end)))
          else '{}'::jsonb end,
        case when g % 10 >= 3 then u.id end, 14, 3, g,
        (array['经济','社会','教育','科技','文化','生态','法治','民生'])[1 + g % 8],
        case when g % 7 = 0 then 'joint' else 'individual' end,
        (array['经济界','教育界','科技界','农业界','医卫界','文艺界'])[1 + g % 6],
        g % 50 = 0, '提案' || g, timestamptz '2025-01-10T09:00:00+08:00', now()
      from generate_series(1, ${PROPOSALS}) g
      join u on u.n = 1 + g % ${UNITS}`);
    await db.execute(sql`insert into item_units (body_id, item_id, unit_id, role)
      select body_id, id, lead_unit_id, 'lead' from tracked_items
      where body_id = ${bodyId} and type = 'proposal' and lead_unit_id is not null`);
    const events = (
      action: string,
      from: string,
      to: string,
      at: string,
      where: string,
      extra = sql`'{}'::jsonb`,
      unit = sql`null`,
    ) =>
      db.execute(sql`insert into item_events (id, body_id, item_id, seq, action, from_state, to_state, actor_name, actor_unit_id, at, payload)
        select gen_random_uuid(), i.body_id, i.id, ${sql.raw(String(seqOf[action]))}, ${action}, ${from}, ${to}, '基准',
          ${unit}, ${at}::timestamptz, ${extra}
        from tracked_items i where i.body_id = ${bodyId} and i.type = 'proposal' and ${sql.raw(where)}`);
    const seqOf: Record<string, number> = {
      create: 1,
      submit: 2,
      accept: 3,
      reject: 3,
      merge: 3,
      assign: 4,
      receive: 5,
      submit_reply: 6,
      approve_reply: 7,
      rate: 8,
    };
    await events('create', 'draft', 'draft', '2025-01-10T09:00:00+08:00', 'true');
    await events('submit', 'draft', 'submitted', '2025-01-11T09:00:00+08:00', 'true');
    await events('reject', 'submitted', 'rejected', '2025-02-01T09:00:00+08:00', 'i.seq_no % 10 = 0');
    await events('merge', 'submitted', 'merged', '2025-02-01T09:00:00+08:00', 'i.seq_no % 10 = 1');
    await events('accept', 'submitted', 'accepted', '2025-02-01T09:00:00+08:00', 'i.seq_no % 10 >= 2');
    await events('assign', 'accepted', 'assigned', '2025-03-01T09:00:00+08:00', 'i.seq_no % 10 >= 3');
    await events('receive', 'assigned', 'handling', '2025-03-02T09:00:00+08:00', 'i.seq_no % 10 >= 3');
    // Replies: most on time (before 2025-06-30), every fourth late.
    await db.execute(sql`insert into item_events (id, body_id, item_id, seq, action, from_state, to_state, actor_name, actor_unit_id, at, payload)
      select gen_random_uuid(), i.body_id, i.id, 6, 'submit_reply', 'handling', 'reply_submitted', '基准', i.lead_unit_id,
        case when i.seq_no % 4 = 0 then timestamptz '2025-07-15T09:00:00+08:00' else timestamptz '2025-05-20T09:00:00+08:00' end,
        jsonb_build_object('category', chr(65 + i.seq_no % 4), 'summary', '答复')
      from tracked_items i where i.body_id = ${bodyId} and i.type = 'proposal' and i.seq_no % 10 >= 4`);
    await events(
      'approve_reply',
      'reply_submitted',
      'replied',
      '2025-07-20T09:00:00+08:00',
      'i.seq_no % 10 >= 4',
    );
    await db.execute(sql`insert into item_events (id, body_id, item_id, seq, action, from_state, to_state, actor_name, at, payload)
      select gen_random_uuid(), i.body_id, i.id, 8, 'rate', 'replied', 'closed', '基准', timestamptz '2025-08-01T09:00:00+08:00',
        jsonb_build_object('ratings', jsonb_build_array(jsonb_build_object('unitId', i.lead_unit_id,
          'overall', (array['satisfied','basically_satisfied','unsatisfied'])[1 + i.seq_no % 3])))
      from tracked_items i where i.body_id = ${bodyId} and i.type = 'proposal' and i.seq_no % 10 >= 5`);

    // Reports: n = g % 10: 0 declined, 1–3 forwarded, 4–9 adopted (at one or two levels), every fifth instructed.
    await db.execute(sql`insert into tracked_items (id, body_id, type, title, content, state, data, seq_no, category,
        submitter_kind, adoption_levels, instruction_count, search_text, created_at, updated_at)
      select gen_random_uuid(), ${bodyId}, 'opinion_report', '社情民意' || g, '内容' || g,
        case when g % 10 = 0 then 'declined' when g % 5 = 4 then 'instructed' else 'forwarded' end, '{}'::jsonb, g,
        (array['经济','社会','民生'])[1 + g % 3], 'member',
        case when g % 10 >= 4 then (case when g % 2 = 0 then array['own_body','party_government'] else array['own_body'] end)
          else '{}'::text[] end,
        case when g % 5 = 4 then 1 else 0 end, '社情民意' || g, timestamptz '2025-03-01T09:00:00+08:00', now()
      from generate_series(1, ${REPORTS}) g`);
    await db.execute(sql`insert into item_events (id, body_id, item_id, seq, action, from_state, to_state, actor_name, at, payload)
      select gen_random_uuid(), i.body_id, i.id, s.seq, s.action, s.f, s.t, '基准', timestamptz '2025-03-02T09:00:00+08:00' + make_interval(days => s.seq),
        case when s.action = 'record_instruction' then jsonb_build_object('leaderLevel', (array['city','provincial'])[1 + i.seq_no % 2], 'leaderName', '领导', 'text', '批示', 'date', '2025-04-01') else '{}'::jsonb end
      from tracked_items i
      join (values (1, 'create', null, 'draft'), (2, 'submit', 'draft', 'submitted'), (3, 'edit', 'submitted', 'edited'),
        (4, 'approve', 'edited', 'approved'), (5, 'forward', 'approved', 'forwarded'),
        (6, 'record_adoption', 'forwarded', 'forwarded'), (7, 'record_instruction', 'forwarded', 'instructed'))
        as s(seq, action, f, t)
        on s.seq <= 5 or (s.seq = 6 and cardinality(i.adoption_levels) > 0) or (s.seq = 7 and i.instruction_count > 0)
      where i.body_id = ${bodyId} and i.type = 'opinion_report'`);
  }
  await db.execute(sql`analyze`);
  const bodyId = bodies[0]!;
  await createAccount({
    db,
    username: `bench_${randomBytes(3).toString('hex')}`,
    password: 'Bench-pass-1',
    displayName: '基准',
    body: bodyId,
    roles: ['leader'],
    skipComplexity: true,
  });
  return bodyId;
}

async function measure(database: Database, engine: string): Promise<BenchFigure[]> {
  const t0 = performance.now();
  const bodyId = await seed(database);
  const seedMs = performance.now() - t0;
  const app = await buildApp({ database });
  await app.ready();
  const { rows } = (await database.db.execute(
    sql`select username from accounts where home_body_id = ${bodyId}`,
  )) as unknown as { rows: { username: string }[] };
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: rows[0]!.username, password: 'Bench-pass-1' },
  });
  const cookie = `yiting_session=${login.cookies.find((c) => c.name === 'yiting_session')!.value}`;
  const get = async (url: string) => {
    const res = await app.inject({ method: 'GET', url, headers: { cookie } });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res;
  };
  // The figures must be the seeded ones, or the timing measures the wrong work.
  const s = (await get('/api/v1/statistics?year=2025&sessionTerm=14&sessionMeeting=3')).json();
  if (s.proposals.received.count !== PROPOSALS || s.reports.submitted.count !== REPORTS)
    throw new Error(
      `statistics bench: unexpected figures ${JSON.stringify([s.proposals.received, s.reports.submitted])}`,
    );
  const cases: [string, string][] = [
    ['statistics, session 14-3 of 2025', '/api/v1/statistics?year=2025&sessionTerm=14&sessionMeeting=3'],
    ['statistics, year 2025', '/api/v1/statistics?year=2025'],
    ['statistics .xlsx', '/api/v1/statistics.xlsx?year=2025&sessionTerm=14&sessionMeeting=3'],
    ['proposals list, late replies of the year', '/api/v1/proposals?year=2025&reply=late&limit=50'],
  ];
  const figures: BenchFigure[] = [
    {
      name: `${engine}: seed 2 bodies × (5k proposals + 1k reports) with events`,
      value: seedMs / 1000,
      unit: 's',
    },
  ];
  for (const [name, url] of cases) {
    const value = await timeP95(() => get(url), RUNS, 3);
    figures.push({ name: `${engine}: ${name} (p95)`, value, unit: 'ms' });
  }
  await app.close();
  return figures;
}

export function statisticsBench(): Promise<BenchFigure[]> {
  return onBothEngines(measure);
}
