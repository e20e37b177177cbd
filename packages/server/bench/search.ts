import { randomBytes } from 'node:crypto';
import { newProposalData } from '@yiting/domain';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.ts';
import type { Database } from '../src/db/client.ts';
import { backfillSearchVectors } from '../src/tracking/search.ts';
import { createAccount } from '../src/usecases/accounts.ts';
import { onBothEngines, p95 } from './engines.ts';
import type { BenchFigure } from './main.ts';

const ITEMS = Number(process.env.YITING_BENCH_SEARCH_ITEMS ?? 300_000);
const RUNS = 40;

// The vocabulary of the seed article (江门 Standing Committee's year of industrial supervision) and of
// proposals in general. Earlier entries are drawn more often (a skewed pick), so frequent and rare
// terms both exist, as in real text: 产业 is everywhere, 侨务 and 陈皮 are not.
const PLACES = ['江门', '蓬江', '江海', '新会', '台山', '开平', '鹤山', '恩平', '大湾区', '侨乡', '五邑'];
/** What an item is about: one per item, drawn skewed, so the later ones are rare (~1 %). */
const THEMES = [
  '科技成果转化',
  '专精特新企业',
  '中试平台',
  '概念验证',
  '新能源汽车',
  '新型储能',
  '生活服务业',
  '养老服务',
  '文旅融合',
  '乡村振兴',
  '农产品冷链物流',
  '港口航运',
  '生态环境保护',
  '水资源管理',
  '预制菜产业',
  '海洋经济',
  '低空经济',
  '人工智能应用',
  '职业教育',
  '托育服务',
  '社区治理',
  '历史文化街区',
  '华侨华人',
  '侨务资源',
  '新会陈皮',
  '侨批档案',
];
/** What every item also talks about. */
const GENERAL = [
  '现代化产业体系',
  '制造业',
  '产业链',
  '营商环境',
  '人才引进',
  '数字化转型',
  '工业园区',
  '融资担保',
  '土地要素保障',
  '交通基础设施',
];
const ACTIONS = [
  '加快',
  '推动',
  '完善',
  '加强',
  '优化',
  '提升',
  '促进',
  '支持',
  '打造',
  '培育',
  '健全',
  '统筹',
];
const PROBLEMS = [
  '政策落实不到位',
  '配套不足',
  '发展滞后',
  '存在短板',
  '效率不高',
  '遇到瓶颈',
  '资源分散',
  '基础薄弱',
  '协同不够',
  '资金缺口较大',
  '人才支撑不足',
  '审批流程繁琐',
];
const MEASURES = [
  '建立联席会议机制',
  '开展专题调研',
  '设立专项资金',
  '完善考核评价',
  '引进龙头企业',
  '建设公共服务平台',
  '强化部门协同',
  '加大财政投入',
  '优化审批流程',
  '加强人才培养',
];

// SQL text built from the constant vocabulary above (no user input).
const arr = (xs: string[]) => `array[${xs.map((x) => `'${x}'`).join(',')}]::text[]`;

/** A skewed pick from an array, reproducible from (g, k): index floor(n·u²) with u uniform in [0,1). */
const pick = (xs: string[], k: number) =>
  `(${arr(xs)})[1 + floor(${xs.length} * power((abs(hashint4(g * 31 + ${k})) % 100000) / 100000.0, 2))::int]`;

/** A sentence about `topic` (SQL text), with a place, a problem, a proposal and a measure. */
const sentence = (topic: string, k: number) =>
  `${pick(PLACES, k)} || '在' || ${topic} || '方面' || ${pick(PROBLEMS, k + 2)} || '，建议' || ` +
  `${pick(ACTIONS, k + 3)} || ${pick(GENERAL, k + 4)} || '，' || ${pick(MEASURES, k + 5)} || '。'`;
const THEME = pick(THEMES, 7);
const CONTENT = [0, 1, 2, 3, 4, 5]
  .map((i) => sentence(i === 0 || i === 3 ? THEME : pick(GENERAL, 100 + i), 10 + i * 10))
  .join(' || ');
const TITLE = `'关于' || ${pick(ACTIONS, 1)} || ${pick(PLACES, 2)} || ${THEME} || '高质量发展的建议'`;

/** Sessions the proposals are spread over, oldest first: terms 10–14, meetings 1–5. */
const SESSIONS = 25;
/** The newest this many are submitted and await review (the similar-proposal lookup's case). */
const SUBMITTED = 2_000;

/**
 * 300,000 proposals (提案) in one CPPCC body and 2,000 in another, generated in SQL (titles such as
 * 关于加快新会新会陈皮高质量发展的建议, contents of six sentences, ~230 characters, two on the item's theme),
 * spread over 25 sessions, the newest 2,000 submitted and awaiting review, the rest closed or rejected;
 * then indexed by the same backfill that runs after migrations.
 */
export async function seed(database: Database) {
  const db = database.db;
  const bodies: string[] = [];
  const data = JSON.stringify(newProposalData('proposal'));
  for (const [b, n] of [
    [0, ITEMS],
    [1, 2000],
  ] as const) {
    const bodyId = crypto.randomUUID();
    bodies.push(bodyId);
    await db.execute(sql`insert into bodies (id, name, kind, level, region_code, region_name)
      values (${bodyId}, ${`检索基准政协${b}`}, 'cppcc_committee', 'city', ${`S${b}`}, '基准市')`);
    // Chunks keep each statement's memory small on PGlite.
    for (let from = 1; from <= n; from += 50_000) {
      const to = Math.min(n, from + 50_000 - 1);
      // Ids are UUIDv7 like the application's (time-ordered, oldest first in the heap), so id-ordered
      // scans behave as in production.
      await db.execute(sql`insert into tracked_items (id, body_id, type, number, title, content, state, data,
          session_term, session_meeting, seq_no, category, submitter_kind, created_at, updated_at)
        select (lpad(to_hex((extract(epoch from at) * 1000)::bigint), 12, '0') || '7' || substr(md5(g::text || ${bodyId}), 1, 3)
            || '8' || substr(md5(g::text || ${bodyId}), 4, 15))::uuid,
          ${bodyId}, 'proposal', (10 + s / 5) || '-' || (1 + s % 5) || '-' || g, ${sql.raw(TITLE)}, ${sql.raw(CONTENT)},
          case when g > ${n - SUBMITTED} then 'submitted' when g % 10 = 0 then 'rejected' else 'closed' end,
          ${data}::jsonb || jsonb_build_object('submittedAt', at), 10 + s / 5, 1 + s % 5, g,
          (array['经济','社会','教育','科技','文化','生态','法治','民生'])[1 + g % 8], 'individual', at, at
        from generate_series(${from}::int, ${to}::int) g,
          lateral (select now() - make_interval(mins => ${n} - g) as at, (g - 1) * ${SESSIONS}::int / ${n}::int as s) t`);
    }
  }
  // A bulk load builds the GIN index once at the end rather than row by row (same definition as
  // migration 0009); the backfill is the one that runs after migrations.
  const t0 = performance.now();
  await db.execute(sql`drop index item_search_vector_idx`);
  const indexed = await backfillSearchVectors(db);
  await db.execute(sql`create index item_search_vector_idx on item_search using gin (search_vector)`);
  const indexMs = performance.now() - t0;
  await db.execute(sql`vacuum analyze tracked_items`);
  await db.execute(sql`vacuum analyze item_search`);
  const bodyId = bodies[0]!;
  const username = `bench_${randomBytes(3).toString('hex')}`;
  await createAccount({
    db,
    username,
    password: 'Bench-pass-1',
    displayName: '基准',
    body: bodyId,
    roles: ['staff'],
    skipComplexity: true,
  });
  return { bodyId, username, indexed, indexMs };
}

const QUERIES: Record<string, string[]> = {
  '2-char': ['陈皮', '侨务', '储能', '托育', '侨批', '产业'],
  '3-char': ['新能源', '预制菜', '冷链物', '华侨华', '产业链'],
  '4-char': ['科技成果', '营商环境', '低空经济', '文旅融合', '历史文化'],
};

async function measure(database: Database, engine: string): Promise<BenchFigure[]> {
  const t0 = performance.now();
  const { username, indexed, indexMs } = await seed(database);
  const seedMs = performance.now() - t0;
  const app = await buildApp({ database });
  await app.ready();
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password: 'Bench-pass-1' },
  });
  const cookie = `yiting_session=${login.cookies.find((c) => c.name === 'yiting_session')!.value}`;
  const get = async (url: string) => {
    const res = await app.inject({ method: 'GET', url, headers: { cookie } });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const figures: BenchFigure[] = [
    {
      name: `${engine}: seed ${ITEMS.toLocaleString('en')} + 2,000 proposals (SQL)`,
      value: seedMs / 1000,
      unit: 's',
    },
    {
      name: `${engine}: index ${indexed.toLocaleString('en')} proposals (backfill + GIN build, part of seed)`,
      value: indexMs / 1000,
      unit: 's',
    },
  ];
  const timed = async (urls: string[]) => {
    for (const url of urls) await get(url); // warm-up
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const url = urls[i % urls.length]!;
      const s = performance.now();
      await get(url);
      samples.push(performance.now() - s);
    }
    return p95(samples);
  };
  for (const [kind, qs] of Object.entries(QUERIES)) {
    const urls = qs.map((q) => `/api/v1/proposals?q=${encodeURIComponent(q)}&limit=20`);
    figures.push({
      name: `${engine}: search, ${kind} queries, page of 20 (p95)`,
      value: await timed(urls),
      unit: 'ms',
    });
    // How many each query matches, to read the figure by.
    for (const q of qs) {
      const { rows } = (await database.db.execute(
        sql`select count(*)::int as n from tracked_items where search_text like ${`%${q}%`}`,
      )) as unknown as { rows: { n: number }[] };
      console.log(`    ${engine} ${q}: ${rows[0]!.n.toLocaleString('en')} matches`);
    }
  }
  // The reviewer's case: proposals awaiting review, compared with those of their session and before.
  const sample = (await get('/api/v1/proposals?state=submitted&limit=100')).items as { id: string }[];
  const similarUrls = sample.filter((_, i) => i % 5 === 0).map((m) => `/api/v1/proposals/${m.id}/similar`);
  figures.push({
    name: `${engine}: similar-proposal lookup on review, top 5 (p95)`,
    value: await timed(similarUrls),
    unit: 'ms',
  });
  await app.close();
  return figures;
}

export function searchBench(): Promise<BenchFigure[]> {
  return onBothEngines(measure, { pgliteOnDisk: true });
}
