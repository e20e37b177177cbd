import { createHash } from 'node:crypto';
import { extname } from 'node:path';

/** The kinds of attachment accepted, recognised by their first bytes, never by the file name alone. */
const KINDS: { mime: string; ext: string[]; magic: (b: Buffer) => boolean }[] = [
  { mime: 'application/pdf', ext: ['.pdf'], magic: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  {
    mime: 'image/png',
    ext: ['.png'],
    magic: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  {
    mime: 'image/jpeg',
    ext: ['.jpg', '.jpeg'],
    magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  },
  {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ext: ['.docx'],
    magic: (b) => isZip(b) && b.includes('word/'),
  },
  {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ext: ['.xlsx'],
    magic: (b) => isZip(b) && b.includes('xl/'),
  },
  {
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    ext: ['.pptx'],
    magic: (b) => isZip(b) && b.includes('ppt/'),
  },
  {
    mime: 'application/msword',
    ext: ['.doc', '.xls', '.ppt'],
    magic: (b) => b.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])),
  },
  { mime: 'application/ofd', ext: ['.ofd'], magic: (b) => isZip(b) && b.includes('OFD.xml') },
];

function isZip(b: Buffer) {
  return b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}

export const ACCEPTED_EXTENSIONS = KINDS.flatMap((k) => k.ext);

/** Returns the MIME type when the content is of an accepted kind matching the name's extension. */
export function sniffFile(name: string, content: Buffer): string | null {
  const ext = extname(name).toLowerCase();
  const kind = KINDS.find((k) => k.ext.includes(ext));
  if (!kind?.magic(content)) return null;
  return ext === '.xls'
    ? 'application/vnd.ms-excel'
    : ext === '.ppt'
      ? 'application/vnd.ms-powerpoint'
      : kind.mime;
}

export function sha256Hex(content: Buffer) {
  return createHash('sha256').update(content).digest('hex');
}
