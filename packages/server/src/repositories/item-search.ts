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
  /** Bounds, for tests: SEARCH_CANDIDATES, WALK_ABOVE and CONFIRM_SLACK by default. */
  candidates?: number;
  walkAbove?: number;
  confirmSlack?: number;
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
    tsq
      ? sql`${trackedItems.id} in (select s.item_id from item_search s where s.search_vector @@ ${tsq}::tsquery)`
      : undefined,
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
 * Above this many expected matches the newest are found by walking ids backwards (each row tested)
 * rather than by reading every match through the index and sorting: the walk stops after
 * SEARCH_CANDIDATES matches, which come soon when a word is everywhere.
 */
export const WALK_ABOVE = 20_000;

/**
 * How many items hold all the lexemes, at most: the table's rows times the frequency of the rarest
 * lexeme, from the statistics ANALYZE keeps of item_search.search_vector (its most common elements). Null without
 * statistics. PostgreSQL's own estimate multiplies the lexemes' frequencies as if independent, which
 * for the bigrams of one word (科技, 技成, 成果) is off by a hundred times.
 */
export async function estimateMatches(db: Db, terms: QueryTerm[]): Promise<number | null> {
  const exact = [...new Set(terms.flatMap((t) => t.lexemes.filter((l) => !l.prefix).map((l) => l.lexeme)))];
  if (exact.length === 0) return null;
  const { rows } = (await db.execute(sql`
    select c.reltuples::float8 as total,
      s.most_common_elem_freqs[array_length(s.most_common_elems::text::text[], 1) + 1]::float8 as min_freq,
      (select array_agg(e.freq) from unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) as e(elem, freq)
        where e.elem in (${sql.join(
          exact.map((l) => sql`${l}`),
          sql`, `,
        )})) as freqs
    from pg_stats s join pg_class c on c.relname = s.tablename
      join pg_namespace n on n.oid = c.relnamespace and n.nspname = s.schemaname
    where s.schemaname = current_schema() and s.tablename = 'item_search' and s.attname = 'search_vector'`)) as unknown as {
    rows: { total: number; min_freq: number | null; freqs: number[] | string | null }[];
  };
  const r = rows[0];
  if (!r || r.min_freq === null) return null;
  const freqs = (typeof r.freqs === 'string' ? r.freqs.replace(/[{}]/g, '').split(',') : (r.freqs ?? [])).map(
    Number,
  );
  // A lexeme missing from the common elements is rarer than the least common of them.
  const rarest = freqs.length < exact.length ? Number(r.min_freq) : Math.min(...freqs);
  return Number(r.total) * rarest;
}

/**
 * Candidates beyond the newest wanted ones that the index path confirms, for the bigrams' rare false
 * positives (a longer term's bigrams apart in the text); a two-character term has none.
 */
export const CONFIRM_SLACK = 200;

/** A one-character query (no bigram to look up) is a substring scan of this many newest items. */
export const SINGLE_CHAR_WINDOW = 50_000;

type Hit = { id: string; title_hits: number; hits: number };

const byRank = (a: Hit, b: Hit) =>
  b.title_hits - a.title_hits || b.hits - a.hits || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/**
 * Full-text search over a body's tracked items (ARCHITECTURE §1): candidates from the bigram index,
 * each term confirmed as a substring of search_text, then ranked by the number of terms in the title,
 * the number of occurrences, and recency.
 *
 * Bounded: when more than SEARCH_CANDIDATES items match, only the most recent ones are ranked
 * (`capped`). A query without any bigram (one character) scans the newest SINGLE_CHAR_WINDOW items.
 * Returns up to limit+1 rows (the extra one tells that a page follows).
 */
export async function searchItems(db: Db, s: ItemSearch): Promise<{ items: RankedItem[]; capped: boolean }> {
  const terms = queryBigrams(s.q);
  if (terms.length === 0) return { items: [], capped: false };
  const cap = s.candidates ?? SEARCH_CANDIDATES;
  const walkAbove = s.walkAbove ?? WALK_ABOVE;
  const types = s.type === undefined ? undefined : typeof s.type === 'string' ? [s.type] : [...s.type];
  const filters = and(
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
  )!;
  const where = and(filters, termsMatch(terms))!;
  const likes = terms.map((t) => sql`${trackedItems.searchText} like ${like(t.text)}`);
  // Ranks are computed on the kept candidates only (c), not on every match. Occurrences are counted in
  // bytes (removed bytes / the term's bytes), which needs no walk over multi-byte characters.
  const st = sql.raw('c.st');
  const ranks = sql`(${sql.join(
    terms.map((t) => sql`(split_part(${st}, E'\\n', 1) like ${like(t.text)})::int`),
    sql` + `,
  )})::int as title_hits, (${sql.join(
    terms.map(
      (t) =>
        sql`(octet_length(${st}) - octet_length(replace(${st}, ${t.text}, ''))) / octet_length(${t.text})`,
    ),
    sql` + `,
  )})::int as hits`;
  /**
   * The kept rows as `c (id, st)`, search_text decompressed once (`|| ''`; offset 0 keeps it from being
   * inlined into each use): every function of a stored, compressed value decompresses it again.
   */
  const kept = (rows: SQL, pass = false) =>
    sql`(select k.id, k.st || '' as st ${pass ? sql`, k.pass` : sql``} from (${rows}) k offset 0) c`;
  const select = (cond: SQL, tail: SQL) =>
    sql`select c.id, ${ranks} from ${kept(sql`select ${trackedItems.id} as id, ${trackedItems.searchText} as st
      from ${trackedItems} where ${cond} ${tail}`)}`;
  const run = async (q: SQL, tx: Db = db) =>
    ((await tx.execute(q)) as unknown as { rows: Hit[] }).rows.map((r) => ({
      id: r.id,
      title_hits: Number(r.title_hits),
      hits: Number(r.hits),
    }));
  /**
   * The newest matches, walking ids backwards. The planner cannot know that the bigrams of one word
   * occur together (it multiplies their frequencies), so for a common word it would read every match
   * through the bitmap and sort them; the walk stops after the candidates it needs.
   */
  const newest = (cond: SQL) =>
    db.transaction(async (t) => {
      const tx = t as unknown as Db;
      await tx.execute(sql`set local enable_bitmapscan = off`);
      await tx.execute(sql`set local enable_seqscan = off`);
      return run(select(cond, sql`order by ${trackedItems.id} desc limit ${cap}`), tx);
    });

  /**
   * The newest `want` matches through the index, confirming only the newest candidates: the index of the
   * narrow item_search table finds every candidate of the body and type (offset 0 keeps the planner from
   * walking ids and testing each row's vector instead), only the newest `want` + CONFIRM_SLACK are read
   * from tracked_items, and only those get the filters, the substring test and the ranks. Every match is
   * a candidate, so when at least `want` of them are confirmed (or the window held every candidate) they
   * are exactly the newest matches; otherwise null. Reading every candidate's row of tracked_items (a
   * page each) was most of a search's work at 6,000–14,000 matches.
   */
  const confirmedNewest = async (tsq: string, want: number): Promise<Hit[] | null> => {
    const window = want + (s.confirmSlack ?? CONFIRM_SLACK);
    const candidates = sql`select f.item_id from (select i.item_id from item_search i where i.body_id = ${s.bodyId}
        ${
          types
            ? sql`and i.type in (${sql.join(
                types.map((t) => sql`${t}`),
                sql`, `,
              )})`
            : sql``
        } and i.search_vector @@ ${tsq}::tsquery offset 0) f
      order by f.item_id desc limit ${window}`;
    const { rows } = (await db.execute(
      sql`select c.id, c.pass and (${sql.join(
        terms.map((t) => sql`${st} like ${like(t.text)}`),
        sql` and `,
      )}) as ok, ${ranks} from ${kept(
        sql`select ${trackedItems.id} as id, ${trackedItems.searchText} as st, (${filters}) as pass
        from (${candidates}) w join ${trackedItems} on ${trackedItems.id} = w.item_id`,
        true,
      )} order by c.id desc`,
    )) as unknown as { rows: (Hit & { ok: boolean })[] };
    const confirmed = rows
      .filter((r) => r.ok)
      .map((r) => ({ id: r.id, title_hits: Number(r.title_hits), hits: Number(r.hits) }));
    return rows.length < window || confirmed.length >= want ? confirmed.slice(0, want) : null;
  };

  let hits: Hit[];
  let capped: boolean;
  const tsq = tsQueryText(terms);
  if (tsq) {
    const estimate = await estimateMatches(db, terms);
    if (estimate !== null && estimate > walkAbove) {
      // The substring test alone: it is exact, and testing the vector too would decompress it per row.
      hits = await newest(and(filters, ...likes)!);
      capped = hits.length >= cap;
    } else {
      // Every match confirmed only when false positives of the bigrams pushed matches out of the window.
      hits =
        (await confirmedNewest(tsq, cap + 1)) ??
        (await run(select(where, sql`order by ${trackedItems.id} desc limit ${cap + 1}`)));
      capped = hits.length > cap;
    }
    hits = hits.slice(0, cap);
  } else {
    const [edge] = await run(
      sql`select ${trackedItems.id} as id, 0 as title_hits, 0 as hits from ${trackedItems} where ${filters}
        order by ${trackedItems.id} desc offset ${SINGLE_CHAR_WINDOW - 1} limit 1`,
    );
    hits = await newest(edge ? and(where, sql`${trackedItems.id} >= ${edge.id}`)! : where);
    capped = hits.length >= cap || !!edge;
  }
  hits.sort(byRank);
  const after = s.after;
  const from = after
    ? hits.findIndex((h) => byRank(h, { id: after[2], title_hits: after[0], hits: after[1] }) > 0)
    : 0;
  const pageHits = from < 0 ? [] : hits.slice(from, from + s.limit + 1);
  if (pageHits.length === 0) return { items: [], capped };
  const full = await db
    .select()
    .from(trackedItems)
    .where(
      inArray(
        trackedItems.id,
        pageHits.map((h) => h.id),
      ),
    );
  const byId = new Map(full.map((r) => [r.id, r]));
  return {
    items: pageHits.map((h) => ({ row: byId.get(h.id)!, titleHits: h.title_hits, hits: h.hits })),
    capped,
  };
}
