/** One field-level problem from the API; import problems carry the sheet, row and column too. */
export interface ProblemIssue {
  path?: string;
  message: string;
  sheet?: string;
  row?: number;
  column?: string;
}

export interface ProblemBody {
  type?: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  errors?: ProblemIssue[];
  [key: string]: unknown;
}

/** An RFC 9457 problem answered by the API; `title` is already in the language the UI asked for. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: ProblemIssue[];
  readonly problem: ProblemBody;

  constructor(problem: ProblemBody) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = 'ApiError';
    this.problem = problem;
    this.status = problem.status;
    this.code = problem.code;
    this.title = problem.title;
    this.detail = problem.detail;
    this.errors = problem.errors ?? [];
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}
