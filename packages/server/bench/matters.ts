import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.ts';
import type { Database } from '../src/db/client.ts';
import { backfillSearchVectors } from '../src/tracking/search.ts';
import { createAccount } from '../src/usecases/accounts.ts';
import { onBothEngines, timeP95 } from './engines.ts';
import type { BenchFigure } from './main.ts';

const MATTERS = 20_000;
const EVENTS_PER_MATTER = 10;
const UNITS = 40;
const RUNS = 60;

/**
 * A city-scale body: 20,000 matters over 40 departments in every state, 200,000 timeline events, plus
 * a second body of the same size so that any query whose cost grows with other bodies' data shows.
 * Rows are made set-based in SQL (same on both engines) so the setup takes seconds.
 */
async function seed(database: Database) {
  const db = database.db;
  const bodies: string[] = [];
  for (let b = 0; b < 2; b++) {
    const bodyId = crypto.randomUUID();
    bodies.push(bodyId);
    await db.execute(sql`insert into bodies (id, name, kind, level, region_code, region_name)
      values (${bodyId}, ${`基准测试人大常委会${b}`}, 'npc_standing_committee', 'city', ${`B${b}`}, '基准市')`);
    await db.execute(sql`insert into units (id, body_id, name, kind, search_text)
      select gen_random_uuid(), ${bodyId}, '部门' || g, 'department', 'bm' || g from generate_series(1, ${UNITS}) g`);
    await db.execute(sql`
      with u as (select id, row_number() over (order by id) as n from units where body_id = ${bodyId}),
      s(state, n) as (values ('draft',0),('assigned',1),('received',2),('in_rectification',3),('in_rectification',4),
        ('completion_submitted',5),('closed',6),('closed',7),('closed',8),('objected',9))
      insert into tracked_items (id, body_id, type, number, title, content, state, data, source, lead_unit_id, deadline,
        last_report_at, closed_at, search_text, created_at, updated_at)
      select gen_random_uuid(), ${bodyId}, 'matter', '督〔2025〕' || g || '号', '事项' || g || '：科技成果转化效率不高',
        '调研发现的问题' || g, s.state,
        jsonb_build_object('source','research_finding','returnCount',0,'extensionCount',0,'voteFailures',0,
          'accountability',false,'pendingExtension',null,'deadline',(date '2025-08-01' + (g % 700))::text),
        case when g % 2 = 0 then 'research_finding' else 'meeting_decision' end,
        u.id, (date '2025-08-01' + (g % 700)), now() - make_interval(days => g % 60),
        case when s.state = 'closed' then now() - make_interval(days => g % 300) end,
        '事项' || g, now() - make_interval(days => g % 400), now()
      from generate_series(1, ${MATTERS}) g
      join s on s.n = g % 10
      join u on u.n = 1 + g % ${UNITS}`);
    await db.execute(sql`insert into item_units (body_id, item_id, unit_id, role)
      select body_id, id, lead_unit_id, 'lead' from tracked_items where body_id = ${bodyId} and lead_unit_id is not null`);
    await db.execute(sql`insert into item_events (id, body_id, item_id, seq, action, from_state, to_state, actor_name, at, payload)
      select gen_random_uuid(), i.body_id, i.id, e, case when e = 1 then 'create' else 'report_progress' end,
        'in_rectification', 'in_rectification', '联络员', now() - make_interval(days => e), '{}'::jsonb
      from tracked_items i cross join generate_series(1, ${EVENTS_PER_MATTER}) e where i.body_id = ${bodyId}`);
  }
  // Bulk SQL leaves search_vector empty; index the rows as the start-up backfill does.
  await backfillSearchVectors(db);
  await db.execute(sql`analyze`);
  const bodyId = bodies[0]!;
  await createAccount({
    db,
    username: `bench_${randomBytes(3).toString('hex')}`,
    password: 'Bench-pass-1',
    displayName: '基准',
    body: bodyId,
    roles: ['staff'],
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
    return res.json();
  };
  const unit = (await get('/api/v1/units?kind=department&limit=1')).items[0].id as string;
  const someMatter = (await get('/api/v1/matters?state=closed&limit=1')).items[0].id as string;
  const cases: [string, string][] = [
    ['matters list, state filter', '/api/v1/matters?state=in_rectification&limit=50'],
    ['matters list, unit + state', `/api/v1/matters?unitId=${unit}&state=closed&limit=50`],
    ['matters list, red warning', '/api/v1/matters?warning=red&limit=50'],
    ['matters list, text search', '/api/v1/matters?q=%E8%BD%AC%E5%8C%96&limit=50'],
    ['matter full chain', `/api/v1/matters/${someMatter}/chain`],
    ['matters dashboard', '/api/v1/dashboard/matters'],
  ];
  const figures: BenchFigure[] = [
    { name: `${engine}: seed 2 bodies × 20k matters, 200k events`, value: seedMs / 1000, unit: 's' },
  ];
  for (const [name, url] of cases) {
    const value = await timeP95(() => get(url), RUNS, 5);
    figures.push({ name: `${engine}: ${name} (p95)`, value, unit: 'ms' });
  }
  await app.close();
  return figures;
}

export function mattersBench(): Promise<BenchFigure[]> {
  return onBothEngines(measure);
}
