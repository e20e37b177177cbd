import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';
import { chromiumRequired, hasChromium, launchChromium } from './chromium.ts';

/** Whether this run can drive a browser; without one the suite skips, except under CI where it fails. */
export const canRun = hasChromium || chromiumRequired();

/**
 * One browser per test file and a fresh context (cookies, storage) per test, in Chinese unless asked.
 * Console errors other than expected 401s fail the test: a broken page should not pass quietly.
 */
export function useBrowser(
  options: {
    locale?: 'zh-CN' | 'en-US';
    /** Console errors a test provokes on purpose (e.g. a 422 it then checks the page explains). */
    expectedConsole?: RegExp;
  } = {},
) {
  const state: { browser?: Browser; context?: BrowserContext; page?: Page; errors: string[] } = {
    errors: [],
  };
  beforeAll(async () => {
    state.browser = await launchChromium();
  });
  afterAll(async () => {
    await state.browser?.close();
  });
  beforeEach(async () => {
    state.errors = [];
    state.context = await state.browser!.newContext({
      baseURL: inject('baseUrl'),
      locale: options.locale ?? 'zh-CN',
      viewport: { width: 1360, height: 860 },
      acceptDownloads: true,
    });
    state.context.setDefaultTimeout(10_000);
    state.page = await state.context.newPage();
    state.page.on('pageerror', (e) => state.errors.push(`pageerror: ${e.message}`));
    state.page.on('console', (m) => {
      // 401 answers are how the app learns there is no session or a wrong password.
      if (m.type() !== 'error' || /status of 401/.test(m.text())) return;
      if (options.expectedConsole?.test(m.text())) return;
      state.errors.push(`console: ${m.text()}`);
    });
  });
  afterEach(async () => {
    await state.context?.close();
    if (state.errors.length) throw new Error(`the page reported errors:\n${state.errors.join('\n')}`);
  });
  return {
    get page(): Page {
      return state.page!;
    },
  };
}

export async function signIn(page: Page, username: string, password = inject('password')) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByLabel('密码').press('Enter');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/**
 * A JSON call from inside the signed-in page: the session cookie and its CSRF token, as the app sends them;
 * `version` goes as If-Match (updates). Fails on any answer but 2xx.
 */
export async function apiCall<T>(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
  version?: number,
): Promise<T> {
  return page.evaluate(
    async ({ method, path, body, version }) => {
      const me = (await (await fetch('/api/v1/me')).json()) as { csrfToken: string };
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'x-csrf-token': me.csrfToken,
      };
      if (version !== undefined) headers['if-match'] = `"${version}"`;
      const res = await fetch(`/api/v1${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return res.json();
    },
    { method, path, body, version },
  ) as Promise<T>;
}
