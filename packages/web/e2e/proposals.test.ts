import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Statistics, StatisticsScopes } from '@yiting/domain';
import type { Locator, Page, Response } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { attach, choose, typeDate, writePdf } from './forms.ts';
import { apiCall, canRun, signIn, useBrowser } from './session.ts';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1360, height: 860 };

// The demo proposal of the session the member's one retells (demo/cppcc-year.ts: 侨务, 鹤山市), still
// being handled by 市侨务局, whose proposal liaison is zx.qwj. Not the 陈皮 pair that similar.test.ts merges.
const EARLIER = '关于在鹤山市保护利用侨乡文化遗产的提案';
const UNIT = '市侨务局';
const LIAISON = 'zx.qwj';
/** Passages the member's text shares with the earlier one (the comparison marks them on both sides). */
const SHARED = [
  '从调研情况看，我市在侨务领域取得积极进展，但鹤山市等地仍存在侨务资源转化机制不完善、涉侨企业融资支持待加强等问题',
  '为保护利用侨乡文化遗产，建议：一是',
];
const SESSION = 'sessionTerm=14&sessionMeeting=4';

const marks = (where: Locator) =>
  where.locator('mark').evaluateAll((els) => els.map((e) => e.textContent ?? ''));

async function figure(page: Page, id: string): Promise<number> {
  const text = await page.getByTestId(`figure-${id}`).locator('.ant-statistic-content').textContent();
  return Number((text ?? '').replace(/[^\d]/g, ''));
}

/** Checks a form's radio button by its text, and sees that it took. */
async function pick(form: Locator, text: string | RegExp) {
  const button = form.locator('.ant-radio-button-wrapper').filter({ hasText: text });
  await button.click();
  await button.and(form.locator('.ant-radio-button-wrapper-checked')).waitFor();
}

async function switchUser(page: Page, username: string) {
  await page.context().clearCookies();
  await signIn(page, username);
}

/**
 * Fires one of the item's actions through its button and form, and waits for the answer's state. On a
 * loaded machine the first click on the form's button can land while the dialog is still settling:
 * click again until the request goes out (a validation error would stay in the dialog and fail).
 */
async function act(page: Page, action: string, state: string, fill?: (dialog: Locator) => Promise<void>) {
  await page.locator(`[data-testid=item-actions] button[data-action=${action}]`).click();
  const dialog = page.locator('.ant-modal-wrap:visible .ant-modal');
  await dialog.waitFor();
  // The dialog zooms in (its motion classes are on until it has): a click before can miss its target.
  await page.locator('.ant-modal-wrap:visible .ant-modal:not([class*=ant-zoom])').waitFor();
  await fill?.(dialog);
  let res: Response | undefined;
  for (let attempt = 0; attempt < 3 && !res; attempt++) {
    const answered = page
      .waitForResponse((r) => r.url().endsWith('/transitions') && r.request().method() === 'POST', {
        timeout: 15_000,
      })
      .catch(() => undefined);
    await page.getByTestId('action-submit').click();
    res = await answered;
  }
  if (!res) throw new Error(`${action}: nothing was sent; the dialog says: ${await dialog.textContent()}`);
  if (!res.ok()) throw new Error(`${action}: ${res.status()} ${await res.text()}`);
  await dialog.waitFor({ state: 'detached' });
  await page.locator(`.ant-tag[data-state=${state}]`).first().waitFor();
}

describe.skipIf(!canRun)('a proposal from a phone to its statistics', () => {
  const b = useBrowser();
  const dir = mkdtempSync(join(tmpdir(), 'yiting-e2e-reply-'));
  const pdf = join(dir, '答复函.pdf');
  writePdf(pdf);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a member submits a joint proposal on a phone and a co-signer confirms; the office accepts it, seeing a similar earlier one; the unit replies; the member rates it; the statistics change', async () => {
    const { page } = b;
    const tag = Date.now().toString(36);
    const password = inject('password');

    // Setup by the administrator in the CPPCC: a second member's account (the co-signer) and an office
    // account, since the demo has one member account and its staff account works in the congress.
    await signIn(page, 'admin');
    const me = await apiCall<{ bodies: { id: string; kind: string }[] }>(page, 'GET', '/me');
    const cppcc = me.bodies.find((x) => x.kind === 'cppcc_committee')!;
    await apiCall(page, 'POST', '/me/body', { bodyId: cppcc.id });
    const accounts = await apiCall<{ items: { username: string; personId: string | null }[] }>(
      page,
      'GET',
      '/accounts?q=member&limit=50',
    );
    const leadPersonId = accounts.items.find((a) => a.username === 'member')!.personId;
    const members = await apiCall<{ items: { id: string; name: string }[] }>(
      page,
      'GET',
      '/people?role=member&limit=50',
    );
    const cosigner = members.items.find((p) => p.id !== leadPersonId)!;
    await apiCall(page, 'POST', '/accounts', {
      username: `cosign${tag}`,
      displayName: cosigner.name,
      password,
      personId: cosigner.id,
      roles: ['deputy'],
    });
    await apiCall(page, 'POST', '/accounts', {
      username: `office${tag}`,
      displayName: `提案委工作人员${tag}`,
      password,
      roles: ['staff'],
    });
    // New proposals go to the body's current session, 十四届四次会议: its statistics are the ones to watch.
    const scopes = await apiCall<StatisticsScopes>(page, 'GET', '/statistics/scopes?kind=proposal');
    expect(scopes.currentSession).toMatchObject({ term: 14, meeting: 4 });

    // The member, on a phone: the menu is a drawer, the form fills the screen.
    await page.setViewportSize(PHONE);
    await switchUser(page, 'member');
    await page.getByTestId('nav-open').click();
    // 提案, not 重点提案 (the icon's name comes first).
    await page.getByRole('menuitem', { name: /(^|\s)提案$/ }).click();
    await page.waitForURL('**/proposals');
    await page.getByTestId('proposal-new').click();
    // It takes up an earlier proposal of the session (EARLIER) and goes on to the empty 侨房 (overseas
    // Chinese houses) of the same county.
    const title = `关于在鹤山市保护利用侨乡文化遗产和活化侨房的提案${tag}`;
    await page.getByTestId('proposal-title').fill(title);
    await page
      .getByTestId('proposal-content')
      .fill(
        `${SHARED[0]}，大量侨房空置失修。${SHARED[1]}整合侨房资源，设立活化利用专项资金；` +
          '二是引入社会资本参与运营，在鹤山市先行先试；三是建立街区保护评估机制，定期向社会公开进展。',
      );

    // The draft survives a reload (a dropped connection, a closed tab) in the browser.
    await page.waitForFunction(() =>
      Object.entries(localStorage).some(([k, v]) => k.startsWith('yiting.draft.') && v.includes('侨房资源')),
    );
    await page.reload();
    await page.getByTestId('draft-restored').waitFor();
    await expect(page.getByTestId('proposal-title').inputValue()).resolves.toBe(title);

    const picker = page.locator('.ant-form-item').filter({ hasText: '联名人' }).locator('.ant-select');
    await picker.click();
    // Members have no access to the register: the picker asks for co-signer candidates by name.
    const found = page.waitForResponse((r) => r.url().includes('/proposals/cosigner-candidates'));
    await page.keyboard.type(cosigner.name);
    expect((await found).status()).toBe(200);
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: cosigner.name })
      .first()
      .click();
    await picker.locator('.ant-select-selection-item').filter({ hasText: cosigner.name }).waitFor();
    await page.keyboard.press('Escape');
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    // The demo's CPPCC has its current session set (十四届四次会议): the member is not asked for it.
    // On a loaded machine the first click can land while the form is still settling after the
    // picker closed: click again until the request goes out (a validation error would show and fail).
    let created: Awaited<ReturnType<typeof page.waitForResponse>> | undefined;
    for (let attempt = 0; attempt < 3 && !created; attempt++) {
      const response = page
        .waitForResponse((r) => r.url().endsWith('/api/v1/proposals') && r.request().method() === 'POST', {
          timeout: 15_000,
        })
        .catch(() => undefined);
      await page.getByTestId('proposal-submit').click();
      created = await response;
    }
    expect(created?.status()).toBe(201);
    expect(await created!.json()).toMatchObject({ sessionTerm: 14, sessionMeeting: 4 });
    await page.waitForURL(/\/proposals\/[0-9a-f-]{36}$/);
    await page.locator('.ant-tag[data-state=collecting_signatures]').waitFor();
    const url = new URL(page.url()).pathname;
    const signers = page.getByTestId('proposal-signers');
    await signers.locator(`[data-person="${cosigner.id}"] [data-status=invited]`).waitFor();
    // Sent: the browser copy is gone.
    expect(
      await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('yiting.draft.'))),
    ).toEqual([]);

    // The co-signer confirms on their phone.
    await switchUser(page, `cosign${tag}`);
    await page.goto(url);
    await act(page, 'confirm_signature', 'collecting_signatures');
    await signers.locator(`[data-person="${cosigner.id}"] [data-status=confirmed]`).waitFor();
    const button = page.locator('[data-testid=item-actions] button').first();
    expect((await button.boundingBox())!.width).toBeGreaterThan(PHONE.width * 0.8);

    // The member sends it on to the office.
    await switchUser(page, 'member');
    await page.goto(url);
    await act(page, 'submit', 'submitted');

    // The office, at a desk, opens it for review. The session's figures before it is accepted.
    await page.setViewportSize(DESKTOP);
    await switchUser(page, `office${tag}`);
    const before = (await apiCall<Statistics>(page, 'GET', `/statistics?kind=proposal&${SESSION}`)).proposals;
    await page.goto('/proposals?state=submitted');
    await page.getByTestId('proposals-table').getByRole('link', { name: title }).click();

    // The similar-proposals panel puts the earlier proposal first and compares the two texts at once,
    // the passages they share marked on both sides.
    const panel = page.getByTestId('similar-panel');
    const first = panel.getByTestId('similar-item').first();
    await first.getByRole('link', { name: EARLIER }).first().waitFor();
    const score = Number((await first.getByTestId('similar-score').textContent())?.replace('%', ''));
    expect(score).toBeGreaterThanOrEqual(50);
    const view = first.getByTestId('similar-compare-view');
    await view.waitFor();
    const mine = await marks(view.getByTestId('similar-side-a'));
    const theirs = await marks(view.getByTestId('similar-side-b'));
    for (const passage of [...SHARED, '在鹤山市保护利用侨乡文化遗产']) {
      expect(
        mine.some((m) => m.includes(passage)),
        passage,
      ).toBe(true);
      expect(
        theirs.some((m) => m.includes(passage)),
        passage,
      ).toBe(true);
    }
    // What is new in this one (侨房) is not marked.
    expect(mine.join('')).not.toContain('侨房');

    // It asks for more than the earlier one: the office accepts it (立案) rather than merging, and it
    // gets its number.
    await act(page, 'accept', 'accepted');
    await page.getByTestId('item-timeline').getByText('立案').first().waitFor();
    await panel.waitFor({ state: 'detached' });

    // The office assigns it to 市侨务局 as the lead unit.
    await act(page, 'assign', 'assigned', async (dialog) => {
      const lead = dialog.locator('.ant-form-item').filter({ hasText: '主办单位' }).locator('.ant-select');
      await choose(page, lead, UNIT);
    });

    // 市侨务局's proposal liaison receives it, records the call with the proposer and replies with the
    // signed letter (result A: solved).
    await switchUser(page, LIAISON);
    await page.goto(url);
    await act(page, 'receive', 'handling');
    await act(page, 'record_contact', 'handling', async (dialog) => {
      await pick(dialog, '电话');
      // Today by the server's clock (UTC), never later than today in China.
      const today = new Date().toISOString().slice(0, 10);
      await typeDate(page, dialog.getByLabel('日期'), today);
      await expect.poll(() => dialog.getByLabel('日期').inputValue()).toBe(today);
      await dialog.getByLabel('备注').fill('电话联系提案人，了解鹤山市侨房空置情况和活化利用设想。');
    });
    await act(page, 'submit_reply', 'reply_submitted', async (dialog) => {
      const category = dialog
        .locator('.ant-form-item')
        .filter({ hasText: '答复类别' })
        .locator('.ant-select');
      await choose(page, category, 'A', 'A 已经解决或基本解决');
      await dialog
        .getByLabel('答复内容')
        .fill('我局已会同鹤山市设立侨房活化利用专项资金，首批12处侨房完成修缮并引入运营主体。');
      await attach(dialog, pdf);
    });

    // The office approves the reply.
    await switchUser(page, `office${tag}`);
    await page.goto(url);
    await act(page, 'approve_reply', 'replied');

    // The member rates it on the phone: satisfied, and it is closed.
    await page.setViewportSize(PHONE);
    await switchUser(page, 'member');
    await page.goto(url);
    await act(page, 'rate', 'closed', async (dialog) => {
      await pick(dialog, /^满意$/);
    });

    // The statistics of the session, on the office's page: one more accepted, replied (on time), rated
    // and satisfied than the API counted before the acceptance.
    await page.setViewportSize(DESKTOP);
    await switchUser(page, `office${tag}`);
    await page.goto('/statistics?session=14-4');
    await page.getByTestId('statistics-page').waitFor();
    await expect.poll(() => figure(page, 'accepted')).toBe(before.accepted.count + 1);
    expect(await figure(page, 'replied')).toBe(before.replies.replied.count + 1);
    expect(await figure(page, 'onTime')).toBe(before.replies.onTime.count + 1);
    expect(await figure(page, 'rated')).toBe(before.ratings.rated.count + 1);
    expect(await figure(page, 'satisfied')).toBe(before.ratings.satisfied.count + 1);
    expect(await figure(page, 'unsatisfied')).toBe(before.ratings.unsatisfied.count);
  }, 240_000);
});
