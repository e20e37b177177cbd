import type { Permission, Role } from '@yiting/domain';
import { roleAllows } from '@yiting/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { safeEqual, sha256 } from '../auth/tokens.ts';
import type { AppConfig } from '../config.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors.ts';
import {
  type AccountRow,
  deleteSession,
  effectiveRoles,
  findAccount,
  findApiToken,
  findSession,
  rolesOfAccount,
  touchApiToken,
  touchSession,
} from '../repositories/accounts.ts';

export const SESSION_COOKIE = 'yiting_session';

/** Who is asking, in which body, with which rights. Built once per request. */
export interface Actor {
  account: AccountRow;
  /** `system`: the job runner acting on a deadline (`systemActor`), never a request. */
  via: 'session' | 'token' | 'system';
  sessionId: string | null;
  csrfToken: string | null;
  bodyId: string | null;
  roles: Role[];
  /** A liaison's handling unit. */
  unitId: string | null;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every route declares the permission it needs; a route without one is refused (deny by default). */
    permission?: Permission;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** The actor of an authenticated route; throws if there is none (a route declared `public` has none). */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('unauthenticated');
  return req.actor;
}

/** The actor and the body it acts in; for body-scoped routes. */
export function bodyActorOf(req: FastifyRequest): Actor & { bodyId: string } {
  const actor = actorOf(req);
  if (!actor.bodyId) throw new AppError('no_body');
  return actor as Actor & { bodyId: string };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerAuth(app: FastifyInstance, db: Db, config: AppConfig) {
  app.decorateRequest('actor', null);

  async function resolveActor(req: FastifyRequest): Promise<Actor | null> {
    const authz = req.headers.authorization;
    if (authz?.startsWith('Bearer ')) {
      const token = await findApiToken(db, sha256(authz.slice(7).trim()));
      const now = Date.now();
      if (!token || token.revokedAt || (token.expiresAt && token.expiresAt.getTime() < now)) {
        throw new AppError('unauthenticated', 'invalid API token');
      }
      const account = await findAccount(db, token.accountId);
      if (!account || account.disabled) throw new AppError('unauthenticated');
      const entry = (await rolesOfAccount(db, account.id)).find((e) => e.body.id === token.bodyId);
      if (!token.lastUsedAt || now - token.lastUsedAt.getTime() > 60_000) await touchApiToken(db, token.id);
      return {
        account,
        via: 'token',
        sessionId: null,
        csrfToken: null,
        bodyId: token.bodyId,
        roles: effectiveRoles(entry, account.totpEnabled),
        unitId: entry?.unitId ?? null,
      };
    }
    const cookie = req.cookies[SESSION_COOKIE];
    if (!cookie) return null;
    const sessionId = sha256(cookie);
    const session = await findSession(db, sessionId);
    if (!session) return null;
    const now = Date.now();
    const idleMs = config.sessionIdleMinutes * 60_000;
    if (session.expiresAt.getTime() < now || now - session.lastSeenAt.getTime() > idleMs) {
      await deleteSession(db, sessionId);
      throw new AppError('session_expired');
    }
    const account = await findAccount(db, session.accountId);
    if (!account || account.disabled) {
      await deleteSession(db, sessionId);
      return null;
    }
    // Sliding idle timeout, written at most once a minute to keep reads cheap.
    if (now - session.lastSeenAt.getTime() > 60_000) await touchSession(db, sessionId);
    const entries = await rolesOfAccount(db, account.id);
    const entry = entries.find((e) => e.body.id === session.bodyId) ?? entries[0];
    return {
      account,
      via: 'session',
      sessionId,
      csrfToken: session.csrfToken,
      bodyId: entry?.body.id ?? null,
      roles: effectiveRoles(entry, account.totpEnabled),
      unitId: entry?.unitId ?? null,
    };
  }

  // Authenticate and authorise before the body is even parsed (STYLE: authenticate → authorise → validate).
  app.addHook('onRequest', async (req) => {
    // Judged by the route that matched, not the URL: /api/nothing matches only the web app's static
    // wildcard (or no route), and the not-found handler answers it.
    if (!req.routeOptions.url?.startsWith('/api/')) return;
    const permission = req.routeOptions.config?.permission;
    if (!permission) throw new AppError('forbidden', 'route declares no permission');
    if (permission === 'public') {
      // Still resolve the actor where one exists (e.g. logout), but never require it.
      req.actor = await resolveActor(req).catch(() => null);
      return;
    }
    const actor = await resolveActor(req);
    if (!actor) throw new AppError('unauthenticated');
    req.actor = actor;
    if (actor.via === 'session' && !SAFE_METHODS.has(req.method)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !actor.csrfToken || !safeEqual(sent, actor.csrfToken)) {
        throw new AppError('csrf_failed');
      }
    }
    if (permission === 'authenticated') return;
    if (!actor.bodyId) throw new AppError('no_body');
    if (!roleAllows(actor.roles, permission)) throw new AppError('forbidden');
  });
}
