import { FileMeta, IdParams } from '@yiting/domain';
import { and, eq, sql } from 'drizzle-orm';
import type { TypedApp } from '../app.ts';
import { files, itemFiles, itemUnits } from '../db/schema.ts';
import { AppError, notFound } from '../errors.ts';
import { bodyActorOf } from '../plugins/auth.ts';
import { unitScope } from '../tracking/parties.ts';
import { storeFile } from '../usecases/files.ts';
import type { RouteContext } from './context.ts';

export function fileRoutes(app: TypedApp, { database, config }: RouteContext) {
  const db = database.db;

  // Upload first, then refer to the file's id in an action (evidence, replies): a refused file leaves
  // nothing behind, and an action never carries a half-uploaded file.
  app.post(
    '/files',
    { config: { permission: 'file.upload' }, schema: { tags: ['files'], response: { 201: FileMeta } } },
    async (req, reply) => {
      const actor = bodyActorOf(req);
      if (!req.isMultipart())
        throw new AppError('unsupported_media_type', 'multipart/form-data with a `file` field');
      const part = await req.file({ limits: { fileSize: config.fileLimit } });
      if (!part) throw new AppError('bad_request', 'no file', [{ path: 'file', message: 'required' }]);
      const content = await part.toBuffer(); // throws FST_REQ_FILE_TOO_LARGE past the limit → 413
      const row = await storeFile({ db, actor, name: part.filename, content });
      return reply.code(201).send(row);
    },
  );

  app.get(
    '/files/:id',
    { config: { permission: 'file.read' }, schema: { tags: ['files'], params: IdParams } },
    async (req, reply) => {
      const actor = bodyActorOf(req);
      const scope = unitScope(actor);
      const [row] = await db
        .select()
        .from(files)
        .where(
          and(
            eq(files.bodyId, actor.bodyId),
            eq(files.id, req.params.id),
            // A liaison reads its own uploads and files of its unit's items.
            scope
              ? sql`(${files.createdBy} = ${actor.account.id} or exists (
                  select 1 from ${itemFiles} f join ${itemUnits} u on u.item_id = f.item_id
                  where f.file_id = ${files.id} and u.unit_id = ${scope}))`
              : undefined,
          ),
        );
      if (!row) throw notFound();
      return reply
        .header('content-type', row.mime)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(row.name)}`)
        .header('x-content-type-options', 'nosniff')
        .send(row.content);
    },
  );
}
