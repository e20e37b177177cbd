import { queryBigrams } from '@yiting/domain';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { estimateMatches, searchItems } from '../../src/repositories/item-search.ts';
import { backfillSearchVectors } from '../../src/tracking/search.ts';
import { type Client, signIn, useTestApp } from '../helpers/app.ts';
import { engineUnavailable } from '../helpers/db.ts';
import { createTenant } from '../helpers/factories.ts';

type Range = { start: number; end: number };
type Listed = {
  id: string;
  title: string;
  content: string;
  highlights?: { title: Range[]; content: { text: string; ranges: Range[] }[] };
};

const ITEMS = {
  chenpiTitle: { title: '新会陈皮产业链延伸不足', content: '调研发现新会陈皮产业链条短，深加工比例低。' },
  qiaowu: {
    title: '侨乡文旅融合发展滞后',
    content: '侨务资源丰富但利用不足，陈皮村等文旅项目带动弱；陈皮文化挖掘不深。',
  },
  coldChain: { title: '农产品冷链物流短板', content: '冷链设施不足，陈皮等特色农产品仓储成本高。' },
  // 陈皮, 皮产 and 产业 are all here, but never 陈皮产业 in a row.
  scattered: { title: '特色产品品质参差', content: '陈皮品质好，牛皮产品多，产业兴旺。' },
  // 陈 and 皮 apart; 侨 and 务 apart.
  apart: { title: '老旧设备更新缓慢', content: '陈旧设备多，树皮加工落后；华侨服务不到位，事务繁杂。' },
  like: { title: '数据_治理完成率100%', content: '全市政务ＰＭ２．５监测数据共享。' },
  likeNot: { title: '数据X治理完成率1000件', content: '监测数据未共享。' },
};

async function create(c: Client, item: { title: string; content: string }) {
  const res = await c.post('/api/v1/matters', { ...item, source: 'research_finding' });
  expect(res.statusCode).toBe(201);
  return res.json() as Listed & { version: number };
}

describe.skipIf(engineUnavailable())('Chinese full-text search over tracked items', () => {
  const t = useTestApp();
  let staff: Client;
  let other: Client;
  let liaison: Client;
  const ids: Record<keyof typeof ITEMS, string> = {} as never;
  let bodyId: string;

  const search = async (q: string, extra = '') => {
    const res = await staff.get(`/api/v1/matters?q=${encodeURIComponent(q)}${extra}`);
    expect(res.statusCode).toBe(200);
    return res.json() as { items: Listed[]; nextCursor: string | null };
  };
  const found = async (q: string) => (await search(q)).items.map((m) => m.id);

  beforeAll(async () => {
    const tenant = await createTenant(t.db);
    bodyId = tenant.body.id;
    staff = await signIn(t.app, tenant.staff);
    liaison = await signIn(t.app, tenant.liaison);
    for (const [k, item] of Object.entries(ITEMS))
      ids[k as keyof typeof ITEMS] = (await create(staff, item)).id;
    // Another body with the same words: never seen from this one.
    const tenant2 = await createTenant(t.db);
    other = await signIn(t.app, tenant2.staff);
    await create(other, ITEMS.chenpiTitle);
    await create(other, ITEMS.qiaowu);
  });

  it('finds exactly the items containing a two-character query, title matches first', async () => {
    expect(await found('陈皮')).toEqual([
      ids.chenpiTitle, // in the title
      ids.qiaowu, // twice in the content
      ids.scattered, // once each; the newer first
      ids.coldChain,
    ]);
    expect(await found('侨务')).toEqual([ids.qiaowu]);
  });

  it('matches across word boundaries and confirms every candidate as a substring', async () => {
    expect(await found('陈皮产业')).toEqual([ids.chenpiTitle]);
    expect(await found('务资')).toEqual([ids.qiaowu]);
    expect(await found('皮产')).toEqual([ids.chenpiTitle, ids.scattered]);
    expect(await found('陈皮产业 侨务')).toEqual([]);
    expect(await found('陈皮 侨务')).toEqual([ids.qiaowu]);
  });

  it('answers a one-character query by substring', async () => {
    expect(await found('冷')).toEqual([ids.coldChain]);
    expect(await found('侨')).toEqual([ids.qiaowu, ids.apart]);
  });

  it('takes LIKE metacharacters literally and folds full-width characters', async () => {
    expect(await found('100%')).toEqual([ids.like]);
    expect(await found('数据_治理')).toEqual([ids.like]);
    expect(await found('_')).toEqual([ids.like]);
    expect(await found('%')).toEqual([ids.like]);
    expect(await found('pm2.5')).toEqual([ids.like]);
    expect(await found('ＰＭ2')).toEqual([ids.like]);
  });

  it('returns the matched ranges of the title and cuts of the content', async () => {
    const { items } = await search('陈皮');
    const byId = new Map(items.map((m) => [m.id, m]));
    const a = byId.get(ids.chenpiTitle)!;
    expect(a.highlights!.title).toEqual([{ start: 2, end: 4 }]);
    const b = byId.get(ids.qiaowu)!;
    expect(b.highlights!.title).toEqual([]);
    const [cut] = b.highlights!.content;
    expect(cut!.ranges.map((r) => cut!.text.slice(r.start, r.end))).toEqual(['陈皮', '陈皮']);
    const full = await search('pm2.5');
    const hl = full.items[0]!.highlights!.content[0]!;
    expect(hl.text.slice(hl.ranges[0]!.start, hl.ranges[0]!.end)).toBe('ＰＭ２．５');
    // Without q, no highlights.
    const plain = (await staff.get('/api/v1/matters?limit=1')).json();
    expect(plain.items[0].highlights).toBeUndefined();
  });

  it('pages through ranked results with a cursor, each item once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await search('陈皮', `&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.items.map((m) => m.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(await found('陈皮'));
    const forged = await staff.get(
      `/api/v1/matters?q=${encodeURIComponent('陈皮')}&cursor=${Buffer.from('["x"]').toString('base64url')}`,
    );
    expect(forged.statusCode).toBe(400);
  });

  it('keeps the list filters and the liaison’s scope with a query', async () => {
    expect(await found('陈皮')).toHaveLength(4);
    expect((await search('陈皮', '&state=assigned')).items).toEqual([]);
    expect((await search('陈皮', '&state=draft')).items).toHaveLength(4);
    const res = await liaison.get(`/api/v1/matters?q=${encodeURIComponent('陈皮')}`);
    expect(res.json().items).toEqual([]);
  });

  it('never shows another body’s items', async () => {
    const theirs = (await other.get(`/api/v1/matters?q=${encodeURIComponent('陈皮')}`)).json()
      .items as Listed[];
    expect(theirs).toHaveLength(2);
    for (const m of theirs) expect(Object.values(ids)).not.toContain(m.id);
  });

  it('ranks alike whichever way candidates are found; when capped, only the newest matches', async () => {
    await t.db.execute(sql`analyze item_search`);
    const base = { bodyId, type: 'matter', q: '陈皮', limit: 10 };
    const order = (r: Awaited<ReturnType<typeof searchItems>>) => r.items.map((i) => i.row.id);
    const viaIndex = await searchItems(t.db, base);
    // A common word is found by walking ids backwards instead of through the index; which way is
    // chosen from the statistics' estimate.
    expect(await estimateMatches(t.db, queryBigrams('陈皮'))).toBeGreaterThan(0);
    const viaWalk = await searchItems(t.db, { ...base, walkAbove: -1 });
    expect(order(viaIndex)).toEqual(await found('陈皮'));
    expect(order(viaWalk)).toEqual(order(viaIndex));
    expect([viaIndex.capped, viaWalk.capped]).toEqual([false, false]);
    for (const walkAbove of [undefined, -1]) {
      const capped = await searchItems(t.db, { ...base, candidates: 2, walkAbove });
      expect(capped.capped).toBe(true);
      // The two newest matches, ranked between themselves.
      expect(order(capped)).toEqual([ids.scattered, ids.coldChain]);
    }
  });

  it('confirms the newest candidates only, and every one when false positives fill that window', async () => {
    const tenant = await createTenant(t.db);
    const c = await signIn(t.app, tenant.staff);
    const real = await create(c, ITEMS.chenpiTitle);
    // Newer items with every bigram of 陈皮产业 but not the word: candidates, not matches.
    await create(c, ITEMS.scattered);
    await create(c, ITEMS.scattered);
    const base = { bodyId: tenant.body.id, type: 'matter', q: '陈皮产业', limit: 10, walkAbove: Infinity };
    const order = (r: Awaited<ReturnType<typeof searchItems>>) => r.items.map((i) => i.row.id);
    expect(order(await searchItems(t.db, base))).toEqual([real.id]);
    // The window (the 2 newest candidates) holds only the false positives; the match is older.
    const narrow = await searchItems(t.db, { ...base, candidates: 1, confirmSlack: 0 });
    expect(order(narrow)).toEqual([real.id]);
    expect(narrow.capped).toBe(false);
  });

  it('reindexes an edited title and content', async () => {
    const tenant = await createTenant(t.db);
    const c = await signIn(t.app, tenant.staff);
    const m = await create(c, { title: '科技成果转化效率不高', content: '概念验证平台不足。' });
    const q = async (s: string) =>
      (await c.get(`/api/v1/matters?q=${encodeURIComponent(s)}`)).json().items.map((x: Listed) => x.id);
    expect(await q('成果转化')).toEqual([m.id]);
    const res = await c.patch(
      `/api/v1/matters/${m.id}`,
      { title: '侨务资源对接不畅', content: '海外侨团联系机制缺位。' },
      { 'if-match': `"${m.version}"` },
    );
    expect(res.statusCode).toBe(200);
    expect(await q('成果转化')).toEqual([]);
    expect(await q('侨团')).toEqual([m.id]);
  });

  it('indexes rows written without a vector (before the migration, or by bulk SQL)', async () => {
    const tenant = await createTenant(t.db);
    const id = crypto.randomUUID();
    await t.db.execute(sql`insert into tracked_items (id, body_id, type, title, content, state)
      values (${id}, ${tenant.body.id}, 'matter', '江门五邑侨乡文化', '侨批档案保护', 'draft')`);
    const before = await searchItems(t.db, { bodyId: tenant.body.id, q: '侨批', limit: 10 });
    expect(before.items).toEqual([]);
    expect(await backfillSearchVectors(t.db)).toBeGreaterThanOrEqual(1);
    const after = await searchItems(t.db, { bodyId: tenant.body.id, type: 'matter', q: '侨批', limit: 10 });
    expect(after.items.map((r) => r.row.id)).toEqual([id]);
    expect(after.items[0]).toMatchObject({ titleHits: 0, hits: 1 });
  });
});

describe.skipIf(engineUnavailable())('similar items', () => {
  const t = useTestApp();

  it('ranks a near-duplicate first, with the passages it shares', async () => {
    const tenant = await createTenant(t.db);
    const c = await signIn(t.app, tenant.staff);
    const source = await create(c, {
      title: '关于加快新会陈皮产业高质量发展的建议',
      content:
        '新会陈皮是江门的特色产业。目前存在品牌保护不力、深加工不足、冷链仓储短缺等问题。' +
        '建议打造新会陈皮区域公用品牌，建设陈皮深加工产业园，完善冷链物流体系，并利用侨务资源拓展海外市场。',
    });
    const near = await create(c, {
      title: '加快新会陈皮产业高质量发展',
      content:
        '新会陈皮是江门的特色产业。当前品牌保护不力、深加工不足、冷链仓储短缺。' +
        '建议打造新会陈皮区域公用品牌，建设陈皮深加工产业园，并利用侨务资源拓展海外市场。',
    });
    const related = await create(c, {
      title: '农产品冷链物流短板',
      content: '冷链设施不足，陈皮等特色农产品仓储成本高，建议完善冷链物流体系。',
    });
    await create(c, { title: '科技成果转化效率不高', content: '概念验证与中试平台不足，成果转化率低。' });
    // The same text in another body is never a match.
    const tenant2 = await createTenant(t.db);
    const c2 = await signIn(t.app, tenant2.staff);
    const copy = await create(c2, { title: source.title, content: source.content });

    const res = await c.get(`/api/v1/matters/${source.id}/similar`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as {
      id: string;
      score: number;
      shared: { title: { text: string }[]; content: { text: string; a: Range; b: Range }[] };
    }[];
    expect(items.map((i) => i.id)).toEqual([near.id, related.id]);
    expect(items.map((i) => i.id)).not.toContain(source.id);
    expect(items.map((i) => i.id)).not.toContain(copy.id);
    expect(items[0]!.score).toBeGreaterThan(0.7);
    expect(items[0]!.score).toBeGreaterThan(items[1]!.score);
    expect(items[0]!.shared.title.map((p) => p.text)).toEqual(['加快新会陈皮产业高质量发展']);
    const passages = items[0]!.shared.content;
    expect(passages.map((p) => p.text)).toContain('建议打造新会陈皮区域公用品牌，建设陈皮深加工产业园');
    for (const p of passages) {
      expect(source.content.slice(p.a.start, p.a.end)).toBe(p.text);
      expect(near.content.slice(p.b.start, p.b.end)).toBe(p.text);
    }

    const one = await c.get(`/api/v1/matters/${source.id}/similar?limit=1`);
    expect(one.json().items.map((i: { id: string }) => i.id)).toEqual([near.id]);
    expect((await c2.get(`/api/v1/matters/${source.id}/similar`)).statusCode).toBe(404);
  });
});
