import {
  IdParams,
  ItemEvent,
  itemHighlights,
  ListQuery,
  listOf,
  type Permission,
  queryTerms,
  SimilarList,
  SimilarQuery,
} from '@yiting/domain';
import { and, eq, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { TypedApp } from '../app.ts';
import { decodeCursor, page } from '../cursor.ts';
import type { Db } from '../db/client.ts';
import { bodies } from '../db/schema.ts';
import { LEDGER_MAX_ROWS } from '../documents/ledger.ts';
import { notFound } from '../errors.ts';
import { ifMatchVersion, sendFile, setEtag, XLSX } from '../http.ts';
import { type Actor, bodyActorOf } from '../plugins/auth.ts';
import { searchItems } from '../repositories/item-search.ts';
import { eventsOf } from '../repositories/matters.ts';
import { findItem, listItems, visibleItems } from '../repositories/tracked-items.ts';
import { type BodyTrackingConfig, trackingConfig } from '../tracking/config.ts';
import { type ItemRow, type ItemTypeName, typeDef } from '../tracking/registry.ts';
import { similarItems } from '../tracking/similar.ts';
import { createItem, editItem, fireItemAction } from '../usecases/tracked-items.ts';
import { type TableColumn, tableInfo, tableWorkbook } from '../xlsx/table.ts';

/** A list's .xlsx export is bounded as the ledger is; past this the sheet says it was cut short. */
export const EXPORT_MAX_ROWS = LEDGER_MAX_ROWS;
const EXPORT_PAGE = 1000;

type BodyActor = Actor & { bodyId: string };

export type Presenter<T> = (
  db: Db,
  actor: BodyActor,
  rows: ItemRow[],
  config: BodyTrackingConfig,
) => Promise<T[]>;

type Events = Awaited<ReturnType<typeof eventsOf>>;

/** One timeline entry with its files, as every type's events and the matter chain show it. */
export function presentEvent(e: Events['events'][number], attached: Events['attached']) {
  return {
    id: e.id,
    seq: e.seq,
    action: e.action,
    fromState: e.fromState,
    toState: e.toState,
    actorId: e.actorId,
    actorName: e.actorName,
    at: e.at.toISOString(),
    payload: e.payload as Record<string, unknown>,
    files: attached.filter((f) => f.eventId === e.id).map(({ eventId: _e, ...f }) => f),
  };
}

/**
 * The routes every tracked-item type answers the same way — list (ranked with highlights when
 * searched), create, read, edit, transitions, timeline, similar items — built once; a type brings its
 * schemas, its list filters and its presenter. Thin: the use cases and the registry hold the rules.
 */
export function itemRoutes<
  Q extends z.ZodType<{ limit: number; cursor?: string | undefined; q?: string | undefined }>,
  T extends { title: string; content: string },
>(
  app: TypedApp,
  db: Db,
  opts: {
    type: ItemTypeName;
    path: string;
    tag: string;
    read: Permission;
    submit: Permission;
    schemas: { item: z.ZodType<T>; input: z.ZodType; patch: z.ZodType; query: Q; transition: z.ZodType };
    filters: (query: z.infer<Q>, actor: BodyActor, config: BodyTrackingConfig) => (SQL | undefined)[];
    present: Presenter<T>;
    /** `GET {path}/export.xlsx`: the list's rows (same filters and scope, no paging) as a sheet. */
    export?: {
      /** What the sheet and the file are called, in both languages (may follow the filters). */
      name: (query: z.infer<Q>) => { zh: string; en: string; ascii: string };
      columns: TableColumn<T>[];
    };
  },
) {
  const def = typeDef(opts.type);
  const { item, input, patch, query, transition } = opts.schemas;
  const tags = [opts.tag];
  const one = async (actor: BodyActor, row: ItemRow) =>
    (await opts.present(db, actor, [row], await trackingConfig(db, actor.bodyId)))[0]!;

  app.get(
    opts.path,
    {
      config: { permission: opts.read },
      schema: { tags, querystring: query, response: { 200: listOf(item) } },
    },
    async (req) => {
      const actor = bodyActorOf(req);
      const q = req.query as z.infer<Q>;
      const config = await trackingConfig(db, actor.bodyId);
      const filters = opts.filters(q, actor, config);
      if (q.q && queryTerms(q.q).length > 0) {
        // Ranked text search (docs/search.md): title matches first, then by occurrences, with the
        // matched ranges; the type's filters and the caller's scope apply as in the plain list.
        const text = q.q;
        const after = decodeCursor(q.cursor, ['int', 'int', 'uuid']) as [number, number, string] | undefined;
        const found = await searchItems(db, {
          bodyId: actor.bodyId,
          type: def.types,
          q: text,
          where: and(visibleItems(def, actor), ...filters),
          limit: q.limit,
          after,
        });
        const p = page(found.items, q.limit, (r) => [r.titleHits, r.hits, r.row.id]);
        const items = await opts.present(
          db,
          actor,
          p.items.map((r) => r.row),
          config,
        );
        return {
          items: items.map((i) => ({ ...i, highlights: itemHighlights(i, text) })),
          nextCursor: p.nextCursor,
        };
      }
      const after = decodeCursor(q.cursor, ['uuid'])?.[0] as string | undefined;
      const rows = await listItems(db, def, actor, filters, { after, limit: q.limit });
      const p = page(rows, q.limit, (r) => [r.id]);
      return { items: await opts.present(db, actor, p.items, config), nextCursor: p.nextCursor };
    },
  );

  /**
   * Every row the list would show for these filters, in its order (ranked when searched), presented a
   * page at a time; at most EXPORT_MAX_ROWS, and `truncated` when there were more (or the search capped).
   */
  async function exportRows(actor: BodyActor, q: z.infer<Q>, config: BodyTrackingConfig) {
    const filters = opts.filters(q, actor, config);
    const out: T[] = [];
    const searched = !!q.q && queryTerms(q.q).length > 0;
    let after: string | [number, number, string] | undefined;
    for (;;) {
      let rows: ItemRow[];
      let more: boolean;
      let capped = false;
      if (searched) {
        const found = await searchItems(db, {
          bodyId: actor.bodyId,
          type: def.types,
          q: q.q!,
          where: and(visibleItems(def, actor), ...filters),
          limit: EXPORT_PAGE,
          after: after as [number, number, string] | undefined,
        });
        const items = found.items.slice(0, EXPORT_PAGE);
        rows = items.map((r) => r.row);
        more = found.items.length > EXPORT_PAGE;
        capped = found.capped;
        const last = items.at(-1);
        after = last ? [last.titleHits, last.hits, last.row.id] : undefined;
      } else {
        const page = await listItems(db, def, actor, filters, {
          after: after as string | undefined,
          limit: EXPORT_PAGE,
        });
        rows = page.slice(0, EXPORT_PAGE);
        more = page.length > EXPORT_PAGE;
        after = rows.at(-1)?.id;
      }
      out.push(...(await opts.present(db, actor, rows, config)));
      if (out.length > EXPORT_MAX_ROWS) return { rows: out.slice(0, EXPORT_MAX_ROWS), truncated: true };
      if (!more) return { rows: out, truncated: capped };
    }
  }

  const exported = opts.export;
  if (exported) {
    // The list's filters, not its paging.
    const exportQuery = (query as unknown as z.ZodObject).omit({ limit: true, cursor: true });
    app.get(
      `${opts.path}/export.xlsx`,
      {
        config: { permission: opts.read },
        schema: {
          tags,
          querystring: exportQuery,
          summary: `The list of ${opts.path.slice(1)} the filters select, as .xlsx`,
          description:
            'The same filters (including `q`) and scope as the list, without paging: one row per item in ' +
            `the list's order. At most ${EXPORT_MAX_ROWS.toLocaleString('en')} rows; the sheet says when ` +
            'it was cut short (and the response carries `x-truncated: true`).',
        },
      },
      async (req, reply) => {
        const actor = bodyActorOf(req);
        const q = { ...(req.query as object), limit: EXPORT_PAGE } as z.infer<Q>;
        const config = await trackingConfig(db, actor.bodyId);
        const { rows, truncated } = await exportRows(actor, q, config);
        const [body] = await db.select({ name: bodies.name }).from(bodies).where(eq(bodies.id, actor.bodyId));
        const en = req.locale === 'en-US';
        const name = exported.name(q);
        const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
        const buf = await tableWorkbook({
          sheet: en ? name.en : name.zh,
          title: en ? `${body?.name ?? ''} — ${name.en}` : `${body?.name ?? ''}${name.zh}`,
          info: tableInfo({
            locale: req.locale,
            exportedOn: today,
            count: rows.length,
            noun: { zh: '件数', en: 'Items' },
            filters: q.q ? [`“${q.q}”`] : [],
            truncated,
          }),
          columns: exported.columns,
          rows,
          locale: req.locale,
        });
        if (truncated) reply.header('x-truncated', 'true');
        return sendFile(
          reply,
          XLSX,
          buf,
          `${name.ascii}-${today}.xlsx`,
          `${en ? name.en.replace(/\s+/g, '-').toLowerCase() : name.zh}-${today}.xlsx`,
        );
      },
    );
  }

  app.post(
    opts.path,
    { config: { permission: opts.submit }, schema: { tags, body: input, response: { 201: item } } },
    async (req, reply) => {
      const actor = bodyActorOf(req);
      const row = await createItem({ db, actor, type: opts.type, input: req.body });
      setEtag(reply, row.version);
      return reply.code(201).send(await one(actor, row));
    },
  );

  app.get(
    `${opts.path}/:id`,
    { config: { permission: opts.read }, schema: { tags, params: IdParams, response: { 200: item } } },
    async (req, reply) => {
      const actor = bodyActorOf(req);
      const row = await findItem(db, def, actor, req.params.id);
      if (!row) throw notFound();
      setEtag(reply, row.version);
      return one(actor, row);
    },
  );

  app.patch(
    `${opts.path}/:id`,
    {
      config: { permission: opts.submit },
      schema: { tags, params: IdParams, body: patch, response: { 200: item } },
    },
    async (req, reply) => {
      const actor = bodyActorOf(req);
      const row = await editItem({
        db,
        actor,
        type: opts.type,
        id: req.params.id,
        version: ifMatchVersion(req),
        patch: req.body,
      });
      setEtag(reply, row.version);
      return one(actor, row);
    },
  );

  // Every change of state goes through here; the machine decides who may do what.
  app.post(
    `${opts.path}/:id/transitions`,
    {
      config: { permission: opts.read },
      schema: { tags, params: IdParams, body: transition, response: { 200: item } },
    },
    async (req, reply) => {
      const actor = bodyActorOf(req);
      const body = req.body as { action: string; payload: unknown };
      const row = await fireItemAction({
        db,
        actor,
        type: opts.type,
        id: req.params.id,
        version: ifMatchVersion(req),
        action: body.action,
        payload: body.payload,
      });
      setEtag(reply, row.version);
      return one(actor, row);
    },
  );

  app.get(
    `${opts.path}/:id/events`,
    {
      config: { permission: opts.read },
      schema: { tags, params: IdParams, querystring: ListQuery, response: { 200: listOf(ItemEvent) } },
    },
    async (req) => {
      const actor = bodyActorOf(req);
      const row = await findItem(db, def, actor, req.params.id);
      if (!row) throw notFound();
      const after = decodeCursor(req.query.cursor, ['int'])?.[0] as number | undefined;
      const { events, attached } = await eventsOf(db, actor.bodyId, row.id, after, req.query.limit);
      const p = page(events, req.query.limit, (e) => [e.seq]);
      return { items: p.items.map((e) => presentEvent(e, attached)), nextCursor: p.nextCursor };
    },
  );

  // For the reviewer: the items most like this one by Chinese word similarity (docs/search.md), among
  // those the caller may see and the type compares it with, with the passages they share.
  app.get(
    `${opts.path}/:id/similar`,
    {
      config: { permission: opts.read },
      schema: {
        tags,
        params: IdParams,
        querystring: SimilarQuery,
        response: { 200: SimilarList },
        summary: 'The items most like this one, by Chinese word similarity, with the shared passages',
      },
    },
    async (req) => {
      const actor = bodyActorOf(req);
      const row = await findItem(db, def, actor, req.params.id);
      if (!row) throw notFound();
      const items = await similarItems(db, {
        bodyId: actor.bodyId,
        type: def.types,
        title: row.title,
        content: row.content,
        excludeId: row.id,
        where: and(visibleItems(def, actor), def.similarTo?.(row)),
        limit: req.query.limit,
      });
      return { items };
    },
  );
}
