import { bigrams, normaliseText } from '@yiting/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';

/**
 * The search data of a tracked item (ARCHITECTURE §1), made in one place for every writer.
 *
 * - `tracked_items.search_text`: the normalised title, number and content, one per line (title first, so
 *   a title match is `split_part(search_text, E'\n', 1) like …`), for the substring test that confirms
 *   candidates.
 * - `item_search.search_vector`: the bigrams and words of the same text as a tsvector with a GIN index,
 *   in a narrow table of its own (item id, body, type; migration 0009) so that reading every candidate
 *   stays cheap. It is built with `array_to_tsvector`, so no text-search parser or locale touches the
 *   lexemes: the query side (`queryBigrams`) makes exactly the same ones, on PGlite and on PostgreSQL
 *   whatever its ctype.
 *
 * Write both with `indexItem` in the same transaction as any insert or update of title, content or number.
 */
export interface ItemText {
  title: string;
  content: string;
  number?: string | null | undefined;
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

/**
 * Writes an item's search_text and its item_search row (so both always describe the same text). Call it
 * in the transaction that inserted or changed the item's title, content or number.
 */
export async function indexItem(tx: Db, id: string, item: ItemText): Promise<void> {
  await tx.execute(sql`update tracked_items set search_text = ${itemSearchText(item)} where id = ${id}`);
  await tx.execute(sql`insert into item_search (item_id, body_id, type, search_vector)
    select id, body_id, type, ${lexemeVector(itemLexemes(item))} from tracked_items where id = ${id}
    on conflict (item_id) do update
      set body_id = excluded.body_id, type = excluded.type, search_vector = excluded.search_vector`);
}

/**
 * Indexes the items that have no item_search row yet: rows written before migration 0005, or by bulk SQL
 * (benchmarks). Runs after every migration; cheap when there is nothing to do. Returns the count.
 */
export async function backfillSearchVectors(db: Db, batch = 2000): Promise<number> {
  let done = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { rows } = (await db.execute(sql`select t.id, t.title, t.content, t.number from tracked_items t
      where t.id > ${after} and not exists (select 1 from item_search s where s.item_id = t.id)
      order by t.id limit ${batch}`)) as unknown as {
      rows: { id: string; title: string; content: string; number: string | null }[];
    };
    if (rows.length === 0) return done;
    const json = JSON.stringify(rows.map((r) => ({ id: r.id, st: itemSearchText(r), lx: itemLexemes(r) })));
    await db.execute(sql`update tracked_items t set search_text = v.st
      from json_to_recordset(${json}::json) as v(id uuid, st text) where t.id = v.id`);
    await db.execute(sql`insert into item_search (item_id, body_id, type, search_vector)
      select t.id, t.body_id, t.type, ${lexemeVector(sql`v.lx`)}
      from json_to_recordset(${json}::json) as v(id uuid, lx text) join tracked_items t on t.id = v.id`);
    done += rows.length;
    after = rows[rows.length - 1]!.id;
  }
}
