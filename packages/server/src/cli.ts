import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '@yiting/domain';
import { buildApp } from './app.ts';
import { bodiesWithAudit, verifyAuditChain } from './audit.ts';
import { backupTo, restoreFrom } from './backup.ts';
import { type Database, DataDirLockedError, openDatabase, refreshPlannerStatistics } from './db/client.ts';
import { isDemoLoaded, loadDemo } from './demo/index.ts';
import { AppError } from './errors.ts';
import { jobHandlers, scheduleHousekeeping } from './jobs/index.ts';
import { JobRunner } from './jobs/runner.ts';
import { mailerFromEnv } from './mail.ts';
import { createAccount } from './usecases/accounts.ts';

const here = dirname(fileURLToPath(import.meta.url));
export const WEB_DIST = resolve(here, '../../web/dist');

const HELP = `yiting <command>

  start [--demo]          start the server (PORT, default 3000; HOST, default 0.0.0.0);
                          --demo loads the 2025 demo data into an empty database first
  migrate                 apply database migrations
  demo                    load the 2025 demo data (SCENARIO-2025)
  user create --username U --password P --body NAME|ID --role ROLE [--name N]
  import FILE --body NAME|ID   import units and people from .xlsx (all or nothing)
  import --template FILE       write the empty .xlsx import template
  export FILE --body NAME|ID   export units and people to .xlsx (the template's layout)
  backup FILE             write a backup of the whole database
  restore FILE            restore a backup into a new, empty database
  audit verify            recompute every body's audit hash chain

Database: DATABASE_URL=postgres://… uses PostgreSQL; otherwise the embedded PGlite in
YITING_DATA_DIR (default ./data).`;

export async function openFromEnv(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  const dataDir = process.env.YITING_DATA_DIR ?? './data';
  return openDatabase(url ? { url } : { dataDir });
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  let database: Database;
  try {
    database = await openFromEnv();
  } catch (e) {
    if (e instanceof DataDirLockedError) fail(e.message);
    throw e;
  }
  try {
    await database.migrate();
    return await fn(database);
  } finally {
    await database.close();
  }
}

async function demo(database: Database) {
  const password = process.env.YITING_ADMIN_PASSWORD || `Yt-${randomBytes(6).toString('base64url')}`;
  const summary = await loadDemo(database.db, { adminPassword: password, log: (m) => console.log(m) });
  console.log(`\n演示数据已载入 Demo data loaded:\n${summary}`);
  console.log(`以上账号的密码 Password of every account above: ${password}`);
  if (!process.env.YITING_ADMIN_PASSWORD) {
    console.log(
      '(密码为随机生成；设置 YITING_ADMIN_PASSWORD 可指定 — generated; set YITING_ADMIN_PASSWORD to choose it)',
    );
  }
}

async function start(args: string[]) {
  const { values } = parseArgs({ args, options: { demo: { type: 'boolean' }, dev: { type: 'boolean' } } });
  let database: Database;
  try {
    database = await openFromEnv();
  } catch (e) {
    if (e instanceof DataDirLockedError) fail(e.message);
    throw e;
  }
  await database.migrate();
  if (values.demo && !(await isDemoLoaded(database.db))) await demo(database);
  await refreshPlannerStatistics(database.db, database.engine);
  const app = await buildApp({ database, logger: true, config: { webDist: WEB_DIST } });
  const mailer = mailerFromEnv();
  const runner = new JobRunner(
    database.db,
    jobHandlers({ sessionIdleMinutes: 30, mailer, engine: database.engine }),
    {
      intervalMs: Number(process.env.YITING_JOB_INTERVAL_MS ?? 15_000),
      // How long a job claimed by a node that died stays claimed before another node takes it over.
      staleAfterMs: Number(process.env.YITING_JOB_STALE_MS ?? 10 * 60_000),
    },
  );
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    try {
      await runner.stop();
      mailer?.close();
      await app.close();
    } finally {
      await database.close();
      process.exit(0);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '0.0.0.0';
  await app.listen({ port, host });
  await scheduleHousekeeping(database.db);
  runner.start();
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  console.log(`议厅 Yiting 已启动 running at http://${shown}:${port} (${database.engine})`);
}

export async function main(argv: string[]) {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start':
      return start(rest);
    case 'migrate':
      return withDatabase(async (d) => console.log(`migrated (${d.engine})`));
    case 'demo':
      return withDatabase(async (d) => {
        if (await isDemoLoaded(d.db)) fail('演示数据已存在 Demo data is already loaded.');
        await demo(d);
      });
    case 'user': {
      if (rest[0] !== 'create') fail(HELP);
      const { values } = parseArgs({
        args: rest.slice(1),
        options: {
          username: { type: 'string' },
          password: { type: 'string' },
          body: { type: 'string' },
          role: { type: 'string', multiple: true },
          name: { type: 'string' },
          unit: { type: 'string' },
        },
      });
      if (!values.username || !values.password || !values.body || !values.role?.length) fail(HELP);
      const roles = values.role as Role[];
      const bad = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
      if (bad.length) fail(`unknown role ${bad.join(', ')}; roles: ${ROLES.join(', ')}`);
      return withDatabase(async (d) => {
        const account = await createAccount({
          db: d.db,
          username: values.username!,
          password: values.password!,
          displayName: values.name ?? values.username!,
          body: values.body!,
          roles,
          unit: values.unit,
        });
        console.log(`created ${account.username} (${account.id})`);
      });
    }
    case 'import':
    case 'export': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { body: { type: 'string' }, template: { type: 'string' } },
      });
      const xlsx = await import('./xlsx/commands.ts');
      if (command === 'import' && values.template) return xlsx.templateCommand(values.template);
      const file = positionals[0];
      if (!file || !values.body) fail(`usage: yiting ${command} FILE --body NAME|ID\n\n${HELP}`);
      if (command === 'import' && !existsSync(file)) fail(`${file}: 文件不存在 no such file`);
      const code = await withDatabase(async (d) => {
        try {
          return await (command === 'import' ? xlsx.importCommand : xlsx.exportCommand)(
            d,
            file,
            values.body!,
          );
        } catch (e) {
          if (e instanceof AppError) {
            console.error(e.detail ?? e.code);
            return 1;
          }
          throw e;
        }
      });
      process.exitCode = code;
      return;
    }
    case 'backup': {
      const file = rest[0] ?? fail('usage: yiting backup FILE');
      return withDatabase(async (d) => {
        await backupTo(d.db, file, (t, n) => process.stderr.write(`\r${t}: ${n}        `));
        process.stderr.write('\n');
        console.log(`backup written to ${file}`);
      });
    }
    case 'restore': {
      const file = rest[0] ?? fail('usage: yiting restore FILE');
      return withDatabase(async (d) => {
        try {
          await restoreFrom(d.db, file, (n) => process.stderr.write(`\r${n} rows`));
        } catch (e) {
          fail(`restore failed, nothing was changed: ${(e as Error).message}`);
        }
        process.stderr.write('\n');
        console.log(`restored from ${file}`);
      });
    }
    case 'audit': {
      if (rest[0] !== 'verify') fail('usage: yiting audit verify');
      return withDatabase(async (d) => {
        let broken = 0;
        for (const bodyId of await bodiesWithAudit(d.db)) {
          const r = await verifyAuditChain(d.db, bodyId);
          if (r.ok) console.log(`ok      body ${bodyId}: ${r.entries} entries`);
          else {
            broken++;
            console.log(
              `BROKEN  body ${bodyId}: first bad entry seq ${r.broken!.seq}${r.broken!.id ? ` (id ${r.broken!.id})` : ''}: ${r.broken!.reason}`,
            );
          }
        }
        if (broken) process.exit(2);
      });
    }
    case 'dev': {
      const { devCommand } = await import('./dev.ts');
      return devCommand(rest);
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(HELP);
      return;
    default:
      fail(`unknown command ${command}\n\n${HELP}`);
  }
}
