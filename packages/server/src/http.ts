import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

/** The version a client read, from `If-Match: "3"` (or W/"3", or 3). Required on every update. */
export function ifMatchVersion(req: FastifyRequest): number {
  const raw = req.headers['if-match'];
  if (!raw) throw new AppError('precondition_required');
  const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(String(raw).trim());
  if (!m)
    throw new AppError('bad_request', 'If-Match must carry the version number', [
      { path: 'If-Match', message: 'invalid_format' },
    ]);
  return Number(m[1]);
}

export function setEtag(reply: FastifyReply, version: number) {
  reply.header('ETag', `"${version}"`);
}

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A generated file as a download: an ASCII name for old clients, the real (Chinese) name as filename*. */
export function sendFile(reply: FastifyReply, type: string, buf: Buffer, asciiName: string, name: string) {
  return reply
    .type(type)
    .header('cache-control', 'no-store')
    .header(
      'content-disposition',
      `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    )
    .send(buf);
}
