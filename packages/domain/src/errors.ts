/**
 * Stable error codes of the API (problem+json `code`) with their titles in both languages.
 * The server maps each to an HTTP status in one place; the web app shows the same titles.
 */
export const ERRORS = {
  validation_failed: { status: 400, zh: '提交的数据不符合要求', en: 'The submitted data is invalid' },
  malformed_json: { status: 400, zh: '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' },
  bad_request: { status: 400, zh: '请求无效', en: 'Bad request' },
  unauthenticated: { status: 401, zh: '请先登录', en: 'Please sign in' },
  invalid_credentials: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  totp_required: { status: 401, zh: '请输入动态验证码', en: 'Enter the one-time code' },
  totp_invalid: { status: 401, zh: '动态验证码错误', en: 'Wrong one-time code' },
  account_locked: {
    status: 423,
    zh: '登录失败次数过多，账号已暂时锁定',
    en: 'Too many failed sign-ins; the account is locked for a while',
  },
  session_expired: { status: 401, zh: '登录已超时，请重新登录', en: 'Your session timed out; sign in again' },
  csrf_failed: {
    status: 403,
    zh: '请求缺少有效的安全令牌，请刷新页面后重试',
    en: 'Missing or wrong CSRF token; reload the page and retry',
  },
  forbidden: { status: 403, zh: '没有权限执行此操作', en: 'You are not allowed to do this' },
  no_body: { status: 403, zh: '当前账号未加入任何机关', en: 'This account belongs to no body' },
  not_found: { status: 404, zh: '找不到该记录', en: 'Not found' },
  route_not_found: { status: 404, zh: '接口不存在', en: 'No such endpoint' },
  method_not_allowed: { status: 405, zh: '不支持该请求方法', en: 'Method not allowed' },
  conflict: { status: 409, zh: '数据冲突', en: 'Conflict' },
  version_conflict: {
    status: 409,
    zh: '记录已被他人修改，请刷新后重试',
    en: 'Someone else changed this record; reload and retry',
  },
  duplicate: { status: 409, zh: '记录已存在', en: 'Already exists' },
  precondition_required: {
    status: 428,
    zh: '缺少 If-Match 版本号',
    en: 'If-Match with the version read is required',
  },
  invalid_state: {
    status: 409,
    zh: '当前状态下不能执行该操作',
    en: 'This action is not possible in the current state',
  },
  transition_not_allowed: {
    status: 403,
    zh: '您不能对该事项执行此操作',
    en: 'You may not take this action on this item',
  },
  rule_failed: { status: 422, zh: '不满足办理要求', en: 'The action does not meet the rules' },
  unknown_action: { status: 400, zh: '未知的操作', en: 'Unknown action' },
  payload_too_large: { status: 413, zh: '提交内容过大', en: 'Payload too large' },
  unsupported_media_type: {
    status: 415,
    zh: '不支持的内容类型或文件类型',
    en: 'Unsupported content or file type',
  },
  import_invalid: {
    status: 422,
    zh: '导入文件有错误，未导入任何数据',
    en: 'The file has errors; nothing was imported',
  },
  rate_limited: { status: 429, zh: '请求过于频繁', en: 'Too many requests' },
  internal: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
  unavailable: { status: 503, zh: '服务暂不可用', en: 'Service unavailable' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;

export type Locale = 'zh-CN' | 'en-US';

export function errorTitle(code: ErrorCode, locale: Locale): string {
  const e = ERRORS[code];
  return locale === 'en-US' ? e.en : e.zh;
}

/** Picks zh-CN unless the Accept-Language header prefers English. */
export function pickLocale(acceptLanguage: string | undefined | null): Locale {
  if (!acceptLanguage) return 'zh-CN';
  const langs = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of langs) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en-US';
  }
  return 'zh-CN';
}

/** One field-level problem, with the message in both languages so either UI can show it. */
export interface FieldIssue {
  path: string;
  message: string;
}
