import { PassThrough } from 'node:stream';
import {
  ERRORS,
  errorTitle,
  type Locale,
  PersonListQuery,
  UnitListQuery,
  validationMessage,
} from '@yiting/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TypedApp } from '../app.ts';
import { AppError } from '../errors.ts';
import { sendFile, XLSX } from '../http.ts';
import { bodyActorOf } from '../plugins/auth.ts';
import { importPeople } from '../usecases/import-people.ts';
import { exportPeopleRows, exportUnitRows } from '../xlsx/export.ts';
import { assertXlsx } from '../xlsx/read.ts';
import { writeWorkbook } from '../xlsx/write.ts';
import type { RouteContext } from './context.ts';

const NDJSON = 'application/x-ndjson';

const sendXlsx = (reply: FastifyReply, buf: Buffer, asciiName: string, name: string) =>
  sendFile(reply, XLSX, buf, asciiName, name);

const today = () => new Date().toISOString().slice(0, 10);

/** The problem+json object of an error, for the NDJSON stream (whose HTTP status is already 200). */
function problemOf(err: unknown, req: FastifyRequest, locale: Locale): Record<string, unknown> {
  if (!(err instanceof AppError)) {
    req.log.error({ err }, 'import failed');
    return problemOf(new AppError('internal'), req, locale);
  }
  const code = err.code;
  return {
    type: `https://yiting.dev/problems/${code.replace(/_/g, '-')}`,
    title: errorTitle(code, locale),
    status: ERRORS[code].status,
    code,
    ...(err.detail && { detail: err.detail }),
    ...(err.errors && {
      errors: err.errors.map((e) => ({ path: e.path, message: validationMessage(e.message, locale) })),
    }),
    ...err.extra,
  };
}

export function importExportRoutes(app: TypedApp, { database }: RouteContext) {
  const db = database.db;

  app.get(
    '/people/import-template.xlsx',
    {
      config: { permission: 'person.import' },
      schema: { tags: ['people'], summary: 'The empty .xlsx import template (units and people)' },
    },
    async (_req, reply) =>
      sendXlsx(reply, await writeWorkbook(), 'yiting-import-template.xlsx', '议厅导入模板.xlsx'),
  );

  app.post(
    '/people/import',
    {
      config: { permission: 'person.import' },
      schema: {
        tags: ['people'],
        summary: 'Import units and people from an .xlsx (multipart field `file`)',
        description:
          'All or nothing: 200 {units, people, memberships}, or 422 import_invalid listing every bad row. ' +
          'With `Accept: application/x-ndjson` the answer streams progress lines and ends with ' +
          '{"type":"done","result":…} or {"type":"problem","problem":…}.',
      },
    },
    async (req, reply) => {
      const actor = bodyActorOf(req);
      const part = await req.file();
      if (part?.fieldname !== 'file') throw new AppError('bad_request', 'multipart field `file` is required');
      // Reads at most config.fileLimit bytes; more is a 413 (FST_REQ_FILE_TOO_LARGE).
      const file = await part.toBuffer();
      assertXlsx(file);
      const options = {
        db,
        bodyId: actor.bodyId,
        actor: { id: actor.account.id, name: actor.account.displayName },
        file,
        fileName: part.filename,
        locale: req.locale,
      };
      if (!(req.headers.accept ?? '').includes(NDJSON)) return importPeople(options);

      const stream = new PassThrough();
      const line = (o: unknown) => stream.write(`${JSON.stringify(o)}\n`);
      reply.type(`${NDJSON}; charset=utf-8`).header('cache-control', 'no-store').send(stream);
      try {
        const result = await importPeople({
          ...options,
          onProgress: (p) => line({ type: 'progress', ...p }),
        });
        line({ type: 'done', result });
      } catch (e) {
        line({ type: 'problem', problem: problemOf(e, req, req.locale) });
      } finally {
        stream.end();
      }
      return reply;
    },
  );

  app.get(
    '/people/export.xlsx',
    {
      config: { permission: 'person.read' },
      schema: {
        tags: ['people'],
        summary: 'The people matching the list filters, as an .xlsx in the import template’s layout',
        querystring: PersonListQuery.omit({ cursor: true, limit: true }),
      },
    },
    async (req, reply) => {
      const actor = bodyActorOf(req);
      const rows = await exportPeopleRows(db, { ...req.query, bodyId: actor.bodyId });
      return sendXlsx(
        reply,
        await writeWorkbook({ people: rows }),
        `people-${today()}.xlsx`,
        `人员-${today()}.xlsx`,
      );
    },
  );

  app.get(
    '/units/export.xlsx',
    {
      config: { permission: 'unit.read' },
      schema: {
        tags: ['units'],
        summary: 'This body’s own units, as an .xlsx in the import template’s layout',
        querystring: UnitListQuery.pick({ q: true, kind: true }),
      },
    },
    async (req, reply) => {
      const actor = bodyActorOf(req);
      const rows = await exportUnitRows(db, { bodyId: actor.bodyId, ...req.query });
      return sendXlsx(
        reply,
        await writeWorkbook({ units: rows }),
        `units-${today()}.xlsx`,
        `单位-${today()}.xlsx`,
      );
    },
  );
}
