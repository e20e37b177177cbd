import { cstDate } from '@yiting/domain';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { accountRoles, accounts, notifications, people, trackedItems } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { newId } from '../ids.ts';
import type { Mailer } from '../mail.ts';
import { trackingConfig } from '../tracking/config.ts';
import {
  type DeadlineSpec,
  type Due,
  ITEM_TYPES,
  type ItemTypeDef,
  type Reminder,
} from '../tracking/registry.ts';
import { fireItemAction, systemActor } from '../usecases/tracked-items.ts';
import { enqueueJob, type JobHandler } from './runner.ts';

const HOUR = 3600_000;

/** The registry's types that have deadlines, by name (the name `fireItemAction` takes). */
function watched(): [string, ItemTypeDef & { deadlines: DeadlineSpec }][] {
  return Object.entries(ITEM_TYPES as Record<string, ItemTypeDef>).filter(
    (e): e is [string, ItemTypeDef & { deadlines: DeadlineSpec }] => !!e[1].deadlines,
  );
}

/**
 * Every hour: one `<jobs>.scan` per type with deadlines and body with items in the states that may owe
 * something (the dedupe key makes several nodes agree).
 */
export async function enqueueScans(db: Db, now = new Date()) {
  const slot = new Date(Math.floor(now.getTime() / HOUR) * HOUR).toISOString();
  for (const [, def] of watched()) {
    const { jobs, states } = def.deadlines;
    const bodies = await db
      .selectDistinct({ bodyId: trackedItems.bodyId })
      .from(trackedItems)
      .where(and(inArray(trackedItems.type, [...def.types]), inArray(trackedItems.state, [...states])));
    for (const { bodyId } of bodies) {
      await enqueueJob(db, {
        kind: `${jobs}.scan`,
        bodyId,
        payload: { bodyId },
        dedupeKey: `${jobs}.scan:${bodyId}:${slot}`,
      });
    }
  }
}

/** The accounts a reminder reaches in the body, each once; `escalation` for the person it escalates to. */
async function recipients(db: Db, bodyId: string, r: Reminder) {
  const personIds = [...r.personIds, ...(r.escalateTo ? [r.escalateTo] : [])];
  const rows = await db
    .select({ accountId: accounts.id, email: people.email, personId: accounts.personId })
    .from(accounts)
    .innerJoin(accountRoles, and(eq(accountRoles.accountId, accounts.id), eq(accountRoles.bodyId, bodyId)))
    .leftJoin(people, eq(people.id, accounts.personId))
    .where(
      and(
        eq(accounts.disabled, false),
        or(
          r.unitIds.length
            ? and(eq(accountRoles.role, 'liaison'), inArray(accountRoles.unitId, r.unitIds))
            : undefined,
          personIds.length ? inArray(accounts.personId, personIds) : undefined,
          sql`false`,
        ),
      ),
    );
  const byAccount = new Map<string, { accountId: string; email: string | null; escalation: boolean }>();
  for (const row of rows) {
    const prev = byAccount.get(row.accountId);
    byAccount.set(row.accountId, {
      accountId: row.accountId,
      email: row.email,
      escalation: (prev?.escalation ?? false) || (!!r.escalateTo && row.personId === r.escalateTo),
    });
  }
  return [...byAccount.values()];
}

/**
 * The jobs of every type's deadlines (the registry's `deadlines`), three kinds per type:
 * - `<jobs>.scan` (per body): asks the type what is owed now, and enqueues one `<jobs>.remind` per reminder
 *   (per day and level for daily types, else per deadline, date and level) and one `<jobs>.fire` per
 *   action the system owes;
 * - `<jobs>.remind` (per item and deadline): in-app notifications to the type's recipients and one e-mail;
 * - `<jobs>.fire` (per item and action): the action through the one engine (`fireItemAction`) as the
 *   system, so the event, the notifications and the audit entry are written as for anyone's action.
 */
export function reminderHandlers(deps: {
  mailer: Mailer | null;
  /** What the jobs take as now: the clock, unless a test plays a later day. */
  clock?: () => Date;
}): Record<string, JobHandler> {
  const clock = deps.clock ?? (() => new Date());
  const handlers: Record<string, JobHandler> = {};
  for (const [type, def] of watched()) {
    const spec = def.deadlines;
    handlers[`${spec.jobs}.scan`] = async (job, db) => {
      const bodyId = (job.payload as { bodyId: string }).bodyId;
      const now = clock();
      // Daily reminders are counted by the date in China.
      const today = cstDate(now);
      const owed = await spec.scan(db, bodyId, await trackingConfig(db, bodyId), now);
      for (const r of owed.reminders) {
        const key = spec.daily ? `${r.level}:${today}` : `${r.date}:${r.level}`;
        await enqueueJob(db, {
          kind: `${spec.jobs}.remind`,
          bodyId,
          payload: { ...r },
          dedupeKey: `${spec.jobs}.remind:${r.itemId}:${r.deadline}:${key}`,
        });
      }
      for (const a of owed.actions) {
        await enqueueJob(db, {
          kind: `${spec.jobs}.fire`,
          bodyId,
          payload: { ...a },
          dedupeKey: `${spec.jobs}.fire:${a.itemId}:${a.action}:${a.date}`,
        });
      }
    };

    handlers[`${spec.jobs}.remind`] = async (job, db) => {
      const due = job.payload as unknown as Due;
      const [row] = await db.select().from(trackedItems).where(eq(trackedItems.id, due.itemId));
      if (!row) return;
      const reminder = await spec.reminder(db, row, due, clock());
      if (!reminder) return;
      const to = await recipients(db, row.bodyId, reminder);
      if (to.length === 0) return;
      await db.insert(notifications).values(
        to.map((r) => ({
          id: newId(),
          bodyId: row.bodyId,
          accountId: r.accountId,
          kind: r.escalation ? `${def.name}.escalation` : reminder.kind,
          title: reminder.title,
          body: reminder.text,
          itemId: row.id,
        })),
      );
      const emails = [...new Set(to.map((r) => r.email).filter((e): e is string => !!e))];
      if (deps.mailer && emails.length)
        await deps.mailer.send({ to: emails, subject: reminder.title, text: reminder.text });
    };

    handlers[`${spec.jobs}.fire`] = async (job, db) => {
      const { itemId, action } = job.payload as { itemId: string; action: string };
      const [row] = await db
        .select({ bodyId: trackedItems.bodyId, version: trackedItems.version })
        .from(trackedItems)
        .where(eq(trackedItems.id, itemId));
      if (!row) return;
      try {
        await fireItemAction({
          db,
          actor: systemActor(row.bodyId),
          type,
          id: itemId,
          version: row.version,
          action,
          payload: {},
          now: clock(),
        });
      } catch (e) {
        // Someone acted first (the lead submitted in time): nothing is left to do. Anything else (a
        // version read just before their change, a clock a little behind) is retried by the runner.
        if (e instanceof AppError && e.code === 'invalid_state') return;
        throw e;
      }
    };
  }
  return handlers;
}
