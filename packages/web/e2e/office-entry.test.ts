import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiCall, canRun, signIn, useBrowser } from './session.ts';

/** Screenshots for the docs only when asked for (`YITING_E2E_SHOTS=docs/img`): a test run changes no file. */
const SHOTS = process.env.YITING_E2E_SHOTS;

type Item = {
  id: string;
  title: string;
  state: string;
  submitterKind: string;
  submitterName: string | null;
  proposerPersonId: string | null;
  proposerName: string | null;
  sessionTerm: number;
  sessionMeeting: number;
  signers: { name: string; role: string }[];
};

/** Picks an option of an antd Select, typing to search first when asked; a multiple one is closed after. */
async function choose(page: Page, select: Locator, option: string, typed?: string, multiple = false) {
  await select.click();
  if (typed) await page.keyboard.type(typed);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: option })
    .first()
    .click();
  if (multiple) await page.keyboard.press('Escape');
  await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
}

/** Clicks submit and returns the created item, as the create request answered it. */
async function send(page: Page, path: string, testId: string) {
  const created = page.waitForResponse(
    (r) => r.url().endsWith(`/api/v1${path}`) && r.request().method() === 'POST',
  );
  await page.getByTestId(testId).click();
  const res = await created;
  expect(res.status(), await res.text()).toBe(201);
  const item = (await res.json()) as Item;
  await page.waitForURL(`**${path}/${item.id}`);
  return item;
}

const formItem = (page: Page, label: string) =>
  page.locator('.ant-form-item').filter({ has: page.locator(`label:text-is("${label}")`) });

describe.skipIf(!canRun)('the office enters submissions received on paper', () => {
  const b = useBrowser();
  const tag = String(Date.now()).slice(-6);

  it('enters a party’s proposal and a sector’s report under their names, and a member’s joint proposal for him; a member’s own form has no such choice', async () => {
    const { page } = b;

    // A member writes for himself: no "submitted by" part.
    await signIn(page, 'member');
    await page.goto('/proposals/new');
    await page.getByTestId('proposal-title').waitFor();
    expect(await page.getByTestId('submitter-fields').count()).toBe(0);
    await page.context().clearCookies();

    await signIn(page, 'zx.staff');
    await page.goto('/proposals');
    await page.getByTestId('proposal-new').click();
    await page.waitForURL('**/proposals/new');
    const fields = page.getByTestId('submitter-fields');
    await fields.waitFor();
    // The kinds a CPPCC's proposals come from, by their labels; a member (with co-signers) by default.
    expect(await fields.locator('.ant-radio-button-wrapper').allTextContents()).toEqual([
      '个人/联名',
      '界别',
      '党派',
      '人民团体',
      '专门委员会',
    ]);
    await formItem(page, '提案人').waitFor();

    // 民革江门市委员会's proposal: an organisation has no proposer and no co-signers, only its name.
    await fields.getByText('党派', { exact: true }).click();
    await expect.poll(() => formItem(page, '联名人').count()).toBe(0);
    const title = `关于加快江门大广海湾经济区港航物流发展的提案${tag}`;
    await page.getByTestId('proposal-title').fill(title);
    await page
      .getByTestId('proposal-content')
      .fill('建议统筹广海湾港区与银洲湖港区功能分工，完善集疏运体系，培育港航物流龙头企业。');
    await page.getByLabel('类别').fill('经济');
    // The name is required: nothing is sent without it.
    let posted = false;
    const watch = (r: { url(): string; method(): string }) => {
      if (r.url().endsWith('/api/v1/proposals') && r.method() === 'POST') posted = true;
    };
    page.on('request', watch);
    await page.getByTestId('proposal-submit').click();
    await formItem(page, '组织名称').locator('.ant-form-item-explain-error').getByText('必填').waitFor();
    expect(posted).toBe(false);
    page.off('request', watch);
    await page.getByTestId('submitter-name').fill('民革江门市委员会');
    // Named now: its error goes as it is typed.
    await formItem(page, '组织名称').locator('.ant-form-item-explain-error').waitFor({ state: 'hidden' });
    if (SHOTS) await page.screenshot({ path: resolve(SHOTS, 'office-entry-party.png'), fullPage: true });

    const party = await send(page, '/proposals', 'proposal-submit');
    expect(party).toMatchObject({
      submitterKind: 'party',
      submitterName: '民革江门市委员会',
      proposerPersonId: null,
      sessionTerm: 14,
      sessionMeeting: 4,
    });
    // Submitted to the office itself (no co-signers to wait for); its page names the party.
    const shown = await apiCall<Item>(page, 'GET', `/proposals/${party.id}`);
    expect(shown.state).toBe('submitted');
    await page.getByText('党派', { exact: true }).first().waitFor();
    await page.getByTestId('proposal-signers').getByText('民革江门市委员会').waitFor();

    // A member's joint proposal received on paper: the office names the proposer and the co-signer.
    const people = await apiCall<{ items: { id: string; name: string }[] }>(
      page,
      'GET',
      `/proposals/cosigner-candidates?q=${encodeURIComponent('陈')}`,
    );
    const [proposer, cosigner] = people.items;
    await page.goto('/proposals/new');
    await page.getByTestId('submitter-fields').waitFor();
    await choose(page, formItem(page, '提案人').locator('.ant-select'), proposer!.name, proposer!.name);
    await choose(page, formItem(page, '联名人').locator('.ant-select'), cosigner!.name, cosigner!.name, true);
    await page.getByTestId('proposal-title').fill(`关于提升潭江流域水环境治理成效的提案${tag}`);
    await page
      .getByTestId('proposal-content')
      .fill('建议建立潭江流域上下游联防联治机制，加快镇村污水管网建设，定期公开水质监测结果。');
    const joint = await send(page, '/proposals', 'proposal-submit');
    expect(joint).toMatchObject({ submitterKind: 'joint', proposerPersonId: proposer!.id });
    expect(joint.signers.map((s) => [s.name, s.role])).toEqual([
      [proposer!.name, 'lead'],
      [cosigner!.name, 'cosigner'],
    ]);

    // A sector's public-opinion report.
    await page.goto('/opinion-reports/new');
    const reportFields = page.getByTestId('submitter-fields');
    await reportFields.waitFor();
    expect(await reportFields.locator('.ant-radio-button-wrapper').allTextContents()).toEqual([
      '委员',
      '界别',
      '党派',
      '专门委员会',
      '人民团体',
    ]);
    await reportFields.getByText('界别', { exact: true }).click();
    await page.getByTestId('submitter-name').fill('经济界');
    await page.getByTestId('report-title').fill(`关于中小企业融资担保费用偏高的情况反映${tag}`);
    await page
      .getByTestId('report-content')
      .fill('部分中小企业反映，融资担保费率和附加费用偏高，建议扩大政府性融资担保覆盖面。');
    const report = await send(page, '/opinion-reports', 'report-submit');
    expect(report).toMatchObject({
      submitterKind: 'sector',
      submitterName: '经济界',
      proposerPersonId: null,
    });
    await page.getByText('经济界').first().waitFor();
  });

  it('filters the proposals by session (届次/会次), kept in the URL', async () => {
    const { page } = b;
    await signIn(page, 'zx.staff');
    // A proposal of the session before, entered for 民盟 and sent on, so that two sessions have proposals.
    const title = `关于建设侨乡华侨文化展示带的提案${tag}`;
    const created = await apiCall<Item & { version: number }>(page, 'POST', '/proposals', {
      kind: 'proposal',
      title,
      content: '建议串联开平碉楼、赤坎古镇和台山侨墟，建设华侨文化展示带，完善导览和交通接驳。',
      sessionTerm: 14,
      sessionMeeting: 3,
      submitterKind: 'party',
      submitterName: '民盟江门市委员会',
    });
    await apiCall(
      page,
      'POST',
      `/proposals/${created.id}/transitions`,
      { action: 'submit' },
      created.version,
    );

    await page.goto('/proposals');
    const table = page.getByTestId('proposals-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    const session = page.getByTestId('proposals-filter-session');
    await choose(page, session, '第14届第3次会议');
    await page.waitForURL((u) => u.searchParams.get('sessionTerm') === '14');
    const url = new URL(page.url());
    expect(url.searchParams.get('sessionMeeting')).toBe('3');
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count()).toBe(1);
    await table.getByRole('link', { name: title }).waitFor();
    if (SHOTS)
      await page.screenshot({ path: resolve(SHOTS, 'proposals-session-filter.png'), fullPage: false });

    // Reloaded (or sent as a link), the list opens with the same session chosen.
    await page.reload();
    await session.getByText('第14届第3次会议').waitFor();
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count()).toBe(1);

    // The body's current session: its proposals, not this one.
    await choose(page, session, '第14届第4次会议');
    await page.waitForURL((u) => u.searchParams.get('sessionMeeting') === '4');
    const fourth = await apiCall<{ items: { title: string }[] }>(
      page,
      'GET',
      '/proposals?kind=proposal&sessionTerm=14&sessionMeeting=4&limit=20',
    );
    await table.getByRole('link', { name: fourth.items[0]!.title }).waitFor();
    expect(await table.getByRole('link', { name: title }).count()).toBe(0);

    // The whole 14th term (two sessions now): both.
    await choose(page, session, '第14届（各次会议）');
    await page.waitForURL(
      (u) => u.searchParams.get('sessionTerm') === '14' && !u.searchParams.has('sessionMeeting'),
    );
    await session.getByText('第14届（各次会议）').waitFor();

    // Cleared: every session again.
    await session.hover();
    await session.locator('.ant-select-clear').click();
    await page.waitForURL((u) => !u.searchParams.has('sessionTerm'));
  });
});
