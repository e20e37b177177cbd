import { label, type MatterData } from '@yiting/domain';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { accountRoles, accounts, notifications, people, trackedItems, units } from '../db/schema.ts';
import { newId } from '../ids.ts';
import type { Mailer } from '../mail.ts';
import { ACTIVE_MATTER_STATES, warningSql } from '../repositories/matters.ts';
import { trackingConfig } from '../tracking/config.ts';
import { enqueueJob, type JobHandler } from './runner.ts';

const HOUR = 3600_000;

/** The date in China, which reminders are counted by (one reminder per matter, level and day). */
export function cstDate(d = new Date()): string {
  return new Date(d.getTime() + 8 * HOUR).toISOString().slice(0, 10);
}

/** Every hour: one scan per body with active matters (the dedupe key makes several nodes agree). */
export async function enqueueScans(db: Db, now = new Date()) {
  const bodies = await db
    .selectDistinct({ bodyId: trackedItems.bodyId })
    .from(trackedItems)
    .where(and(eq(trackedItems.type, 'matter'), inArray(trackedItems.state, ACTIVE_MATTER_STATES)));
  const slot = new Date(Math.floor(now.getTime() / HOUR) * HOUR).toISOString();
  for (const { bodyId } of bodies) {
    await enqueueJob(db, {
      kind: 'matters.scan',
      bodyId,
      payload: { bodyId },
      dedupeKey: `matters.scan:${bodyId}:${slot}`,
    });
  }
}

async function recipients(db: Db, bodyId: string, unitId: string | null, supervisorPersonId: string | null) {
  const rows = await db
    .select({
      accountId: accounts.id,
      email: people.email,
      role: accountRoles.role,
      personId: accounts.personId,
    })
    .from(accounts)
    .innerJoin(accountRoles, and(eq(accountRoles.accountId, accounts.id), eq(accountRoles.bodyId, bodyId)))
    .leftJoin(people, eq(people.id, accounts.personId))
    .where(
      and(
        eq(accounts.disabled, false),
        sql`((${accountRoles.role} = 'liaison' and ${accountRoles.unitId} = ${unitId})
          or (${supervisorPersonId}::uuid is not null and ${accounts.personId} = ${supervisorPersonId}::uuid))`,
      ),
    );
  const byAccount = new Map<string, { accountId: string; email: string | null; supervisor: boolean }>();
  for (const r of rows) {
    const prev = byAccount.get(r.accountId);
    byAccount.set(r.accountId, {
      accountId: r.accountId,
      email: r.email,
      supervisor: (prev?.supervisor ?? false) || (!!supervisorPersonId && r.personId === supervisorPersonId),
    });
  }
  return [...byAccount.values()];
}

export function reminderHandlers(deps: { mailer: Mailer | null }): Record<string, JobHandler> {
  return {
    // Finds the matters due soon or overdue and enqueues one reminder each per day and level.
    'matters.scan': async (job, db) => {
      const bodyId = (job.payload as { bodyId: string }).bodyId;
      const config = await trackingConfig(db, bodyId);
      const today = cstDate();
      for (const level of ['yellow', 'red'] as const) {
        const due = await db
          .select({ id: trackedItems.id })
          .from(trackedItems)
          .where(
            and(
              eq(trackedItems.bodyId, bodyId),
              eq(trackedItems.type, 'matter'),
              warningSql(level, config.matter.yellowDays),
            ),
          )
          .limit(5000);
        for (const m of due) {
          await enqueueJob(db, {
            kind: 'matters.remind',
            bodyId,
            payload: { matterId: m.id, level },
            dedupeKey: `matters.remind:${m.id}:${level}:${today}`,
          });
        }
      }
    },
    // Reminds the unit's liaisons; an overdue matter is escalated to its supervising leader as well.
    'matters.remind': async (job, db) => {
      const { matterId, level } = job.payload as { matterId: string; level: 'yellow' | 'red' };
      const [m] = await db.select().from(trackedItems).where(eq(trackedItems.id, matterId));
      if (!m || !ACTIVE_MATTER_STATES.includes(m.state as never)) return;
      const [unit] = m.leadUnitId
        ? await db.select({ name: units.name }).from(units).where(eq(units.id, m.leadUnitId))
        : [];
      const to = await recipients(db, m.bodyId, m.leadUnitId, level === 'red' ? m.supervisorPersonId : null);
      if (to.length === 0) return;
      const data = m.data as MatterData;
      const what = level === 'red' ? '已逾期' : '即将到期';
      const title = `【${level === 'red' ? '逾期督办' : '到期提醒'}】${m.number ?? ''} ${m.title}`;
      const text = [
        `交办事项「${m.title}」${what}。`,
        `文号：${m.number ?? '—'}`,
        `承办单位：${unit?.name ?? '—'}`,
        `办理期限：${m.deadline ?? '—'}`,
        `当前状态：${label('matterState', m.state as never, 'zh-CN')}`,
        data.pendingExtension ? `延期申请待审批：至 ${data.pendingExtension.until}` : '',
        '',
        '请登录议厅系统办理。',
      ]
        .filter((l) => l !== '')
        .join('\n');
      await db.insert(notifications).values(
        to.map((r) => ({
          id: newId(),
          bodyId: m.bodyId,
          accountId: r.accountId,
          kind: r.supervisor ? 'matter.escalation' : `matter.reminder.${level}`,
          title,
          body: text,
          itemId: m.id,
        })),
      );
      const emails = [...new Set(to.map((r) => r.email).filter((e): e is string => !!e))];
      if (deps.mailer && emails.length) await deps.mailer.send({ to: emails, subject: title, text });
    },
  };
}
