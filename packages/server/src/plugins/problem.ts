import {
  ERRORS,
  type ErrorCode,
  errorTitle,
  type FieldIssue,
  type Locale,
  pickLocale,
  validationMessage,
} from '@yiting/domain';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
  }
}

/** What fastify-type-provider-zod puts into `err.validation` for each zod issue. */
interface ValidationItem {
  keyword?: string;
  instancePath?: string;
  message?: string;
  params?: { keys?: string[] };
}

function issuesOf(err: FastifyError, locale: Locale): FieldIssue[] {
  const validation = (err.validation ?? []) as ValidationItem[];
  return validation.map((v) => {
    const path = (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
    // Our schemas put message codes (e.g. `sector_required`) into custom messages; zod's own issues
    // are named by their code. Either way the client gets a sentence in its language.
    const custom = v.message && /^[a-z_]+$/.test(v.message) ? v.message : undefined;
    const code =
      custom ??
      (v.keyword === 'invalid_type' && /received undefined/.test(v.message ?? '') ? 'required' : v.keyword) ??
      'invalid_value';
    let message = validationMessage(code, locale);
    if (v.keyword === 'unrecognized_keys' && v.params?.keys) message += `: ${v.params.keys.join(', ')}`;
    return { path: path || (err.validationContext ?? ''), message };
  });
}

/** The SQLSTATE of a database error, also when drizzle wraps it (DrizzleQueryError.cause). */
function databaseErrorCode(err: unknown): string | undefined {
  for (
    let e = err as { code?: unknown; cause?: unknown } | undefined, i = 0;
    e && i < 3;
    e = e.cause as typeof e, i++
  ) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return undefined;
}

export function sendProblem(
  reply: FastifyReply,
  req: FastifyRequest,
  code: ErrorCode,
  extra: { detail?: string | undefined; errors?: FieldIssue[] | undefined; [k: string]: unknown } = {},
) {
  const status = ERRORS[code].status;
  const body: Record<string, unknown> = {
    type: `https://yiting.dev/problems/${code.replace(/_/g, '-')}`,
    title: errorTitle(code, req.locale ?? 'zh-CN'),
    status,
    code,
    ...extra,
  };
  if (!body.detail) delete body.detail;
  if (!body.errors) delete body.errors;
  return reply
    .code(status)
    .type('application/problem+json; charset=utf-8')
    .serializer(JSON.stringify)
    .send(body);
}

/** One error handler: every failure becomes RFC 9457 problem+json; 5xx details are logged, never sent. */
export function registerProblemHandling(app: FastifyInstance) {
  app.decorateRequest('locale', 'zh-CN');
  app.addHook('onRequest', async (req) => {
    req.locale = pickLocale(req.headers['accept-language']);
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      const errors = err.errors?.map((e) => ({
        path: e.path,
        message: validationMessage(e.message, req.locale),
      }));
      return sendProblem(reply, req, err.code, { detail: err.detail, errors, ...err.extra });
    }
    if (hasZodFastifySchemaValidationErrors(err) || err.validation) {
      return sendProblem(reply, req, 'validation_failed', { errors: issuesOf(err, req.locale) });
    }
    switch (err.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendProblem(reply, req, 'malformed_json');
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
      case 'FST_REQ_FILE_TOO_LARGE':
        return sendProblem(reply, req, 'payload_too_large');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
        return sendProblem(reply, req, 'unsupported_media_type');
    }
    if (err instanceof SyntaxError) return sendProblem(reply, req, 'malformed_json');
    // A row still referred to (e.g. deleting a person an item names) is the client's conflict, not a crash.
    // Unique violations stay 500: use cases check duplicates themselves, so one reaching here is our bug
    // (such as a broken audit chain).
    if (databaseErrorCode(err) === '23503')
      return sendProblem(reply, req, 'conflict', { detail: 'still referenced' });
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code: ErrorCode =
        status === 404 ? 'not_found' : status === 413 ? 'payload_too_large' : 'bad_request';
      return sendProblem(reply, req, code, { detail: err.message });
    }
    req.log.error({ err }, 'unhandled error');
    return sendProblem(reply, req, 'internal');
  });
}
