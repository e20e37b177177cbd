import { recordAudit } from '../audit.ts';
import { dummyHash, verifyPassword } from '../auth/passwords.ts';
import { randomToken, sha256 } from '../auth/tokens.ts';
import { checkTotp } from '../auth/totp.ts';
import type { AppConfig } from '../config.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors.ts';
import {
  clearFailedLogins,
  findAccountByUsername,
  insertSession,
  recordFailedLogin,
  rolesOfAccount,
} from '../repositories/accounts.ts';

export interface LoginOptions {
  db: Db;
  config: AppConfig;
  username: string;
  password: string;
  totp?: string | undefined;
  ip?: string;
}

/**
 * Checks the password (argon2id), the lockout and the second factor; on success opens a session and
 * returns the cookie value, which is stored only as its hash.
 */
export async function login(
  opts: LoginOptions,
): Promise<{ cookie: string; accountId: string; bodyId: string | null; csrfToken: string; expiresAt: Date }> {
  const { db, config } = opts;
  const account = await findAccountByUsername(db, opts.username);
  if (!account) {
    await verifyPassword(await dummyHash(), opts.password);
    throw new AppError('invalid_credentials');
  }
  const audit = (action: string, outcome: 'success' | 'failure', after?: unknown) =>
    recordAudit(db, {
      bodyId: account.homeBodyId,
      actorId: account.id,
      actorName: account.displayName,
      action,
      targetType: 'account',
      targetId: account.id,
      outcome,
      after: { ip: opts.ip ?? null, ...(after as object) },
    });
  if (account.lockedUntil && account.lockedUntil.getTime() > Date.now()) {
    await audit('auth.login', 'failure', { reason: 'locked' });
    throw new AppError('account_locked', undefined, undefined, {
      lockedUntil: account.lockedUntil.toISOString(),
    });
  }
  if (account.disabled || !(await verifyPassword(account.passwordHash, opts.password))) {
    const r = await recordFailedLogin(db, account.id, config.lockoutThreshold, config.lockoutMinutes);
    await audit('auth.login', 'failure', { reason: 'password' });
    if (r?.lockedUntil && r.lockedUntil.getTime() > Date.now()) {
      throw new AppError('account_locked', undefined, undefined, {
        lockedUntil: r.lockedUntil.toISOString(),
      });
    }
    throw new AppError('invalid_credentials');
  }
  if (account.totpEnabled && account.totpSecret) {
    if (!opts.totp) throw new AppError('totp_required');
    if (!checkTotp(account.totpSecret, opts.totp)) {
      await recordFailedLogin(db, account.id, config.lockoutThreshold, config.lockoutMinutes);
      await audit('auth.login', 'failure', { reason: 'totp' });
      throw new AppError('totp_invalid');
    }
  }
  await clearFailedLogins(db, account.id);
  const bodies = await rolesOfAccount(db, account.id);
  const body = bodies.find((b) => b.body.id === account.homeBodyId) ?? bodies[0];
  const cookie = randomToken();
  const expiresAt = new Date(Date.now() + config.sessionMaxHours * 3600_000);
  const bodyId = body?.body.id ?? null;
  const csrfToken = randomToken();
  await insertSession(db, { id: sha256(cookie), accountId: account.id, bodyId, csrfToken, expiresAt });
  await audit('auth.login', 'success');
  return { cookie, accountId: account.id, bodyId, csrfToken, expiresAt };
}
