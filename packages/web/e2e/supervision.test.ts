import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { attach, writePdf } from './forms.ts';
import { apiCall, canRun, signIn, useBrowser } from './session.ts';

async function figure(page: Page, key: string): Promise<number> {
  const text = await page.getByTestId(`figure-${key}`).locator('.ant-statistic-content').textContent();
  return Number((text ?? '').replace(/[^\d]/g, ''));
}

async function switchUser(page: Page, username: string) {
  await page.context().clearCookies();
  await signIn(page, username);
}

/** Opens an action's form from the matter page's buttons. */
async function openAction(page: Page, action: string) {
  await page.locator(`[data-testid=item-actions] button[data-action=${action}]`).click();
  const dialog = page.locator('.ant-modal-wrap:visible .ant-modal');
  await dialog.waitFor();
  return dialog;
}

async function submitAction(page: Page, dialog: ReturnType<Page['locator']>, state: string) {
  await page.getByTestId('action-submit').click();
  // A refusal stays in the dialog: say what it said.
  await dialog.waitFor({ state: 'detached' }).catch(async (e: Error) => {
    throw new Error(`${e.message}\nthe dialog says: ${await dialog.textContent()}`);
  });
  await page.locator(`.ant-tag[data-state=${state}]`).waitFor();
}

describe.skipIf(!canRun)('the supervision chain', () => {
  // The completion sent without evidence is refused with 422 on purpose.
  const b = useBrowser({ expectedConsole: /status of 422/ });
  const dir = mkdtempSync(join(tmpdir(), 'yiting-e2e-pdf-'));
  const pdf = join(dir, '整改佐证.pdf');
  writePdf(pdf);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('turns a research finding into a matter, follows it through the unit to close-out, and counts it', async () => {
    const { page } = b;
    const tag = Date.now().toString(36);
    const findingTitle = `中试平台共享不足${tag}`;

    // Setup through the API, as the office would record it: a research activity, its report and a problem.
    await signIn(page, 'staff');
    const activity = await apiCall<{ id: string }>(page, 'POST', '/activities', {
      type: 'research',
      title: `概念验证与中试平台专题调研${tag}`,
      startsAt: '2026-03-02T01:00:00.000Z',
      place: '江门高新区',
    });
    const report = await apiCall<{ id: string }>(page, 'POST', `/activities/${activity.id}/records`, {
      kind: 'report',
      title: '关于概念验证与中试平台建设的调研报告',
      content: '调研组走访高新区和产业技术研究院，认为中试平台共享机制尚未形成。',
    });
    await apiCall(page, 'POST', `/activities/${activity.id}/records`, {
      kind: 'finding',
      parentId: report.id,
      nature: 'problem',
      title: findingTitle,
      content: '现有中试线分散在少数企业内部，中小企业难以共享使用，成果转化周期长。',
    });

    // The dashboard before.
    await page.goto('/dashboard');
    await page.getByTestId('figure-total').waitFor();
    const totalBefore = await figure(page, 'total');
    const closedBefore = await figure(page, 'closed');

    // Staff: the finding on the activity page becomes a matter, prefilled.
    await page.goto(`/activities/${activity.id}`);
    const finding = page.getByTestId('finding').filter({ hasText: findingTitle });
    await finding.getByRole('button', { name: '转为交办事项' }).click();
    const drawer = page.locator('.ant-drawer-open');
    expect(await drawer.getByLabel('事项标题').inputValue()).toBe(findingTitle);
    await page.getByTestId('matter-save').click();
    await page.waitForURL(/\/matters\/[0-9a-f-]{36}$/);
    const matterUrl = new URL(page.url()).pathname;
    await page.locator('.ant-tag[data-state=draft]').waitFor();

    // Assign to 市科技局: the lead unit is required (the shared schema says so before anything is sent).
    let dialog = await openAction(page, 'assign');
    await page.getByTestId('action-submit').click();
    await dialog.getByText('必填').first().waitFor();
    // Pick 市科技局; on a loaded machine the filtered list may still be settling, so pick again if needed.
    const leadSelect = dialog.locator('.ant-select').first();
    for (let attempt = 0; attempt < 3; attempt++) {
      await dialog.getByLabel('主办单位', { exact: true }).click();
      await page.keyboard.type('市科技局');
      const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option[title^="市科技局"]');
      await option.waitFor();
      await option.click();
      if ((await leadSelect.textContent())?.includes('市科技局')) break;
    }
    await expect.poll(() => leadSelect.textContent()).toContain('市科技局');
    await submitAction(page, dialog, 'assigned');
    const number = (await page.locator('.ant-breadcrumb').textContent()) ?? '';
    expect(number).toMatch(/〔\d{4}〕\d+号/);

    // The liaison of 市科技局 is told, opens it from the bell, receives it and reports progress with a file.
    await switchUser(page, 'liaison');
    const bell = page.getByTestId('notification-bell');
    await bell.locator('.ant-badge-count').waitFor();
    await bell.click();
    await page.getByTestId('notifications').getByText(findingTitle).first().click();
    await page.waitForURL(`**${matterUrl}`);

    dialog = await openAction(page, 'receive');
    await submitAction(page, dialog, 'received');

    dialog = await openAction(page, 'report_progress');
    await dialog.getByLabel('整改措施').fill('已牵头制定中试平台共享目录，首批6家企业中试线向社会开放。');
    await dialog.getByText('部分完成').click();
    await attach(dialog, pdf);
    await submitAction(page, dialog, 'in_rectification');

    // Completion without evidence: the server's rule (not the form) refuses it, and says so on the field.
    dialog = await openAction(page, 'submit_completion');
    await dialog.getByLabel('办结情况').fill('中试平台共享机制已建立，出台管理办法，开放中试线12条。');
    await page.getByTestId('action-submit').click();
    await dialog.getByText('办结须上传整改佐证材料').waitFor();
    await attach(dialog, pdf);
    await submitAction(page, dialog, 'completion_submitted');

    // Staff returns it once, with a reason.
    await switchUser(page, 'staff');
    await page.goto(matterUrl);
    dialog = await openAction(page, 'return');
    await dialog.getByLabel('理由').fill('佐证材料未体现中小企业实际使用情况，请补充。');
    await submitAction(page, dialog, 'in_rectification');

    // The liaison submits again, with the missing evidence.
    await switchUser(page, 'liaison');
    await page.goto(matterUrl);
    dialog = await openAction(page, 'submit_completion');
    await dialog.getByLabel('办结情况').fill('补充中小企业使用中试线的合同和检测报告，共服务企业37家。');
    await attach(dialog, pdf);
    await submitAction(page, dialog, 'completion_submitted');
    // A liaison cannot close out its own matter: the button is not offered.
    expect(await page.locator('button[data-action=close_out]').count()).toBe(0);

    // Staff closes it out.
    await switchUser(page, 'staff');
    await page.goto(matterUrl);
    dialog = await openAction(page, 'close_out');
    await dialog.getByLabel('意见').fill('整改到位，同意销号。');
    await submitAction(page, dialog, 'closed');

    // The full chain on one page: activity → report → finding → every step, with the people and the files.
    const chain = page.getByTestId('matter-chain');
    const steps = await chain
      .locator('[data-chain-step]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-chain-step')));
    expect(steps).toEqual([
      'activity',
      'report',
      'finding',
      'create',
      'assign',
      'receive',
      'report_progress',
      'submit_completion',
      'return',
      'submit_completion',
      'close_out',
    ]);
    const text = (await chain.textContent()) ?? '';
    expect(text).toContain('概念验证与中试平台专题调研');
    expect(text).toContain('关于概念验证与中试平台建设的调研报告');
    expect(text).toContain('市科技局');
    expect(text).toContain('部分完成');
    expect(text).toContain('佐证材料未体现中小企业实际使用情况');
    expect(text).toContain('梁志诚');
    expect(text).toContain('林晓彤');
    expect(await chain.getByText('整改佐证.pdf').count()).toBe(3);

    // The dashboard counts it: one more matter, one more closed.
    await page.goto('/dashboard');
    await page.getByTestId('figure-total').waitFor();
    await expect.poll(() => figure(page, 'total')).toBe(totalBefore + 1);
    expect(await figure(page, 'closed')).toBe(closedBefore + 1);
    // And the figure opens the list with its filter.
    await page.getByTestId('figure-closed').click();
    await page.waitForURL((u) => u.pathname === '/matters' && u.searchParams.get('state') === 'closed');
    await page
      .locator('[data-testid=matters-table] .ant-table-row')
      .filter({ hasText: findingTitle })
      .waitFor();
  });
});
