import { bigrams, normaliseText } from '@yiting/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';

/**
 * The search columns of a tracked item (ARCHITECTURE §1), made in one place for every writer.
 *
 * - `search_text`: the normalised title, number and content, one per line (title first, so a title
 *   match is `split_part(search_text, E'\n', 1) like …`), for the substring test that confirms candidates.
 * - `search_vector`: the bigrams and words of the same text as a tsvector with a GIN index. It is
 *   built with `array_to_tsvector`, so no text-search parser or locale touches the lexemes: the query
 *   side (`queryBigrams`) makes exactly the same ones, on PGlite and on PostgreSQL whatever its ctype.
 *
 * search_vector is not a Drizzle column (see migration 0005): write it with `indexItem` in the same
 * transaction as any insert or update of title, content or number.
 */
export interface ItemText {
  title: string;
  content: string;
  number?: string | null | undefined;
}

export interface ItemSearchFields {
  searchText: string;
  searchVector: SQL;
}

export function itemSearchText(item: ItemText): string {
  return [normaliseText(item.title), normaliseText(item.number ?? ''), normaliseText(item.content)].join(
    '\n',
  );
}

/** The lexemes of an item, space-separated (no lexeme holds a space). */
export function itemLexemes(item: ItemText): string {
  return bigrams([item.title, item.number ?? '', item.content].join('\n')).join(' ');
}

/** The tsvector of space-separated lexemes, taken as they are. */
export function lexemeVector(lexemes: SQL | string): SQL {
  return sql`array_to_tsvector(string_to_array(${lexemes}, ' '))`;
}

export function itemSearchFields(item: ItemText): ItemSearchFields {
  return { searchText: itemSearchText(item), searchVector: lexemeVector(itemLexemes(item)) };
}

/**
 * Writes an item's search_vector (and search_text, so both always describe the same text). Call it in
 * the transaction that inserted or changed the item's title, content or number.
 */
export async function indexItem(tx: Db, id: string, item: ItemText | ItemSearchFields): Promise<void> {
  const f = 'searchVector' in item ? item : itemSearchFields(item);
  await tx.execute(
    sql`update tracked_items set search_text = ${f.searchText}, search_vector = ${f.searchVector} where id = ${id}`,
  );
}

/**
 * Indexes the items that have no search_vector yet: rows written before migration 0005, or by bulk SQL
 * (benchmarks). Runs after every migration; cheap when there is nothing to do. Returns the count.
 */
export async function backfillSearchVectors(db: Db, batch = 2000): Promise<number> {
  let done = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { rows } = (await db.execute(sql`select id, title, content, number from tracked_items
      where search_vector is null and id > ${after} order by id limit ${batch}`)) as unknown as {
      rows: { id: string; title: string; content: string; number: string | null }[];
    };
    if (rows.length === 0) return done;
    const json = JSON.stringify(rows.map((r) => ({ id: r.id, st: itemSearchText(r), lx: itemLexemes(r) })));
    await db.execute(sql`update tracked_items t set search_text = v.st, search_vector = ${lexemeVector(sql`v.lx`)}
      from json_to_recordset(${json}::json) as v(id uuid, st text, lx text) where t.id = v.id`);
    done += rows.length;
    after = rows[rows.length - 1]!.id;
  }
}
