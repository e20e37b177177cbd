import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Statistics, StatisticsScopes } from '@yiting/domain';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { canRun, signIn, useBrowser } from './session.ts';

type Link = { path: string; query: Record<string, string> };

async function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (path) => {
    const res = await fetch(`/api/v1${path}`);
    if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  }, path) as Promise<T>;
}

const num = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

async function figure(page: Page, id: string): Promise<number> {
  return num(await page.getByTestId(`figure-${id}`).locator('.ant-statistic-content').textContent());
}

/** Downloads the list's .xlsx (导出 Excel) and answers its number of data rows (from row 4). */
async function exportedRows(page: Page): Promise<number> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-xlsx').click(),
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'yiting-list-'));
  try {
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    return wb.worksheets[0]!.rowCount - 3;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Loads every page of the list on screen and answers the count it says it shows (共 N 条 / N in all). */
async function listCount(page: Page): Promise<number> {
  const all = page.getByText(/^(共 \d+ 条|\d+ in all)$/);
  const shown = page.getByText(/^(已显示 \d+ 条|\d+ shown)$/);
  for (let i = 0; i < 20; i++) {
    await all.or(shown).first().waitFor();
    if (await all.count()) return num(await all.textContent());
    const before = await shown.allTextContents();
    await page.getByRole('button', { name: /加载更多|Load more/ }).click();
    await expect
      .poll(async () => (await all.count()) > 0 || `${await shown.allTextContents()}` !== `${before}`)
      .toBe(true);
  }
  throw new Error('the list did not end');
}

/** The page opened is the figure's list: its path and exactly its query. */
async function expectList(page: Page, link: Link) {
  await page.waitForURL((u) => u.pathname === link.path);
  expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual(link.query);
}

describe.skipIf(!canRun)('the statistics page', () => {
  const b = useBrowser();
  const dir = mkdtempSync(join(tmpdir(), 'yiting-e2e-stats-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('shows the CPPCC’s 2025 as the API counts it (242 member proposals accepted, 126 reports, 51 adopted, 60 instructions); each figure opens exactly its items; the .xlsx reads back', async () => {
    const { page } = b;
    // The CPPCC's secretary-general: a leader, who reads statistics and every item but manages none.
    await signIn(page, 'zx.leader');
    await page.getByRole('menuitem', { name: '统计分析' }).click();
    await page.getByTestId('statistics-page').waitFor();
    // The default scope: the body's current session when it has items, else the latest year with data
    // (other browser tests may add items this year, so the API says which).
    const scopes = await apiGet<StatisticsScopes>(page, '/statistics/scopes?kind=proposal');
    expect(scopes.years).toContain(2025);
    const current = scopes.currentSession;
    const select = (id: string) => page.getByTestId(`statistics-${id}`);
    if (current && scopes.sessions.some((x) => x.term === current.term && x.meeting === current.meeting)) {
      await select('session').getByText(`第${current.term}届第${current.meeting}次会议`).waitFor();
      await select('year').getByText('全部年度').waitFor();
    } else {
      await select('year').getByText(`${scopes.years[0]}年`).waitFor();
      await select('session').getByText('全部届次').waitFor();
    }

    // The year of SCENARIO-2025, over all sessions, chosen with the pickers.
    const choose = async (id: string, option: string) => {
      await select(id).click();
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: option })
        .click();
    };
    await choose('year', '2025年');
    await choose('session', '全部届次');
    await page.waitForURL((u) => u.search === '?year=2025');
    const s = await apiGet<Statistics>(page, '/statistics?kind=proposal&year=2025');
    const p = s.proposals;
    const r = s.reports;
    const kind = (k: string) => p.bySubmitterKind.find((b) => b.key === k)!;
    // The article's figures: 242 members' proposals accepted (individual and joint), 126 research
    // reports and public-opinion reports (the research reports are activities), 51 adopted, 60 instructions.
    expect(kind('individual').accepted.count + kind('joint').accepted.count).toBe(242);
    const research = await apiGet<{ items: unknown[] }>(page, '/activities?type=research&limit=200');
    expect(r.submitted.count + research.items.length).toBe(126);
    expect(r.adopted.count).toBe(51);
    expect(r.instructions.count).toBe(60);

    // What the page shows is what the API counted.
    await expect.poll(() => figure(page, 'received')).toBe(p.received.count);
    const shown: [string, number][] = [
      ['received', p.received.count],
      ['accepted', p.accepted.count],
      ['rejected', p.rejected.count],
      ['merged', p.merged.count],
      ['converted', p.converted.count],
      ['withdrawn', p.withdrawn.count],
      ['key', p.key.count],
      ['replied', p.replies.replied.count],
      ['onTime', p.replies.onTime.count],
      ['late', p.replies.late.count],
      ['rated', p.ratings.rated.count],
      ['satisfied', p.ratings.satisfied.count],
      ['unsatisfied', p.ratings.unsatisfied.count],
      ['submitted', r.submitted.count],
      ['adopted', 51],
      ['declined', r.declined.count],
      ['instructed', r.instructed.count],
      ['instructions', 60],
    ];
    for (const [id, n] of shown) expect(await figure(page, id), id).toBe(n);
    const cell = async (id: string) => num(await page.getByTestId(id).textContent());
    expect(
      (await cell('statistics-submitter-kind-individual-accepted')) +
        (await cell('statistics-submitter-kind-joint-accepted')),
    ).toBe(242);
    expect(await page.getByTestId('figure-accepted-note').textContent()).toBe(
      `立案率 ${Math.round((p.acceptanceRate ?? 0) * 1000) / 10}%`,
    );

    // A figure: the adopted reports, 51 of them, in the reports list with the statistics' filters shown.
    await page.getByTestId('figure-adopted').click();
    await expectList(page, r.adopted.link);
    expect(await listCount(page)).toBe(51);
    const tags = page.getByTestId('statistics-filters');
    await tags.getByText('2025年').waitFor();
    await tags.getByText('已采用').waitFor();
    // The list's .xlsx holds the same reports (the button sends the URL's filters).
    expect(await exportedRows(page)).toBe(51);

    // A bar: the largest category's received proposals.
    await page.goBack();
    await page.getByTestId('statistics-page').waitFor();
    const top = p.byCategory[0]!;
    const bars = page.getByTestId('chart-category').locator('path[fill="#7fa7d9"]');
    await bars.first().waitFor();
    const boxes = await Promise.all((await bars.all()).map(async (b) => ({ b, box: await b.boundingBox() })));
    const widest = boxes.sort((x, y) => (y.box?.width ?? 0) - (x.box?.width ?? 0))[0]!;
    await widest.b.click();
    await expectList(page, top.received.link);
    expect(await listCount(page)).toBe(top.received.count);
    expect(await page.getByTestId('statistics-filters').getByText('已收到').count()).toBe(1);
    expect(await exportedRows(page)).toBe(top.received.count);

    // A unit's replies on time (per unit, a unit's list counts the same items).
    await page.goBack();
    await page.getByTestId('statistics-page').waitFor();
    const unit = p.units.find((u) => u.repliedOnTime.count > 0)!;
    await page.getByTestId(`unit-${unit.unitId}-repliedOnTime`).click();
    await expectList(page, unit.repliedOnTime.link);
    expect(await listCount(page)).toBe(unit.repliedOnTime.count);
    await page.getByTestId('statistics-filters').getByText('按时答复').waitFor();

    // The .xlsx of the same scope, read back.
    await page.goBack();
    await page.getByTestId('statistics-page').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('statistics-export').click(),
    ]);
    expect(download.suggestedFilename()).toBe('统计-proposal-2025.xlsx');
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const rows = (sheet: string) =>
      wb
        .getWorksheet(sheet)!
        .getSheetValues()
        .slice(3)
        .map((row) => (row as unknown[]).slice(1));
    const summary = new Map(rows('概况').map((row) => [row[0], row[2]]));
    expect(summary.get('收到提案')).toBe(p.received.count);
    expect(summary.get('立案')).toBe(p.accepted.count);
    expect(summary.get('采用社情民意信息')).toBe(51);
    expect(summary.get('领导批示（次）')).toBe(60);
    const byKind = new Map(rows('按提交方式').map((row) => [row[0], row[2] as number]));
    expect(byKind.get('个人')! + byKind.get('联名')!).toBe(242);

    // In English, the same figures.
    await page.getByTestId('language-switch').click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Statistics' }).waitFor();
    expect(await figure(page, 'accepted')).toBe(p.accepted.count);
    await page.getByText('Public-opinion reports', { exact: true }).waitFor();
    expect(await page.getByTestId('figure-accepted-note').textContent()).toMatch(/^Acceptance rate /);
    // Four lists loaded page by page: longer than a browser test's usual minute on a busy machine.
  }, 150_000);

  it('is in the menu of the office and not of a member; a scope without items says so', async () => {
    const { page } = b;
    await signIn(page, 'member');
    expect(await page.getByRole('menuitem', { name: '统计分析' }).count()).toBe(0);
    await page.goto('/statistics');
    await page.getByText('没有权限').waitFor();

    await page.context().clearCookies();
    await signIn(page, 'zx.staff');
    await page.getByRole('menuitem', { name: '统计分析' }).click();
    await page.getByTestId('statistics-page').waitFor();
    await page.goto('/statistics?year=2001');
    await page.getByTestId('statistics-empty').waitFor();
    expect(await page.getByTestId('figure-received').count()).toBe(0);
  });
});
