import type { ErrorCode, FieldIssue } from '@yiting/domain';

/** The one error type of the application; mapped to problem+json in one place (plugins/problem.ts). */
export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    public readonly detail?: string,
    public readonly errors?: FieldIssue[],
    public readonly extra?: Record<string, unknown>,
  ) {
    super(detail ?? code);
    this.name = 'AppError';
  }
}

export const notFound = (what?: string) => new AppError('not_found', what);
export const forbidden = (why?: string) => new AppError('forbidden', why);
