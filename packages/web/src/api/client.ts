import { ERRORS, type ErrorCode, errorTitle, type Locale } from '@yiting/domain';
import { ApiError, type ProblemBody } from './ApiError.ts';

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

interface RequestOptions {
  query?: Query | undefined;
  body?: unknown;
  /** The version read; sent as If-Match on PATCH and DELETE (the server refuses updates without it). */
  version?: number | undefined;
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
}

/** Process-wide request context: set from /me (CSRF token) and the language switch. */
const context: {
  csrfToken: string | null;
  locale: Locale;
  onUnauthenticated: (() => void) | null;
} = { csrfToken: null, locale: 'zh-CN', onUnauthenticated: null };

export function setCsrfToken(token: string | null) {
  context.csrfToken = token;
}

export function setApiLocale(locale: Locale) {
  context.locale = locale;
}

/** Called when the session is gone (401 anywhere but the sign-in itself). */
export function setUnauthenticatedHandler(handler: (() => void) | null) {
  context.onUnauthenticated = handler;
}

export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return `/api/v1${path}${qs ? `?${qs}` : ''}`;
}

export function requestHeaders(method: string, extra: Record<string, string> = {}): Record<string, string> {
  const headers: Record<string, string> = { 'Accept-Language': context.locale, ...extra };
  if (method !== 'GET' && method !== 'HEAD' && context.csrfToken) headers['x-csrf-token'] = context.csrfToken;
  return headers;
}

/** A problem made up on the client, for answers that carry none (network down, proxy error pages). */
export function localProblem(code: ErrorCode, detail?: string): ApiError {
  return new ApiError({
    title: errorTitle(code, context.locale),
    status: ERRORS[code].status,
    code,
    ...(detail ? { detail } : {}),
  });
}

export async function problemOf(res: Response): Promise<ApiError> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await res.json()) as Partial<ProblemBody>;
      if (typeof body.code === 'string' && typeof body.title === 'string') {
        return new ApiError({ ...body, status: body.status ?? res.status } as ProblemBody);
      }
    } catch {
      // Not JSON after all: fall through to a problem made from the status.
    }
  }
  const code: ErrorCode =
    res.status === 404
      ? 'not_found'
      : res.status >= 500
        ? 'unavailable'
        : res.status === 401
          ? 'unauthenticated'
          : 'bad_request';
  return localProblem(code, `HTTP ${res.status}`);
}

export async function send(path: string, method: string, opts: RequestOptions = {}): Promise<Response> {
  const extra: Record<string, string> = { ...opts.headers };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    extra['Content-Type'] = 'application/json';
  }
  if (opts.version !== undefined) extra['If-Match'] = `"${opts.version}"`;
  let res: Response;
  try {
    res = await fetch(apiUrl(path, opts.query), {
      method,
      credentials: 'same-origin',
      headers: requestHeaders(method, extra),
      body,
      signal: opts.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw localProblem('unavailable', (e as Error).message);
  }
  if (!res.ok) {
    const problem = await problemOf(res);
    if (res.status === 401 && path !== '/auth/login' && path !== '/me') context.onUnauthenticated?.();
    throw problem;
  }
  return res;
}

async function json<T>(path: string, method: string, opts: RequestOptions = {}): Promise<T> {
  const res = await send(path, method, opts);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** Typed JSON calls to /api/v1; every failure is an ApiError. */
export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => json<T>(path, 'GET', { query, signal }),
  post: <T>(path: string, body?: unknown) => json<T>(path, 'POST', { body }),
  patch: <T>(path: string, version: number, body: unknown) => json<T>(path, 'PATCH', { body, version }),
  delete: <T = void>(path: string, version: number) => json<T>(path, 'DELETE', { version }),
};
