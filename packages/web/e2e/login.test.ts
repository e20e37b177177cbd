import { describe, expect, it } from 'vitest';
import { canRun, signIn, useBrowser } from './session.ts';

describe.skipIf(!canRun)('sign-in', () => {
  const b = useBrowser();

  it('signs in and lands on the app with the menu of the role', async () => {
    const { page } = b;
    await page.goto('/people');
    // No session yet: the app sends the visitor to the sign-in page.
    await page.waitForURL('**/login');
    await signIn(page, 'admin');
    await page.waitForURL('**/people');
    await page.getByRole('heading', { name: '人员' }).waitFor();
    expect(await page.getByTestId('current-body').textContent()).toContain('江门市人民代表大会常务委员会');
    const menu = page.getByRole('menu');
    expect(await menu.getByText('审计日志').count()).toBe(1);
    // Rows arrive from the API.
    await page.locator('[data-testid=people-table] .ant-table-row').first().waitFor();
  });

  it('shows the server’s error when the password is wrong, and does not sign in', async () => {
    const { page } = b;
    await page.goto('/login');
    await page.getByLabel('用户名').fill('staff');
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByText('用户名或密码错误').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('shows only what the role may open, and signs out', async () => {
    const { page } = b;
    await signIn(page, 'leader');
    // A leader starts on the supervision overview.
    await page.getByRole('heading', { name: '督办总览' }).waitFor();
    await page.goto('/people');
    await page.getByRole('heading', { name: '人员' }).waitFor();
    const menu = page.getByRole('menu');
    expect(await menu.getByText('机构').count()).toBe(1);
    expect(await menu.getByText('审计日志').count()).toBe(0);
    // No "new person" for a leader (read-only).
    expect(await page.getByRole('button', { name: '新建人员' }).count()).toBe(0);
    await page.getByTestId('user-menu').click();
    await page.getByText('退出登录').click();
    await page.waitForURL('**/login');
    await page.goto('/people');
    await page.waitForURL('**/login');
  });

  it('switches to English and remembers it', async () => {
    const { page } = b;
    await signIn(page, 'admin');
    await page.goto('/people');
    await page.getByTestId('language-switch').click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'People' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'People' }).waitFor();
    expect(await page.getByRole('menu').getByText('Audit log').count()).toBe(1);
  });
});
