import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, jobs, trackedItems } from '../../src/db/schema.ts';
import { jobHandlers } from '../../src/jobs/index.ts';
import { enqueueScans } from '../../src/jobs/reminders.ts';
import { JobRunner } from '../../src/jobs/runner.ts';
import { smtpMailer } from '../../src/mail.ts';
import { signIn, useTestApp } from '../helpers/app.ts';
import { engineUnavailable } from '../helpers/db.ts';
import { createTenant } from '../helpers/factories.ts';
import { act, inDays } from '../helpers/matters.ts';
import { startSmtp } from '../helpers/smtp.ts';

describe.skipIf(engineUnavailable())('deadline reminders and escalation', () => {
  const t = useTestApp();
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => {
    smtp = await startSmtp();
  });
  afterAll(async () => smtp?.close());

  it('reminds the unit of matters due soon, escalates overdue ones to the supervising leader, once a day', async () => {
    const tenant = await createTenant(t.db);
    const staff = await signIn(t.app, tenant.staff);
    // The liaison and the leader are people with e-mail addresses.
    const liaisonPerson = (
      await staff.post('/api/v1/people', { name: '联络员甲', email: 'liaison@example.cn' })
    ).json();
    const leaderPerson = (
      await staff.post('/api/v1/people', { name: '凌传茂', email: 'leader@example.cn' })
    ).json();
    await t.db.update(accounts).set({ personId: liaisonPerson.id }).where(eq(accounts.id, tenant.liaison.id));
    await t.db.update(accounts).set({ personId: leaderPerson.id }).where(eq(accounts.id, tenant.leader.id));

    const make = async (title: string, deadline: string) => {
      const m = (
        await staff.post('/api/v1/matters', {
          title,
          content: '内容',
          source: 'document',
          supervisorPersonId: leaderPerson.id,
        })
      ).json();
      return act(staff, m, 'assign', { leadUnitId: tenant.unit.id, deadline });
    };
    const soon = await make('临期事项', inDays(1));
    const late = await make('逾期事项', inDays(10));
    await make('正常事项', inDays(40));
    await t.db.update(trackedItems).set({ deadline: '2025-06-30' }).where(eq(trackedItems.id, late.id));

    const mailer = smtpMailer(smtp.url, 'yiting@example.cn');
    const handlers = jobHandlers({ sessionIdleMinutes: 30, mailer });
    const a = new JobRunner(t.db, handlers);
    const b = new JobRunner(t.db, handlers);
    const drain = async () => {
      for (;;) {
        const [x, y] = await Promise.all([a.tick(), b.tick()]);
        if (x + y === 0) return;
      }
    };
    await enqueueScans(t.db);
    await drain();
    mailer.close();

    const mine = smtp.mails.filter(
      (m) => m.subject?.includes(soon.number) || m.subject?.includes(late.number),
    );
    const subjects = mine.map((m) => m.subject).sort();
    expect(subjects).toEqual(
      [`【到期提醒】${soon.number} 临期事项`, `【逾期督办】${late.number} 逾期事项`].sort(),
    );
    const overdueMail = mine.find((m) => m.subject?.startsWith('【逾期督办】'))!;
    const to = (Array.isArray(overdueMail.to) ? overdueMail.to : [overdueMail.to]).flatMap((x) =>
      x!.value.map((v) => v.address),
    );
    expect(to.sort()).toEqual(['leader@example.cn', 'liaison@example.cn']);
    expect(overdueMail.text).toContain('办理期限：2025-06-30');

    // In-app: the liaison has both; the leader only the escalation.
    const liaison = await signIn(t.app, tenant.liaison);
    const ln = (await liaison.get('/api/v1/notifications?unread=true')).json();
    expect(ln.items.map((n: { kind: string }) => n.kind).sort()).toEqual(
      [
        'matter.assign',
        'matter.assign',
        'matter.assign',
        'matter.reminder.red',
        'matter.reminder.yellow',
      ].sort(),
    );
    const leader = await signIn(t.app, tenant.leader);
    // The leader's own list: the matters they supervise (staff, who supervise none, get none).
    const supervised = (await leader.get('/api/v1/matters?supervisedByMe=true')).json().items;
    expect(supervised.map((m: { id: string }) => m.id).sort()).toEqual(
      [
        soon.id,
        late.id,
        ...((await leader.get('/api/v1/matters?warning=green')).json().items as { id: string }[]).map(
          (m) => m.id,
        ),
      ].sort(),
    );
    expect((await staff.get('/api/v1/matters?supervisedByMe=true')).json().items).toEqual([]);
    const lead = (await leader.get('/api/v1/notifications')).json();
    expect(lead.items.map((n: { kind: string }) => n.kind)).toEqual(['matter.escalation']);
    expect(lead.unread).toBe(1);
    expect((await leader.post(`/api/v1/notifications/${lead.items[0].id}/read`)).statusCode).toBe(204);
    expect((await leader.get('/api/v1/notifications')).json().unread).toBe(0);
    expect((await liaison.post(`/api/v1/notifications/${lead.items[0].id}/read`)).statusCode).toBe(404);

    // A second scan the same day sends nothing new.
    const before = smtp.mails.length;
    // (The hourly scan itself is deduplicated per hour; drop it to scan again within the hour.)
    await t.db.delete(jobs).where(eq(jobs.kind, 'matters.scan'));
    await enqueueScans(t.db);
    const again = new JobRunner(
      t.db,
      jobHandlers({ sessionIdleMinutes: 30, mailer: smtpMailer(smtp.url, 'y@example.cn') }),
    );
    while ((await again.tick()) > 0) {}
    expect(smtp.mails.length).toBe(before);
  });
});
