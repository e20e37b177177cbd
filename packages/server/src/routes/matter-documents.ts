import { IdParams, LABELS, MatterListQuery } from '@yiting/domain';
import { eq } from 'drizzle-orm';
import type { TypedApp } from '../app.ts';
import { bodies, units } from '../db/schema.ts';
import { ledgerRows, writeLedger } from '../documents/ledger.ts';
import { renderNotice } from '../documents/notice.ts';
import { cstParts } from '../documents/wording.ts';
import { notFound } from '../errors.ts';
import { DOCX, sendFile, XLSX } from '../http.ts';
import { bodyActorOf } from '../plugins/auth.ts';
import { findMatter } from '../repositories/matters.ts';
import { trackingConfig } from '../tracking/config.ts';
import { unitScope } from '../tracking/parties.ts';
import type { RouteContext } from './context.ts';

/** The ledger takes the list's filters, not its paging. */
const LedgerQuery = MatterListQuery.omit({ limit: true, cursor: true });

function todayCst() {
  const p = cstParts(new Date());
  return `${p.y}-${String(p.m).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`;
}

/** Generated documents of the supervision chain: the assignment notice (.docx) and the ledger (.xlsx). */
export function matterDocumentRoutes(app: TypedApp, { database }: RouteContext) {
  const db = database.db;

  app.get(
    '/matters/:id/notice.docx',
    {
      config: { permission: 'matter.read' },
      schema: {
        tags: ['matters'],
        params: IdParams,
        summary: 'The assignment notice (交办函/督办通知) as .docx in the GB/T 9704 layout',
        description:
          'Letter format (信函格式) when the lead unit is not the body’s own (a government department), the ' +
          'standard 文件 format otherwise. 409 invalid_state while the matter has not been assigned.',
      },
    },
    async (req, reply) => {
      const actor = bodyActorOf(req);
      const row = await findMatter(db, actor.bodyId, req.params.id, unitScope(actor));
      if (!row) throw notFound();
      const { doc, buffer } = await renderNotice(db, row, await trackingConfig(db, actor.bodyId));
      const kind = doc.format === 'letter' ? '交办函' : '督办通知';
      return sendFile(reply, DOCX, buffer, `notice-${row.id}.docx`, `${kind}-${row.number}.docx`);
    },
  );

  app.get(
    '/matters/ledger.xlsx',
    {
      config: { permission: 'dashboard.read' },
      schema: {
        tags: ['matters'],
        querystring: LedgerQuery,
        summary: 'The rectification ledger (整改台账) of the matters the filters select, as .xlsx',
        description:
          'One row per matter with its latest progress report; drafts and cancelled matters only when ' +
          'asked for by `state`. At most 20,000 rows; the sheet says when it was cut short.',
      },
    },
    async (req, reply) => {
      const actor = bodyActorOf(req);
      const config = await trackingConfig(db, actor.bodyId);
      const { overdue, ...filter } = req.query;
      const { rows, truncated } = await ledgerRows(db, {
        ...filter,
        overdue: overdue === 'true',
        bodyId: actor.bodyId,
        unitScope: unitScope(actor),
        yellowDays: config.matter.yellowDays,
      });
      const [body] = await db.select({ name: bodies.name }).from(bodies).where(eq(bodies.id, actor.bodyId));
      const zh = req.locale !== 'en-US';
      const l = (x: { zh: string; en: string }) => (zh ? x.zh : x.en);
      const filters: string[] = [];
      if (filter.state) filters.push(l(LABELS.matterState[filter.state]));
      if (filter.warning) filters.push(l(LABELS.warning[filter.warning]));
      if (overdue === 'true') filters.push(l(LABELS.warning.red));
      if (filter.source) filters.push(l(LABELS.matterSource[filter.source]));
      if (filter.unitId) {
        const [u] = await db.select({ name: units.name }).from(units).where(eq(units.id, filter.unitId));
        if (u) filters.push(u.name);
      }
      if (filter.q) filters.push(`“${filter.q}”`);
      const today = todayCst();
      const buf = await writeLedger({
        bodyName: body?.name ?? '',
        rows,
        truncated,
        filters,
        locale: req.locale,
        exportedOn: today,
      });
      if (truncated) reply.header('x-truncated', 'true');
      return sendFile(
        reply,
        XLSX,
        buf,
        `ledger-${today}.xlsx`,
        zh ? `整改台账-${today}.xlsx` : `rectification-ledger-${today}.xlsx`,
      );
    },
  );
}
