import { appendAudit } from '../audit.ts';
import type { Db } from '../db/client.ts';
import { files } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { sha256Hex, sniffFile } from '../files.ts';
import { newId } from '../ids.ts';
import type { Actor } from '../plugins/auth.ts';

/**
 * Stores an uploaded file once its content is known to be of an accepted kind (by its first bytes, not
 * its name), with the audit entry, in one transaction. Size limits are the caller's (the route's
 * multipart limit); the demo's evidence files go through here too.
 */
export async function storeFile(opts: {
  db: Db;
  actor: Actor & { bodyId: string };
  name: string;
  content: Buffer;
}) {
  const { db, actor, content } = opts;
  const name = opts.name.replace(/[\\/]/g, '_').slice(0, 200) || 'file';
  const mime = sniffFile(name, content);
  if (!mime)
    throw new AppError('unsupported_media_type', undefined, [{ path: 'file', message: 'file_type' }]);
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const [row] = await tx
      .insert(files)
      .values({
        id: newId(),
        bodyId: actor.bodyId,
        sha256: sha256Hex(content),
        name,
        mime,
        size: content.length,
        content,
        createdBy: actor.account.id,
      })
      .returning({
        id: files.id,
        name: files.name,
        size: files.size,
        mime: files.mime,
        sha256: files.sha256,
      });
    await appendAudit(tx, {
      bodyId: actor.bodyId,
      actorId: actor.account.id,
      actorName: actor.account.displayName,
      action: 'file.upload',
      targetType: 'file',
      targetId: row!.id,
      after: { name, mime, size: content.length, sha256: row!.sha256 },
    });
    return row!;
  });
}
