import { writeFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Types a date (and time) into a picker, as a person at the keyboard would (Enter takes it). */
export async function typeDate(page: Page, field: Locator, text: string) {
  await field.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/**
 * Opens a select or picker, types, and takes the first option that has the text; on a loaded machine the
 * filtered list may still be settling under the click, so it picks again if the choice did not stick.
 */
export async function choose(page: Page, select: Locator, typed: string, option: string = typed) {
  for (let attempt = 0; attempt < 3; attempt++) {
    await select.click();
    // Replace whatever an earlier attempt left in the search box rather than typing after it.
    await page.keyboard.press('Control+A');
    await page.keyboard.type(typed);
    const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option });
    await item.first().click();
    if ((await select.textContent())?.includes(option)) break;
    await page.keyboard.press('Escape');
  }
  await expect.poll(() => select.textContent()).toContain(option);
}

/** Chooses a file in a form's upload and waits until the server has taken it. */
export async function attach(form: Locator, file: string) {
  await form.locator('input[type=file]').setInputFiles(file);
  await form.locator('.ant-upload-list-item-done').first().waitFor();
}

/** A small but real PDF (one empty page), so the server's content check accepts it as application/pdf. */
export function writePdf(path: string) {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  writeFileSync(path, body, 'latin1');
}
