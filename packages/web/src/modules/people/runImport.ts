import { ApiError, type ProblemBody } from '../../api/ApiError.ts';
import { localProblem, send } from '../../api/client.ts';

export type ImportPhase = 'parse' | 'validate' | 'write';

export interface ImportProgress {
  phase: ImportPhase;
  done: number;
  total: number;
}

export interface ImportResult {
  units: number;
  people: number;
  memberships: number;
}

type ImportLine =
  | ({ type: 'progress' } & ImportProgress)
  | { type: 'done'; result: ImportResult }
  | { type: 'problem'; problem: ProblemBody };

/**
 * Uploads an .xlsx to POST /people/import and follows its NDJSON progress stream. Resolves with the counts
 * written; rejects with an ApiError whose `errors` list every bad cell (nothing is imported then).
 */
export async function runImport(
  file: File,
  onProgress: (p: ImportProgress) => void,
  signal?: AbortSignal,
): Promise<ImportResult> {
  const body = new FormData();
  body.append('file', file, file.name);
  const res = await send('/people/import', 'POST', {
    body,
    headers: { Accept: 'application/x-ndjson' },
    signal,
  });
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('ndjson') || !res.body) {
    // A server that answers in one piece: either the result itself or a `done` line.
    const whole = (await res.json()) as ImportResult | { result: ImportResult };
    return 'result' in whole ? whole.result : whole;
  }

  let result: ImportResult | null = null;
  const handle = (line: string) => {
    if (!line.trim()) return;
    const msg = JSON.parse(line) as ImportLine;
    if (msg.type === 'progress') onProgress({ phase: msg.phase, done: msg.done, total: msg.total });
    else if (msg.type === 'done') result = msg.result;
    else if (msg.type === 'problem') throw new ApiError(msg.problem);
  };

  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffer += value;
    let nl = buffer.indexOf('\n');
    while (nl >= 0) {
      handle(buffer.slice(0, nl));
      buffer = buffer.slice(nl + 1);
      nl = buffer.indexOf('\n');
    }
    if (done) break;
  }
  handle(buffer);
  if (!result) throw localProblem('internal', 'the import stream ended without a result');
  return result;
}
