import { Jieba, type Keyword, TfIdf } from '@node-rs/jieba';
import { dict, idf } from '@node-rs/jieba/dict.js';
import { queryBigrams, type SimilarItem, sharedPassages } from '@yiting/domain';
import { and, eq, inArray, ne, notInArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { trackedItems } from '../db/schema.ts';
import { tsQueryText } from '../repositories/item-search.ts';

/**
 * Similar earlier items for the reviewer (issue 4): the text is segmented into words with jieba
 * (a real dictionary segmenter, right for similarity even though it is wrong for matching), its
 * TF-IDF keywords find candidates through the bigram index, and the candidates are scored by the
 * cosine of their TF-IDF word vectors.
 */

/**
 * Words every proposal and report uses; as keywords they would match everything. jieba's own
 * stop words are function words; these are the genre's.
 */
const STOP_WORDS = new Set(
  (
    '关于 建议 提案 议案 意见 问题 工作 加强 推进 推动 进一步 我市 我区 我县 全市 全区 全县 有关 相关 部门 ' +
    '提高 完善 加快 实施 开展 情况 方面 目前 存在 通过 进行 以及 一些 没有 需要 可以 我们 他们 这个 ' +
    '那个 还是 因为 所以 但是 如果 并且 或者 已经 同时 其中 主要 不断 积极 有效 切实 重要 各级 政府 ' +
    '市政府 单位 建立 健全 落实 形成 提升 发挥 作用 支持 促进 服务 管理 机制 体系 建设 发展'
  ).split(' '),
);

interface Segmenter {
  jieba: Jieba;
  tfidf: TfIdf;
}

let segmenter: Segmenter | null = null;

/** jieba with its default dictionary and IDF table, loaded once (~0.3 s) on first use. */
export function loadSegmenter(): Segmenter {
  if (!segmenter) {
    const jieba = Jieba.withDict(dict);
    const tfidf = TfIdf.withDict(idf);
    // HMM finds words missing from the dictionary (陈皮 next to 新会 is cut as characters without it).
    // Our stop words are dropped after extraction: the binding (2.0.3) fails to convert a stopWords set.
    tfidf.setConfig({ useHmm: true, minKeywordLength: 2 });
    segmenter = { jieba, tfidf };
  }
  return segmenter;
}

/** The words of a text as cut by jieba (HMM on), for display and tests. */
export function segment(text: string): string[] {
  return loadSegmenter().jieba.cut(text, true);
}

/** The title counts twice: two items on the same subject share it more than their wording. */
const weighted = (title: string, content: string) => `${title}。${title}。${content}`;

/** TF-IDF weights of a text's words (stop words and single characters left out), top `k`. */
export function wordWeights(text: string, k = 200): Map<string, number> {
  const { jieba, tfidf } = loadSegmenter();
  return new Map(
    tfidf
      .extractKeywords(jieba, text, k + STOP_WORDS.size)
      .filter((w: Keyword) => !STOP_WORDS.has(w.keyword))
      .slice(0, k)
      .map((w: Keyword) => [w.keyword, w.weight]),
  );
}

export function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [w, x] of a) {
    na += x * x;
    const y = b.get(w);
    if (y !== undefined) dot += x * y;
  }
  for (const y of b.values()) nb += y * y;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

export interface SimilarQuery {
  bodyId: string;
  type: string | readonly string[];
  title: string;
  content: string;
  /** The item under review. */
  excludeId?: string | undefined;
  /** Further conditions on tracked_items (a liaison's scope). */
  where?: SQL | undefined;
  limit?: number;
  /** Candidates scored at most. */
  candidates?: number;
  /** Scores below this are not similar. */
  minScore?: number;
}

interface Candidate {
  id: string;
  type: string;
  number: string | null;
  title: string;
  content: string;
  state: string;
  sessionTerm: number | null;
  sessionMeeting: number | null;
  createdAt: Date;
}

/** Keywords that find candidates; this many of the text's top words. */
const KEYWORDS = 8;

export async function similarItems(db: Db, q: SimilarQuery): Promise<SimilarItem[]> {
  const limit = q.limit ?? 5;
  const source = wordWeights(weighted(q.title, q.content));
  const keys = [...source.entries()]
    .map(([word, weight]) => ({ word, weight, tsq: tsQueryText(queryBigrams(word)) }))
    .filter((k): k is { word: string; weight: number; tsq: string } => k.tsq !== null)
    .slice(0, KEYWORDS);
  if (keys.length === 0) return [];
  // Candidates come from the bigram index in levels, most specific first: items with all of the top
  // six keywords, then four, then three, then any two, then any one. Each level only tops up what
  // the previous ones found, so a near-duplicate (which has them all) comes in first and the cost is
  // bounded however common the words are.
  const want = q.candidates ?? 100;
  const all = (ks: typeof keys) => ks.map((k) => `(${k.tsq})`).join(' & ');
  const pairs: string[] = [];
  for (let i = 0; i < keys.length; i++)
    for (let j = i + 1; j < keys.length; j++) pairs.push(`(${keys[i]!.tsq} & ${keys[j]!.tsq})`);
  const anyOne = keys.map((k) => `(${k.tsq})`).join(' | ');
  const levels = [
    ...[6, 4, 3].filter((n) => keys.length >= n).map((n) => all(keys.slice(0, n))),
    ...(pairs.length ? [pairs.join(' | ')] : []),
    anyOne,
  ];
  const types = typeof q.type === 'string' ? [q.type] : [...q.type];
  const rows: Candidate[] = [];
  for (const level of levels) {
    if (rows.length >= want) break;
    // Items sharing only one keyword are worth looking at only when there is little else.
    if (level === anyOne && rows.length >= limit) break;
    const seen = rows.map((r) => r.id);
    rows.push(
      ...(await db
        .select({
          id: trackedItems.id,
          type: trackedItems.type,
          number: trackedItems.number,
          title: trackedItems.title,
          content: trackedItems.content,
          state: trackedItems.state,
          sessionTerm: trackedItems.sessionTerm,
          sessionMeeting: trackedItems.sessionMeeting,
          createdAt: trackedItems.createdAt,
        })
        .from(trackedItems)
        .where(
          and(
            eq(trackedItems.bodyId, q.bodyId),
            inArray(trackedItems.type, types),
            q.excludeId ? ne(trackedItems.id, q.excludeId) : undefined,
            seen.length ? notInArray(trackedItems.id, seen) : undefined,
            q.where,
            sql`${trackedItems.id} in (select s.item_id from item_search s
              where s.body_id = ${q.bodyId} and s.search_vector @@ ${level}::tsquery)`,
          ),
        )
        .limit(want - rows.length)),
    );
  }
  const minScore = q.minScore ?? 0.05;
  return rows
    .map((r) => ({ r, score: cosine(source, wordWeights(weighted(r.title, r.content))) }))
    .filter((x) => x.score >= minScore)
    .sort((x, y) => y.score - x.score || (x.r.id < y.r.id ? 1 : -1))
    .slice(0, limit)
    .map(({ r, score }) => ({
      ...r,
      createdAt: r.createdAt.toISOString(),
      score: Math.round(score * 1000) / 1000,
      shared: {
        title: sharedPassages(q.title, r.title, { min: 4, max: 5 }),
        content: sharedPassages(q.content, r.content, { min: 4, max: 10 }),
      },
    }));
}
