import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import type { ItemEvent, Proposal } from '@yiting/domain';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { canRun, signIn, useBrowser } from './session.ts';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const SHOTS = process.env.YITING_E2E_SHOTS;

describe.skipIf(!canRun)('reply letters on the proposal page', () => {
  const b = useBrowser();
  const dir = mkdtempSync(join(tmpdir(), 'yiting-e2e-reply-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('downloads the lead unit’s reply letter of a replied proposal, with its approved reply as the text', async () => {
    const { page } = b;
    await signIn(page, 'zx.staff');
    // A proposal of the demo year whose unit has replied and the office approved (awaiting rating).
    const { p, reply } = await page.evaluate(async () => {
      const get = async (path: string) => (await fetch(`/api/v1${path}`)).json();
      const list: { items: Proposal[] } = await get('/proposals?state=replied&limit=20');
      // One replying unit (the last reply is its own), a member as proposer.
      const p = list.items.find(
        (x) =>
          x.proposerName &&
          x.units.filter((u) => u.role !== 'co').length === 1 &&
          x.units[0]?.reply &&
          x.units[0].finalCategory,
      )!;
      const events: { items: ItemEvent[] } = await get(`/proposals/${p.id}/events?limit=200`);
      const reply = events.items.findLast((e) => e.action === 'submit_reply')!;
      return { p, reply: reply.payload.summary as string };
    });
    const unit = p.units[0]!;
    await page.goto(`/proposals/${p.id}`);
    const buttons = page.getByTestId('reply-letter');
    await buttons.first().waitFor();
    // One button for the one unit that replies (co-units have no letter of their own).
    expect(await buttons.count()).toBe(1);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/reply-letter-button.png` });

    const [download] = await Promise.all([page.waitForEvent('download'), buttons.first().click()]);
    const name = download.suggestedFilename();
    expect(name).toMatch(/^关于政协江门市第.+届委员会第.+次会议第\d{4}号提案的答复-/);
    expect(name.endsWith(`-${unit.unitName}.docx`)).toBe(true);
    const file = join(dir, 'letter.docx');
    await download.saveAs(file);
    const zip = await JSZip.loadAsync(readFileSync(file));
    const xml = new DOMParser().parseFromString(
      await zip.file('word/document.xml')!.async('string'),
      'text/xml',
    );
    const texts = Array.from(xml.getElementsByTagNameNS(W, 'p'))
      .map((x) =>
        Array.from(x.getElementsByTagNameNS(W, 't'))
          .map((t) => t.textContent)
          .join(''),
      )
      .filter(Boolean);
    expect(texts[0]).toBe(`答复类别：${unit.reply!.category}`);
    expect(texts).toContain(reply);
    expect(texts).toContain(
      `尊敬的${p.proposerName}${p.signers.some((s) => s.role === 'cosigner' && s.status === 'confirmed') ? '等' : ''}委员：`,
    );
    expect(texts).toContain(unit.unitName);
  });
});
