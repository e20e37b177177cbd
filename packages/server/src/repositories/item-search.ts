import { escapeLike, type QueryTerm, queryBigrams } from '@yiting/domain';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { itemUnits, trackedItems } from '../db/schema.ts';

export type ItemRow = typeof trackedItems.$inferSelect;

/**
 * How many matches are ranked at most: the most recent ones. A query matching more (a word in every
 * proposal) is still answered in bounded time; the page says `capped`.
 */
export const SEARCH_CANDIDATES = 2000;

export interface ItemSearch {
  bodyId: string;
  /** tracked_items.type: one or several (proposal and suggestion). */
  type?: string | readonly string[] | undefined;
  q: string;
  state?: string | undefined;
  /** Items assigned to this unit in any role. */
  unitId?: string | undefined;
  sessionTerm?: number | undefined;
  sessionMeeting?: number | undefined;
  category?: string | undefined;
  sector?: string | undefined;
  /** Any further condition on tracked_items (a type's own filters, a liaison's scope). */
  where?: SQL | undefined;
  limit: number;
  /** The last row of the previous page: [titleHits, hits, id]. */
  after?: readonly [number, number, string] | undefined;
}

export interface RankedItem {
  row: ItemRow;
  /** How many query terms the title contains. */
  titleHits: number;
  /** How many times the terms occur in the number, title and content. */
  hits: number;
}

/** The tsquery text of the terms' lexemes, all required; null when no term has one. */
export function tsQueryText(terms: QueryTerm[]): string | null {
  const parts = terms.flatMap((t) =>
    t.lexemes.map((l) => `'${l.lexeme.replace(/[\\']/g, (c) => `\\${c}`)}'${l.prefix ? ':*' : ''}`),
  );
  return parts.length ? parts.join(' & ') : null;
}

const like = (term: string) => `%${escapeLike(term)}%`;

function termsMatch(terms: QueryTerm[]): SQL {
  const tsq = tsQueryText(terms);
  return and(
    tsq ? sql`search_vector @@ ${tsq}::tsquery` : undefined,
    ...terms.map((t) => sql`${trackedItems.searchText} like ${like(t.text)}`),
  )!;
}

/**
 * The items containing every term of q, as a condition: the bigram index finds candidates, the
 * substring test on search_text confirms them. No order, no bound: for callers that page by id (the
 * ledger). A blank q matches everything.
 */
export function itemTextMatch(q: string): SQL | undefined {
  const terms = queryBigrams(q);
  return terms.length ? termsMatch(terms) : undefined;
}

/**
 * Full-text search over a body's tracked items (ARCHITECTURE §1): candidates from the bigram index,
 * each term confirmed as a substring of search_text, then ranked by the number of terms in the title,
 * the number of occurrences, and recency. A query without any bigram (one character) is a substring
 * scan of the body's most recent items, with the same bound.
 *
 * Returns up to limit+1 rows (the extra one tells that a page follows), and whether the matches were
 * more than SEARCH_CANDIDATES (then only the most recent ones were ranked).
 */
export async function searchItems(db: Db, s: ItemSearch): Promise<{ items: RankedItem[]; capped: boolean }> {
  const terms = queryBigrams(s.q);
  if (terms.length === 0) return { items: [], capped: false };
  const types = s.type === undefined ? undefined : typeof s.type === 'string' ? [s.type] : [...s.type];
  const where = and(
    eq(trackedItems.bodyId, s.bodyId),
    types ? inArray(trackedItems.type, types) : undefined,
    s.state ? eq(trackedItems.state, s.state) : undefined,
    s.unitId
      ? sql`exists (select 1 from ${itemUnits} iu where iu.body_id = ${s.bodyId} and iu.item_id = ${trackedItems.id} and iu.unit_id = ${s.unitId})`
      : undefined,
    s.sessionTerm !== undefined ? eq(trackedItems.sessionTerm, s.sessionTerm) : undefined,
    s.sessionMeeting !== undefined ? eq(trackedItems.sessionMeeting, s.sessionMeeting) : undefined,
    s.category ? eq(trackedItems.category, s.category) : undefined,
    s.sector ? eq(trackedItems.sector, s.sector) : undefined,
    s.where,
    termsMatch(terms),
  )!;
  const titleHits = sql.join(
    terms.map((t) => sql`(split_part(c.search_text, E'\\n', 1) like ${like(t.text)})::int`),
    sql` + `,
  );
  const hits = sql.join(
    terms.map(
      (t) => sql`(length(c.search_text) - length(replace(c.search_text, ${t.text}, ''))) / length(${t.text})`,
    ),
    sql` + `,
  );
  const cursor = s.after
    ? sql`where (r.title_hits, r.hits, r.id) < (${s.after[0]}::int, ${s.after[1]}::int, ${s.after[2]}::uuid)`
    : sql``;
  // The candidates are the most recent matches; the planner may walk ids backwards for a common term
  // or read the bitmap of a rare one.
  const { rows } = (await db.execute(sql`
    with c as (
      select ${trackedItems.id} as id, ${trackedItems.searchText} as search_text from ${trackedItems}
      where ${where} order by ${trackedItems.id} desc limit ${SEARCH_CANDIDATES + 1}
    ), r as (
      select c.id, (${titleHits})::int as title_hits, (${hits})::int as hits, count(*) over () as total from c
    )
    select r.id, r.title_hits, r.hits, r.total from r ${cursor}
    order by r.title_hits desc, r.hits desc, r.id desc limit ${s.limit + 1}`)) as unknown as {
    rows: { id: string; title_hits: number; hits: number; total: number | string }[];
  };
  if (rows.length === 0) return { items: [], capped: false };
  const capped = Number(rows[0]!.total) > SEARCH_CANDIDATES;
  const ids = rows.map((r) => r.id);
  const full = await db.select().from(trackedItems).where(inArray(trackedItems.id, ids));
  const byId = new Map(full.map((r) => [r.id, r]));
  return {
    items: rows.map((r) => ({ row: byId.get(r.id)!, titleHits: Number(r.title_hits), hits: Number(r.hits) })),
    capped,
  };
}
