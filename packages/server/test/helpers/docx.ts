import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import JSZip from 'jszip';

/** The WordprocessingML namespace. */
export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** 2025-11-12 → 2025年11月12日, as GB/T 9704 documents write dates. */
export const zhDate = (iso: string) =>
  `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/** YITING_DOC_OUT=dir keeps the generated files, to render them (soffice --convert-to pdf) and look. */
export function keep(name: string, buf: Buffer) {
  const dir = process.env.YITING_DOC_OUT;
  if (dir) writeFileSync(join(dir, name), buf);
}

/** A .docx opened as what it is: a zip of WordprocessingML parts, each parsed by a real XML parser. */
export async function openDocx(buf: Buffer) {
  const zip = await JSZip.loadAsync(buf);
  const parts = new Map<string, Document>();
  for (const name of Object.keys(zip.files).filter((n) =>
    /^word\/(document|header\d+|footer\d+)\.xml$/.test(n),
  )) {
    const xml = await zip.file(name)!.async('string');
    parts.set(name, new DOMParser().parseFromString(xml, 'text/xml'));
  }
  const doc = parts.get('word/document.xml')!;
  const paragraphs = (d: Document) =>
    Array.from(d.getElementsByTagNameNS(W, 'p')).map((p) => ({
      el: p,
      text: Array.from(p.getElementsByTagNameNS(W, 't'))
        .map((t) => t.textContent)
        .join(''),
    }));
  const attr = (el: Element | undefined | null, name: string) => el?.getAttributeNS(W, name) ?? null;
  const first = (el: Element | Document, tag: string) => el.getElementsByTagNameNS(W, tag)[0] ?? null;
  /** An on/off property: present and not switched off. */
  const on = (el: Element | null) => !!el && !['false', '0'].includes(attr(el, 'val') ?? '');
  /** Runs whose colour is the given one, anywhere in the body, headers and footers. */
  const coloured = (hex: string) =>
    [...parts.values()].flatMap((d) =>
      Array.from(d.getElementsByTagNameNS(W, 'r'))
        .filter((r) => attr(first(r, 'color'), 'val') === hex)
        .map((r) => r.textContent),
    );
  return { zip, parts, doc, paragraphs, attr, first, on, coloured };
}
