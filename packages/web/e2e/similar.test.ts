import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { canRun, signIn, useBrowser } from './session.ts';

// The demo's proposal awaiting review and the one of the session it retells (demo/cppcc-year.ts).
const UNDER_REVIEW = '关于加快新会陈皮产业链延伸和品牌保护的提案';
const EARLIER = '关于推动新会陈皮全产业链高质量发展的提案';
const SHOTS = process.env.YITING_E2E_SHOTS;

const marks = (where: Locator) =>
  where.locator('mark').evaluateAll((els) => els.map((e) => e.textContent ?? ''));

describe.skipIf(!canRun)('searching and reviewing proposals', () => {
  const b = useBrowser();

  it('marks what a search in the proposals list found', async () => {
    const { page } = b;
    await signIn(page, 'zx.staff');
    await page.goto('/proposals');
    const searched = page.waitForResponse(
      (r) => r.url().includes('/api/v1/proposals?') && r.url().includes('q='),
    );
    await page.getByTestId('proposals-search').fill('侨务');
    expect((await searched).status()).toBe(200);
    const table = '[data-testid=proposals-table]';
    await page.locator(`${table} mark`).first().waitFor();
    // Titles with the word come first, marked; the content's matches show below the title.
    const firstTitle = page.locator(`${table} .ant-table-row`).first().locator('a').first();
    await expect(firstTitle.locator('mark').first().textContent()).resolves.toBe('侨务');
    const all = await marks(page.locator(table));
    expect(all.length).toBeGreaterThan(3);
    expect(new Set(all)).toEqual(new Set(['侨务']));
    expect(await page.locator(`${table} [data-testid=search-snippets]`).count()).toBeGreaterThan(0);
    if (SHOTS) {
      await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning'));
      await page.screenshot({ path: `${SHOTS}/proposals-search.png` });
    }
  });

  it('shows the reviewer the similar earlier proposal with the shared passages marked in both, and merges into it', async () => {
    const { page } = b;
    await signIn(page, 'zx.staff');
    await page.goto(`/proposals?q=${encodeURIComponent('产业链延伸')}`);
    await page.getByRole('link', { name: UNDER_REVIEW }).click();
    await page.waitForURL(/\/proposals\/[0-9a-f-]{36}$/);
    const panel = page.getByTestId('similar-panel');
    await panel.waitFor();
    const first = panel.getByTestId('similar-item').first();
    await first.getByRole('link', { name: EARLIER }).first().waitFor();
    const score = Number((await first.getByTestId('similar-score').textContent())?.replace('%', ''));
    expect(score).toBeGreaterThanOrEqual(70);

    // The most similar one is compared at once: the same passages are marked on both sides.
    const view = first.getByTestId('similar-compare-view');
    await view.waitFor();
    const mine = await marks(view.getByTestId('similar-side-a'));
    const theirs = await marks(view.getByTestId('similar-side-b'));
    // The passages both texts share (each mark is one, or two that touch).
    for (const passage of [
      '新会陈皮是江门最具代表性的特色产业',
      '建议：一是建设新会陈皮精深加工产业园，支持企业开发陈皮食品、药品和日化产品',
      '二是打造新会陈皮区域公用品牌，严格地理标志产品保护，建立从种植到销售的全程溯源体系',
      '利用侨务资源拓展海外市场，推动新会陈皮“借侨出海',
    ]) {
      expect(
        mine.some((m) => m.includes(passage)),
        passage,
      ).toBe(true);
      expect(
        theirs.some((m) => m.includes(passage)),
        passage,
      ).toBe(true);
    }
    expect(theirs.join('').length).toBe(mine.join('').length);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/similar-proposals.png`, fullPage: true });

    // Collapsing and opening again.
    await first.getByTestId('similar-compare').click();
    await view.waitFor({ state: 'detached' });
    await first.getByTestId('similar-compare').click();
    await view.waitFor();

    // 并案 from the panel: this proposal joins the earlier one, which is still being handled.
    await first.getByTestId('similar-merge').click();
    const dialog = page.locator('.ant-modal-wrap:visible .ant-modal');
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain(EARLIER);
    await dialog.locator('textarea').fill('与本届已立案的同类提案内容相近，并案办理。');
    const answered = page.waitForResponse(
      (r) => r.url().endsWith('/transitions') && r.request().method() === 'POST',
    );
    await page.getByTestId('action-submit').click();
    const res = await answered;
    expect(res.status(), await res.text()).toBe(200);
    await page.locator('.ant-tag[data-state=merged]').first().waitFor();
    // No longer under review: the panel is gone.
    await panel.waitFor({ state: 'detached' });
  });
});
