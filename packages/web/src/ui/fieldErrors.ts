import type { FormInstance } from 'antd';
import type { ApiError } from '../api/ApiError.ts';

/** What antd's `form.setFields` takes. */
export interface FieldError {
  name: (string | number)[];
  errors: string[];
}

/** The parts of a zod issue that decide its message (zod's own types are not imported by the web app). */
export interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  origin?: string;
  minimum?: unknown;
  /** Present when parsed with `{ reportInput: true }`. */
  input?: unknown;
}

/**
 * The VALIDATION_MESSAGES code for a zod issue, decided the way the server decides it: a custom message
 * set by the shared schema (e.g. `sector_required`) wins; otherwise zod's issue code, refined so that an
 * empty required field says "required" and an over-long text says "too long".
 */
export function issueCode(issue: IssueLike): string {
  if (/^[a-z_]+$/.test(issue.message)) return issue.message;
  const blank =
    issue.input === undefined ||
    issue.input === null ||
    (typeof issue.input === 'string' && !issue.input.trim());
  if ('input' in issue && blank) return 'required';
  if (issue.code === 'invalid_type' && /received (undefined|null)/.test(issue.message)) return 'required';
  if (issue.code === 'too_small' && issue.origin === 'string')
    return Number(issue.minimum) <= 1 ? 'required' : 'too_short';
  if (issue.code === 'too_big' && issue.origin === 'string') return 'too_long';
  return issue.code;
}

/** One message per field, the first: an empty name is "required", not also "contains symbols". */
function merge(list: { name: (string | number)[]; message: string }[]): FieldError[] {
  const byPath = new Map<string, FieldError>();
  for (const { name, message } of list) {
    const key = name.join('.');
    if (!byPath.has(key)) byPath.set(key, { name, errors: [message] });
  }
  return [...byPath.values()];
}

export function zodFieldErrors(
  issues: readonly IssueLike[],
  translate: (code: string) => string,
): FieldError[] {
  return merge(
    issues.map((i) => ({
      name: i.path.map((p) => (typeof p === 'number' ? p : String(p))),
      message: translate(issueCode(i)),
    })),
  );
}

/** Field errors answered by the server (paths like `memberships.0.sector`), already in the UI's language. */
export function problemFieldErrors(error: ApiError): FieldError[] {
  return merge(
    error.errors
      .filter((e) => e.path)
      .map((e) => ({
        name: e.path!.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
        message: e.message,
      })),
  );
}

/** Blank form inputs mean "no value": null, so that an edit can clear a field. */
export function blankToNull<T>(value: T): T | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' && value.trim() === '') return null;
  return value;
}

/** Puts errors on a form's fields and brings the first into view; paths come from the API or zod. */
export function applyFieldErrors<T>(form: FormInstance<T>, fields: FieldError[]) {
  // antd types field names per form; these names come from the same schema the form was built from.
  form.setFields(fields as Parameters<FormInstance<T>['setFields']>[0]);
  if (fields[0]) form.scrollToField(fields[0].name);
}
