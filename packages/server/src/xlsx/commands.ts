import { readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename } from 'node:path';
import { type ImportRowError, type Locale, pickLocale } from '@yiting/domain';
import cliProgress from 'cli-progress';
import type { Database } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { findBodyByNameOrId } from '../usecases/accounts.ts';
import { type ImportPhase, importPeople } from '../usecases/import-people.ts';
import { exportPeopleRows, exportUnitRows } from './export.ts';
import { writeWorkbook } from './write.ts';

/** The command line speaks the language of LANG (zh-CN unless it says English). */
export function cliLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  return pickLocale((env.LC_ALL || env.LC_MESSAGES || env.LANG || '').replace('_', '-'));
}

const t = (locale: Locale, zh: string, en: string) => (locale === 'en-US' ? en : zh);

/** Terminal width of a string: CJK and full-width characters take two cells. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      ch,
    )
      ? 2
      : 1;
  return w;
}
const pad = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - displayWidth(s)));

/** Every error as an aligned table: sheet, row, column, reason. */
export function errorTable(errors: ImportRowError[], locale: Locale): string {
  const head = [
    t(locale, '工作表', 'Sheet'),
    t(locale, '行', 'Row'),
    t(locale, '列', 'Column'),
    t(locale, '原因', 'Reason'),
  ];
  const rows = errors.map((e) => [e.sheet, String(e.row), e.column, e.message]);
  const widths = head
    .slice(0, 3)
    .map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]!))));
  const line = (r: string[]) => r.map((c, i) => (i < 3 ? pad(c, widths[i]!) : c)).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w)).concat('-'.repeat(8))), ...rows.map(line)].join(
    '\n',
  );
}

async function resolveBody(database: Database, ref: string, locale: Locale) {
  const body = await findBodyByNameOrId(database.db, ref);
  if (!body) throw new AppError('not_found', t(locale, `找不到机关 ${ref}`, `No body named ${ref}`));
  return body;
}

export async function templateCommand(file: string) {
  writeFileSync(file, await writeWorkbook());
  console.log(`${file}: 导入模板 import template`);
}

/** `yiting import FILE --body X`: a progress bar on a terminal, every error as a table, exit code 1 on errors. */
export async function importCommand(database: Database, file: string, bodyRef: string): Promise<number> {
  const locale = cliLocale();
  const body = await resolveBody(database, bodyRef, locale);
  const buf = readFileSync(file);
  const phases: Record<ImportPhase, string> = {
    parse: t(locale, '读取', 'Reading'),
    validate: t(locale, '校验', 'Checking'),
    write: t(locale, '写入', 'Writing'),
  };
  const bar = new cliProgress.SingleBar(
    { format: '{phase} |{bar}| {percentage}% {value}/{total}', hideCursor: true, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  let phase: ImportPhase | undefined;
  try {
    const result = await importPeople({
      db: database.db,
      bodyId: body.id,
      actor: { id: null, name: `命令行 CLI (${userInfo().username})` },
      file: buf,
      fileName: basename(file),
      locale,
      onProgress: (p) => {
        if (p.phase !== phase) {
          if (phase) bar.stop();
          phase = p.phase;
          bar.start(p.total, p.done, { phase: phases[p.phase] });
        } else bar.update(p.done);
      },
    });
    bar.stop();
    console.log(
      t(
        locale,
        `已导入到 ${body.name}：单位 ${result.units} 个，人员 ${result.people} 人，任职 ${result.memberships} 条`,
        `Imported into ${body.name}: ${result.units} units, ${result.people} people, ${result.memberships} memberships`,
      ),
    );
    return 0;
  } catch (e) {
    bar.stop();
    if (e instanceof AppError && e.code === 'import_invalid') {
      const errors = (e.extra?.errors ?? []) as ImportRowError[];
      const n = Number(e.extra?.errorCount ?? errors.length);
      console.log(errorTable(errors, locale));
      console.error(
        t(
          locale,
          `\n文件有 ${n} 处错误，未导入任何数据。`,
          `\nThe file has ${n} errors; nothing was imported.`,
        ),
      );
      return 1;
    }
    if (e instanceof AppError) {
      console.error(e.detail ?? e.code);
      return 1;
    }
    throw e;
  }
}

/** `yiting export FILE --body X`: the body's units and people in one workbook, in the template's layout. */
export async function exportCommand(database: Database, file: string, bodyRef: string): Promise<number> {
  const locale = cliLocale();
  const body = await resolveBody(database, bodyRef, locale);
  const units = await exportUnitRows(database.db, { bodyId: body.id });
  const people = await exportPeopleRows(database.db, { bodyId: body.id });
  writeFileSync(file, await writeWorkbook({ units, people }));
  console.log(
    t(
      locale,
      `已导出 ${body.name}：单位 ${units.length} 个，人员 ${people.length} 行 → ${file}`,
      `Exported ${body.name}: ${units.length} units, ${people.length} people rows → ${file}`,
    ),
  );
  return 0;
}
