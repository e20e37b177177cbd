import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, useTestApp } from '../helpers/app.ts';
import { engineUnavailable } from '../helpers/db.ts';
import { createTenant } from '../helpers/factories.ts';

type Range = { start: number; end: number };
type Highlights = { title: Range[]; content: { text: string; offset: number; ranges: Range[] }[] };
type Listed = { id: string; title: string; content: string; highlights?: Highlights };
type Passage = { text: string; a: Range; b: Range };
type Similar = {
  id: string;
  type: string;
  number: string | null;
  state: string;
  sessionTerm: number | null;
  sessionMeeting: number | null;
  score: number;
  shared: { title: Passage[]; content: Passage[] };
};

const REVIEWED = {
  title: '关于加快新会陈皮产业高质量发展的提案',
  content:
    '新会陈皮是江门的特色产业。目前存在品牌保护不力、深加工不足、冷链仓储短缺等问题。' +
    '建议打造新会陈皮区域公用品牌，建设陈皮深加工产业园，完善冷链物流体系，并利用侨务资源拓展海外市场。',
};
/** The same proposal a session earlier, reworded a little. */
const NEAR = {
  title: '关于推动新会陈皮产业高质量发展的提案',
  content:
    '新会陈皮是江门的特色产业。当前品牌保护不力、深加工不足、冷链仓储短缺。' +
    '建议打造新会陈皮区域公用品牌，建设陈皮深加工产业园，并利用侨务资源拓展海外市场。',
};

/**
 * Proposals and public-opinion reports: ranked search with highlights and the filters, and the
 * reviewer's similar proposals of this and past sessions (docs/search.md).
 */
describe.skipIf(engineUnavailable())('searching and comparing proposals and reports', () => {
  const t = useTestApp();
  let staff: Client;
  let liaison: Client;
  let unitId: string;
  const ids: Record<string, string> = {};

  const act = async (id: string, action: string, payload: unknown = {}) => {
    const cur = (await staff.get(`/api/v1/proposals/${id}`)).json();
    const res = await staff.post(
      `/api/v1/proposals/${id}/transitions`,
      { action, payload },
      { 'if-match': `"${cur.version}"` },
    );
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
    return res.json();
  };

  /** A party's proposal entered by the office, taken as far as `until`. */
  async function proposal(
    key: string,
    text: { title: string; content: string },
    opts: {
      session: [number, number];
      until?: 'draft' | 'submitted' | 'accepted' | 'assigned';
      category?: string;
      sector?: string;
    },
  ) {
    const res = await staff.post('/api/v1/proposals', {
      ...text,
      submitterKind: 'party',
      submitterName: '民革市委会',
      category: opts.category ?? '农业农村',
      sector: opts.sector ?? '农业界',
      sessionTerm: opts.session[0],
      sessionMeeting: opts.session[1],
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    ids[key] = id;
    const until = opts.until ?? 'submitted';
    if (until === 'draft') return id;
    await act(id, 'submit');
    if (until === 'submitted') return id;
    await act(id, 'accept');
    if (until === 'accepted') return id;
    await act(id, 'assign', { mode: 'lead', leadUnitId: unitId });
    return id;
  }

  /** An organisation's report entered and submitted by the office. */
  async function report(key: string, text: { title: string; content: string }, category: string) {
    const res = await staff.post('/api/v1/opinion-reports', {
      ...text,
      category,
      submitterKind: 'organisation',
      submitterName: '市侨联',
    });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    ids[key] = r.id;
    const sent = await staff.post(
      `/api/v1/opinion-reports/${r.id}/transitions`,
      { action: 'submit', payload: {} },
      { 'if-match': `"${r.version}"` },
    );
    expect(sent.statusCode, sent.body).toBe(200);
  }

  beforeAll(async () => {
    const tenant = await createTenant(t.db, { kind: 'cppcc_committee' });
    staff = await signIn(t.app, tenant.staff);
    liaison = await signIn(t.app, tenant.liaison);
    unitId = tenant.unit.id;
    // A session earlier, handled by the liaison's unit.
    await proposal('near', NEAR, { session: [14, 2], until: 'assigned' });
    await proposal(
      'related',
      {
        title: '关于补齐农产品冷链物流短板的提案',
        content: '冷链设施不足，陈皮等特色农产品仓储成本高，建议完善冷链物流体系。',
      },
      { session: [14, 3], until: 'accepted' },
    );
    await proposal(
      'unrelated',
      { title: '关于提升科技成果转化效率的提案', content: '概念验证与中试平台不足，成果转化率低。' },
      { session: [14, 3], category: '科技创新', sector: '科技界' },
    );
    await proposal(
      'qiaowu',
      {
        title: '关于完善侨务资源转化机制的提案',
        content: '侨务资源丰富但转化不足，建议设立侨务资源对接平台，陈皮等侨乡特产借侨出海。',
      },
      { session: [14, 3], category: '港澳台侨', sector: '归国华侨' },
    );
    // A copy merged into the reviewed one, a copy still a draft, a copy of a later session: none is
    // shown to the reviewer.
    await proposal('merged', NEAR, { session: [14, 3] });
    await proposal('reviewed', REVIEWED, { session: [14, 3] });
    await act(ids.merged!, 'merge', { targetId: ids.reviewed, reason: '内容相近' });
    await proposal('draftCopy', NEAR, { session: [14, 3], until: 'draft' });
    await proposal('later', NEAR, { session: [14, 4] });
    await report(
      'chenpiReport',
      {
        title: '新会陈皮市场以次充好现象',
        content:
          '据反映，新会陈皮市场以次充好、以陈充新现象较多，消费者投诉增多。建议加强陈皮市场监管，建立溯源体系。',
      },
      '农业农村',
    );
    await report(
      'qiaoReport',
      { title: '涉侨企业跨境融资难', content: '侨务部门反映，涉侨企业融资难，陈皮出口企业尤甚。' },
      '港澳台侨',
    );
    await report(
      'chenpiAgain',
      {
        title: '陈皮市场以次充好现象仍然存在',
        content: '据反映，新会陈皮市场以次充好、以陈充新现象较多。建议加强陈皮市场监管，建立溯源体系。',
      },
      '农业农村',
    );
    // Another body with the same text: never seen from this one.
    const other = await createTenant(t.db, { kind: 'cppcc_committee' });
    const otherStaff = await signIn(t.app, other.staff);
    const res = await otherStaff.post('/api/v1/proposals', {
      ...NEAR,
      submitterKind: 'party',
      submitterName: '民革市委会',
      sessionTerm: 14,
      sessionMeeting: 3,
    });
    expect(res.statusCode).toBe(201);
    ids.otherBody = res.json().id;
  });

  const similar = async (c: Client, id: string, query = '') => {
    const res = await c.get(`/api/v1/proposals/${id}/similar${query}`);
    return { status: res.statusCode, items: (res.json().items ?? []) as Similar[] };
  };

  it('shows the reviewer the earlier near-duplicate first, with the passages both texts share', async () => {
    const { status, items } = await similar(staff, ids.reviewed!);
    expect(status).toBe(200);
    const found = items.map((i) => i.id);
    expect(found[0]).toBe(ids.near);
    expect(found).toContain(ids.related);
    // Not itself, not what was merged into it, not a draft, not a later session, not another body's,
    // and nothing unrelated.
    for (const k of ['reviewed', 'merged', 'draftCopy', 'later', 'otherBody', 'unrelated'])
      expect(found, k).not.toContain(ids[k]);
    const [top, next] = items;
    expect(top).toMatchObject({ type: 'proposal', state: 'assigned', sessionTerm: 14, sessionMeeting: 2 });
    expect(top!.number).toMatch(/^14-2-/);
    expect(top!.score).toBeGreaterThan(0.7);
    expect(top!.score).toBeGreaterThan(next!.score);
    expect(top!.shared.title.map((p) => p.text)).toEqual(['新会陈皮产业高质量发展的提案']);
    // The shared passages cover the common text, marked in both.
    const passages = top!.shared.content;
    expect(passages.map((p) => p.text)).toEqual(
      expect.arrayContaining([
        '新会陈皮是江门的特色产业',
        '品牌保护不力、深加工不足、冷链仓储短缺',
        '建议打造新会陈皮区域公用品牌，建设陈皮深加工产业园',
        '并利用侨务资源拓展海外市场',
      ]),
    );
    for (const p of [...passages, ...top!.shared.title]) {
      const inA = passages.includes(p) ? REVIEWED.content : REVIEWED.title;
      const inB = passages.includes(p) ? NEAR.content : NEAR.title;
      expect(inA.slice(p.a.start, p.a.end)).toBe(p.text);
      expect(inB.slice(p.b.start, p.b.end)).toBe(p.text);
    }
    const covered = passages.reduce((n, p) => n + p.text.length, 0);
    expect(covered / NEAR.content.length).toBeGreaterThan(0.7);

    expect((await similar(staff, ids.reviewed!, '?limit=1')).items.map((i) => i.id)).toEqual([ids.near]);
    expect((await staff.get(`/api/v1/proposals/${ids.reviewed}/similar?limit=0`)).statusCode).toBe(400);
  });

  it('keeps a unit liaison to the items of their unit', async () => {
    // Not assigned to the unit: as if it did not exist.
    expect((await similar(liaison, ids.reviewed!)).status).toBe(404);
    // Their own item: compared only with what they may see (nothing else is assigned to them).
    const mine = await similar(liaison, ids.near!);
    expect(mine.status).toBe(200);
    expect(mine.items).toEqual([]);
    // An item of an earlier session is compared with its own session and those before only.
    const office = (await similar(staff, ids.near!)).items.map((i) => i.id);
    expect(office).not.toContain(ids.reviewed);
    expect(office).not.toContain(ids.later);
  });

  const search = async (path: string, q: string, extra = '', c = staff) => {
    const res = await c.get(`/api/v1/${path}?q=${encodeURIComponent(q)}${extra}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Listed[]; nextCursor: string | null };
  };
  const found = async (path: string, q: string, extra = '') =>
    (await search(path, q, extra)).items.map((i) => i.id);
  const marked = (text: string, ranges: Range[]) => ranges.map((r) => text.slice(r.start, r.end));

  it('finds 陈皮 and 侨务 in proposals, title matches first, with the matched ranges', async () => {
    const chenpi = await found('proposals', '陈皮');
    // The title matches first (newest first among them), then by occurrences in the text.
    expect(chenpi.slice(0, 5)).toEqual([ids.later, ids.draftCopy, ids.reviewed, ids.merged, ids.near]);
    expect(chenpi.slice(5).sort()).toEqual([ids.related, ids.qiaowu].sort());
    expect(chenpi).not.toContain(ids.unrelated);
    expect(chenpi).not.toContain(ids.otherBody);

    const { items } = await search('proposals', '侨务');
    expect(items.map((i) => i.id)[0]).toBe(ids.qiaowu);
    const q = items[0]!;
    expect(marked(q.title, q.highlights!.title)).toEqual(['侨务']);
    const cut = q.highlights!.content[0]!;
    expect(marked(cut.text, cut.ranges)).toEqual(['侨务', '侨务']);
    expect(q.content.slice(cut.offset, cut.offset + cut.text.length)).toBe(cut.text);
    const r = items.find((i) => i.id === ids.reviewed)!;
    expect(r.highlights!.title).toEqual([]);
    expect(marked(r.highlights!.content[0]!.text, r.highlights!.content[0]!.ranges)).toEqual(['侨务']);
    // Without q, the plain list has no highlights.
    const plain = (await staff.get('/api/v1/proposals?limit=1')).json();
    expect(plain.items[0].highlights).toBeUndefined();
  });

  it('combines the search with session, category, unit, state and sector filters', async () => {
    expect(await found('proposals', '陈皮', '&sessionTerm=14&sessionMeeting=2')).toEqual([ids.near]);
    expect(await found('proposals', '陈皮', `&unitId=${unitId}`)).toEqual([ids.near]);
    expect(await found('proposals', '陈皮', '&state=accepted')).toEqual([ids.related]);
    expect(await found('proposals', '陈皮', `&category=${encodeURIComponent('港澳台侨')}`)).toEqual([
      ids.qiaowu,
    ]);
    expect(await found('proposals', '陈皮', `&sector=${encodeURIComponent('归国华侨')}`)).toEqual([
      ids.qiaowu,
    ]);
    expect(
      await found(
        'proposals',
        '陈皮',
        `&sessionTerm=14&sessionMeeting=3&state=submitted&category=${encodeURIComponent('农业农村')}`,
      ),
    ).toEqual([ids.reviewed]);
    // Both terms, each in the title of one: then by occurrences (陈皮 ×4 + 侨务 against 侨务 ×3 + 陈皮).
    expect(await found('proposals', '陈皮 侨务', '&sessionMeeting=3&state=submitted')).toEqual([
      ids.reviewed,
      ids.qiaowu,
    ]);
    // A liaison finds only their unit's items.
    const mine = await search('proposals', '陈皮', '', liaison);
    expect(mine.items.map((i) => i.id)).toEqual([ids.near]);
  });

  it('pages through ranked proposals with a cursor, each once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await search('proposals', '陈皮', `&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(await found('proposals', '陈皮'));
  });

  it('searches public-opinion reports the same way, and compares a report with the others', async () => {
    expect(await found('opinion-reports', '陈皮')).toEqual([
      ids.chenpiAgain,
      ids.chenpiReport,
      ids.qiaoReport,
    ]);
    expect(await found('opinion-reports', '陈皮', `&category=${encodeURIComponent('港澳台侨')}`)).toEqual([
      ids.qiaoReport,
    ]);
    expect(await found('opinion-reports', '陈皮', '&state=draft')).toEqual([]);
    const { items } = await search('opinion-reports', '侨务');
    expect(items.map((i) => i.id)).toEqual([ids.qiaoReport]);
    const cut = items[0]!.highlights!.content[0]!;
    expect(marked(cut.text, cut.ranges)).toEqual(['侨务']);
    const res = await staff.get(`/api/v1/opinion-reports/${ids.chenpiAgain}/similar`);
    expect(res.statusCode).toBe(200);
    const similarReports = res.json().items as Similar[];
    expect(similarReports[0]).toMatchObject({
      id: ids.chenpiReport,
      type: 'opinion_report',
      sessionTerm: null,
    });
    expect(similarReports[0]!.shared.content.map((p) => p.text)).toContain(
      '建议加强陈皮市场监管，建立溯源体系',
    );
    expect(similarReports.map((i) => i.id)).not.toContain(ids.chenpiAgain);
  });
});
