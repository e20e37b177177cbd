import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { choose } from './forms.ts';
import { canRun, signIn, useBrowser } from './session.ts';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1360, height: 860 };
/** Screenshots for the docs only when asked for (`YITING_E2E_SHOTS=docs/img`): a test run changes no file. */
const SHOTS = process.env.YITING_E2E_SHOTS;

/** A GET from inside the signed-in page, with its session. */
async function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (path) => {
    const res = await fetch(`/api/v1${path}`);
    if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  }, path) as Promise<T>;
}

type Progress = {
  summary: { total: number };
  items: { id: string; title: string; supervisorName: string }[];
};

describe.skipIf(!canRun)('key proposals (重点提案)', () => {
  const b = useBrowser();

  it('a leader follows the key proposals he leads; the office marks an accepted proposal key with its leader', async () => {
    const { page } = b;

    // The chair (zx.chair) opens the view from the menu: the session's key proposals and their stages.
    await signIn(page, 'zx.chair');
    await page.getByRole('menuitem', { name: '重点提案' }).click();
    await page.waitForURL('**/key-proposals');
    await page.getByTestId('key-item').first().waitFor();
    const all = await page.getByTestId('key-item').count();
    expect(all).toBeGreaterThanOrEqual(10);
    await expect.poll(() => page.getByTestId('key-figure-total').textContent()).toContain(String(all));

    // 我督办的: only his own, each with him as the leader, and the one he urged says so.
    await page.getByTestId('key-mine').getByText('我督办的').click();
    await expect.poll(() => page.getByTestId('key-item').count()).toBe(2);
    await page
      .locator('[data-testid=key-mine] .ant-segmented-item-selected')
      .filter({ hasText: '我督办的' })
      .waitFor();
    expect(await page.getByTestId('key-item-leader').allTextContents()).toEqual(['黄卓然', '黄卓然']);
    expect((await page.getByTestId('key-item-latest').allTextContents()).join()).toContain('催办');
    // The overdue one's current step is red.
    await page.locator('[data-testid=key-item] .ant-steps-item-error').first().waitFor();
    if (SHOTS) await page.screenshot({ path: resolve(SHOTS, 'key-proposals.png'), fullPage: true });

    // On a phone: cards and compact steps, nothing wider than the screen.
    await page.setViewportSize(PHONE);
    await page.getByTestId('key-item').first().waitFor();
    // The layout follows the resize a render later.
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
      .toBeLessThanOrEqual(PHONE.width);
    if (SHOTS) await page.screenshot({ path: resolve(SHOTS, 'key-proposals-mobile.png'), fullPage: true });

    // The office chooses another accepted proposal as key, as the chair's meeting decided, led by 伍建华.
    await page.setViewportSize(DESKTOP);
    await page.context().clearCookies();
    await signIn(page, 'zx.staff');
    const candidates = await apiGet<{ items: { id: string; title: string; number: string }[] }>(
      page,
      '/proposals?kind=proposal&accepted=true&key=false&state=handling&limit=1',
    );
    const chosen = candidates.items[0]!;
    await page.goto('/key-proposals');
    await page.getByTestId('key-item').first().waitFor();
    const before = await apiGet<Progress>(page, '/proposals/key-progress');
    await page.getByTestId('key-select').click();
    const dialog = page.locator('.ant-modal-wrap:visible .ant-modal');
    await dialog.waitFor();
    await page.getByTestId('key-select-ref').fill('十四届市政协第四十一次主席会议');
    await page.getByTestId('key-select-search').fill(chosen.number);
    const row = dialog.locator(`tr[data-row-key="${chosen.id}"]`);
    await row.waitFor();
    await row.locator('.ant-checkbox-input').check();
    // The leader for this row: search the register of leaders by name.
    const picker = page.getByTestId(`key-leader-${chosen.id}`).locator('.ant-select');
    await choose(page, picker, '伍建华');
    const marked = page.waitForResponse(
      (r) => r.url().endsWith(`/proposals/${chosen.id}/transitions`) && r.request().method() === 'POST',
    );
    await page.getByTestId('key-select-submit').click();
    expect((await marked).status()).toBe(200);
    await dialog.waitFor({ state: 'detached' });

    // It is in the view now, with its leader, and counted.
    const card = page.locator(`[data-testid=key-item][data-id="${chosen.id}"]`);
    await card.waitFor();
    expect(await card.getByTestId('key-item-leader').textContent()).toBe('伍建华');
    expect(await card.textContent()).toContain('十四届市政协第四十一次主席会议');
    await expect
      .poll(() => page.getByTestId('key-figure-total').textContent())
      .toContain(String(before.summary.total + 1));
    const after = await apiGet<Progress>(page, '/proposals/key-progress');
    expect(after.items.find((i) => i.id === chosen.id)?.supervisorName).toBe('伍建华');
  });
});
