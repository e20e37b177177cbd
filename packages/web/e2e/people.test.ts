import { describe, expect, it } from 'vitest';
import { choose } from './forms.ts';
import { canRun, signIn, useBrowser } from './session.ts';

describe.skipIf(!canRun)('people', () => {
  const b = useBrowser();

  it('creates a person through the form (checked by the shared schema) and finds them by pinyin initials', async () => {
    const { page } = b;
    await signIn(page, 'staff');
    await page.goto('/people');
    await page.getByRole('button', { name: '新建人员' }).click();
    const drawer = page.locator('.ant-drawer-open');
    await drawer.getByLabel('姓名').fill('司马青云');
    await drawer.getByLabel('联系电话').fill('电话');
    // Enter submits; PersonInput refuses the phone before anything is sent.
    await drawer.getByLabel('姓名').press('Enter');
    await drawer.getByText('电话号码格式不正确').waitFor();

    await drawer.getByLabel('联系电话').fill('0750-3123456');
    await drawer.getByRole('button', { name: '添加身份' }).click();
    const field = (label: string) =>
      drawer.locator('.ant-form-item').filter({ hasText: label }).locator('.ant-select');
    await choose(page, field('身份类别'), '', '人大代表');
    await page.getByTestId('person-save').click();
    // A deputy needs a level: the schema's own message, from VALIDATION_MESSAGES.
    await drawer.getByText('人大代表须填写代表层级').waitFor();

    await choose(page, field('代表层级'), '', '市人大代表');
    await page.getByTestId('person-save').click();
    await page.getByText('已保存：司马青云').waitFor();
    await drawer.waitFor({ state: 'detached' });

    await page.getByTestId('people-search').fill('smqy');
    const rows = page.locator('[data-testid=people-table] .ant-table-row');
    await page.waitForURL((url) => url.searchParams.get('q') === 'smqy');
    await rows.filter({ hasText: '司马青云' }).waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('市人大代表');

    // And the detail page shows what was saved.
    await rows.first().getByRole('link', { name: '司马青云' }).click();
    await page.getByRole('heading', { name: '司马青云' }).waitFor();
    expect(await page.getByText('0750-3123456').count()).toBe(1);

    // An edit sends the version read (If-Match) and shows the saved value.
    await page.getByRole('button', { name: /编\s*辑/ }).click();
    const edit = page.locator('.ant-drawer-open');
    await edit.getByLabel('职务', { exact: true }).first().fill('副主任');
    await edit.getByLabel('职务', { exact: true }).first().press('Enter');
    // The message of the creation may still be showing: the edit's is the last one.
    await page.getByText('已保存：司马青云').last().waitFor();
    await page.locator('.ant-descriptions').getByText('副主任').waitFor();
  });
});
