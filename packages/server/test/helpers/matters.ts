import { expect } from 'vitest';
import type { Client } from './app.ts';

/** A tiny but real PDF: the upload check reads the content, not the name. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** The date n days from now in China (deadlines are Chinese calendar dates). */
export function inDays(n: number): string {
  return new Date(Date.now() + n * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10);
}

/** A multipart/form-data body with one `file` field. */
export function multipart(name: string, content: Buffer, mime = 'application/octet-stream', field = 'file') {
  const boundary = '----yiting-test-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${name}"\r\nContent-Type: ${mime}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Uploads a file through POST /api/v1/files and returns the raw response. */
export function upload(c: Client, name = '整改佐证.pdf', content = PDF) {
  const m = multipart(name, content);
  return c.request({ method: 'POST', url: '/api/v1/files', payload: m.payload, headers: m.headers });
}

/** Fires a transition with the version read; returns the raw response. */
export function transition(
  c: Client,
  m: { id: string; version: number },
  action: string,
  payload: unknown = {},
) {
  return c.post(`/api/v1/matters/${m.id}/transitions`, { action, payload }, { 'if-match': `"${m.version}"` });
}

/** Fires a transition that must succeed; returns the matter after it. */
export async function act(
  c: Client,
  m: { id: string; version: number },
  action: string,
  payload: unknown = {},
) {
  const res = await transition(c, m, action, payload);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
