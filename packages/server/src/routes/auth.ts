import { LoginInput, Me, SwitchBodyInput } from '@yiting/domain';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { TypedApp } from '../app.ts';
import { appendAudit } from '../audit.ts';
import { hashPassword, passwordProblems, verifyPassword } from '../auth/passwords.ts';
import { checkTotp, newTotpSecret, totpUri } from '../auth/totp.ts';
import type { Db } from '../db/client.ts';
import { accounts } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { actorOf, SESSION_COOKIE } from '../plugins/auth.ts';
import {
  deleteSession,
  effectiveRoles,
  permissionsOf,
  rolesOfAccount,
  setSessionBody,
} from '../repositories/accounts.ts';
import { login } from '../usecases/login.ts';
import type { RouteContext } from './context.ts';

const Ok = z.object({ ok: z.literal(true) });

export function authRoutes(app: TypedApp, { database, config }: RouteContext) {
  const db = database.db;

  app.post(
    '/auth/login',
    { config: { permission: 'public' }, schema: { tags: ['auth'], body: LoginInput, response: { 200: Me } } },
    async (req, reply) => {
      const { cookie, expiresAt, accountId, bodyId, csrfToken } = await login({
        db,
        config,
        ...req.body,
        ip: req.ip,
      });
      reply.setCookie(SESSION_COOKIE, cookie, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: config.cookieSecure,
        expires: expiresAt,
      });
      return presentMe(db, accountId, bodyId, csrfToken);
    },
  );

  app.post(
    '/auth/logout',
    { config: { permission: 'public' }, schema: { tags: ['auth'], response: { 200: Ok } } },
    async (req, reply) => {
      if (req.actor?.sessionId) await deleteSession(db, req.actor.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/me',
    { config: { permission: 'authenticated' }, schema: { tags: ['auth'], response: { 200: Me } } },
    async (req) => {
      const actor = actorOf(req);
      return presentMe(db, actor.account.id, actor.bodyId, actor.csrfToken);
    },
  );

  app.post(
    '/me/body',
    {
      config: { permission: 'authenticated' },
      schema: { tags: ['auth'], body: SwitchBodyInput, response: { 200: Me } },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!actor.sessionId) throw new AppError('bad_request', 'API tokens are bound to one body');
      const entries = await rolesOfAccount(db, actor.account.id);
      if (!entries.some((e) => e.body.id === req.body.bodyId)) throw new AppError('forbidden');
      await setSessionBody(db, actor.sessionId, req.body.bodyId);
      return presentMe(db, actor.account.id, req.body.bodyId, actor.csrfToken);
    },
  );

  app.post(
    '/me/password',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['auth'],
        body: z.strictObject({
          currentPassword: z.string().min(1).max(200),
          newPassword: z.string().min(1).max(200),
        }),
        response: { 200: Ok },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!(await verifyPassword(actor.account.passwordHash, req.body.currentPassword))) {
        throw new AppError('invalid_credentials');
      }
      const problems = passwordProblems(req.body.newPassword);
      if (problems.length) {
        throw new AppError(
          'validation_failed',
          undefined,
          problems.map((p) => ({ path: 'newPassword', message: p })),
        );
      }
      const passwordHash = await hashPassword(req.body.newPassword);
      await db.transaction(async (tx) => {
        await tx.update(accounts).set({ passwordHash }).where(eq(accounts.id, actor.account.id));
        await appendAudit(tx as unknown as Db, auditOf(actor.account, 'account.password_change'));
      });
      return { ok: true as const };
    },
  );

  app.post(
    '/me/totp/setup',
    {
      config: { permission: 'authenticated' },
      schema: { tags: ['auth'], response: { 200: z.object({ secret: z.string(), uri: z.string() }) } },
    },
    async (req) => {
      const actor = actorOf(req);
      if (actor.account.totpEnabled) throw new AppError('conflict', 'TOTP is already enabled');
      const secret = newTotpSecret();
      await db.update(accounts).set({ totpSecret: secret }).where(eq(accounts.id, actor.account.id));
      return { secret, uri: totpUri(secret, actor.account.username) };
    },
  );

  app.post(
    '/me/totp/enable',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['auth'],
        body: z.strictObject({ code: z.string().regex(/^\d{6}$/) }),
        response: { 200: Ok },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const secret = actor.account.totpSecret;
      if (!secret) throw new AppError('conflict', 'call /me/totp/setup first');
      if (!checkTotp(secret, req.body.code)) throw new AppError('totp_invalid');
      await db.transaction(async (tx) => {
        await tx.update(accounts).set({ totpEnabled: true }).where(eq(accounts.id, actor.account.id));
        await appendAudit(tx as unknown as Db, auditOf(actor.account, 'account.totp_enable'));
      });
      return { ok: true as const };
    },
  );
}

function auditOf(account: { id: string; displayName: string; homeBodyId: string }, action: string) {
  return {
    bodyId: account.homeBodyId,
    actorId: account.id,
    actorName: account.displayName,
    action,
    targetType: 'account',
    targetId: account.id,
  };
}

export async function presentMe(db: Db, accountId: string, bodyId: string | null, csrfToken: string | null) {
  const [account] = await db.select().from(accounts).where(eq(accounts.id, accountId));
  if (!account) throw new AppError('unauthenticated');
  const entries = await rolesOfAccount(db, accountId);
  const current = entries.find((e) => e.body.id === bodyId) ?? entries[0];
  const roles = effectiveRoles(current, account.totpEnabled);
  const ref = (b: (typeof entries)[number]['body']) => ({
    id: b.id,
    name: b.name,
    kind: b.kind as never,
    level: b.level as never,
  });
  return {
    account: {
      id: account.id,
      username: account.username,
      displayName: account.displayName,
      personId: account.personId,
      totpEnabled: account.totpEnabled,
    },
    body: current ? ref(current.body) : null,
    roles,
    permissions: permissionsOf(roles),
    unitId: current?.unitId ?? null,
    bodies: entries.map((e) => ({ ...ref(e.body), roles: e.roles })),
    csrfToken,
  };
}
