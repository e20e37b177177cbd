import { randomBytes } from 'node:crypto';
import { searchText } from '@yiting/domain';
import { and, eq, sql } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accounts,
  auditLog,
  bodies,
  itemSigners,
  jobs,
  notifications,
  people,
  trackedItems,
} from '../../src/db/schema.ts';
import { newId } from '../../src/ids.ts';
import { jobHandlers } from '../../src/jobs/index.ts';
import { enqueueScans, reminderHandlers } from '../../src/jobs/reminders.ts';
import { type JobRow, JobRunner } from '../../src/jobs/runner.ts';
import { type Mailer, smtpMailer } from '../../src/mail.ts';
import { type Client, signIn, useTestApp } from '../helpers/app.ts';
import { engineUnavailable } from '../helpers/db.ts';
import { createTenant, createUnit, createUser } from '../helpers/factories.ts';
import { inDays } from '../helpers/matters.ts';
import { personWithAccount } from '../helpers/proposals.ts';
import { startSmtp } from '../helpers/smtp.ts';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const addresses = (m: ParsedMail) =>
  (Array.isArray(m.to) ? m.to : [m.to]).flatMap((x) => x!.value.map((v) => v.address!)).sort();

describe.skipIf(engineUnavailable())(
  'deadlines of proposals: the system closes signatures, units are reminded',
  () => {
    const t = useTestApp();
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    let mailer: Mailer;
    beforeAll(async () => {
      smtp = await startSmtp();
      mailer = smtpMailer(smtp.url, 'yiting@example.cn');
    });
    afterAll(async () => {
      mailer?.close();
      await smtp?.close();
    });

    /** A person of the body with an e-mail address. */
    async function person(bodyId: string, name: string, email: string) {
      const id = newId();
      await t.db.insert(people).values({ id, bodyId, name, email, searchText: searchText(name) });
      return id;
    }
    /** A member (委员) with an e-mail address and an account of their own, signed in. */
    async function member(bodyId: string, name: string, email: string) {
      const m = await personWithAccount(t.db, bodyId, name, { email });
      return { personId: m.personId, c: await signIn(t.app, m.user) };
    }
    /** Gives an account a person with an e-mail address. */
    async function withEmail(bodyId: string, accountId: string, name: string, email: string) {
      const personId = await person(bodyId, name, email);
      await t.db.update(accounts).set({ personId }).where(eq(accounts.id, accountId));
      return personId;
    }

    async function ok(c: Client, p: { id: string; version: number }, action: string, payload: unknown = {}) {
      const res = await c.post(
        `/api/v1/proposals/${p.id}/transitions`,
        { action, payload },
        { 'if-match': `"${p.version}"` },
      );
      expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
      return res.json();
    }

    /** Moves an item's dates, as time passing would (the `deadline` column mirrors the earliest open one). */
    async function setData(id: string, patch: Record<string, unknown>, columns: { deadline?: string } = {}) {
      await t.db
        .update(trackedItems)
        .set({ data: sql`${trackedItems.data} || ${JSON.stringify(patch)}::jsonb`, ...columns })
        .where(eq(trackedItems.id, id));
    }

    /** Two app nodes' runners, claiming side by side until nothing is due; their jobs see `at` as now. */
    async function drain(at: Date) {
      const handlers = {
        ...jobHandlers({ sessionIdleMinutes: 30, mailer }),
        ...reminderHandlers({ mailer, clock: () => at }),
      };
      const a = new JobRunner(t.db, handlers);
      const b = new JobRunner(t.db, handlers);
      for (;;) {
        const [x, y] = await Promise.all([a.tick(), b.tick()]);
        if (x + y === 0) return handlers;
      }
    }
    /**
     * The hourly scan on both nodes, in this hour and the next, then the runners. (Scans are deduplicated
     * per hour slot: the last round's are dropped so that time can pass within the test's hour.) With
     * `days`, the jobs run as that many days later.
     */
    async function hour(days = 0) {
      await t.db.delete(jobs).where(sql`${jobs.kind} like '%.scan'`);
      const at = new Date(Date.now() + days * DAY);
      await Promise.all([enqueueScans(t.db, at), enqueueScans(t.db, at)]);
      await enqueueScans(t.db, new Date(at.getTime() + HOUR));
      return drain(at);
    }
    const mailsAbout = (title: string) => smtp.mails.filter((m) => m.subject?.includes(title));
    const kindsOf = async (accountId: string, itemId: string) =>
      (
        await t.db
          .select({ kind: notifications.kind })
          .from(notifications)
          .where(and(eq(notifications.accountId, accountId), eq(notifications.itemId, itemId)))
      )
        .map((n) => n.kind)
        .sort();

    it('reminds co-signers before the signature deadline and, once it has passed, submits without those who did not confirm: once, as the system', async () => {
      const tenant = await createTenant(t.db, { kind: 'cppcc_committee' });
      const bodyId = tenant.body.id;
      const lead = await member(bodyId, '王领衔', 'lead@example.cn');
      const yes = await member(bodyId, '李附议', 'yes@example.cn');
      const silent = await member(bodyId, '赵未答', 'silent@example.cn');
      const title = `关于完善侨乡文旅融合发展的提案-${randomBytes(2).toString('hex')}`;
      let p = (
        await lead.c.post('/api/v1/proposals', {
          kind: 'proposal',
          title,
          content: '建议统筹碉楼、侨批和骑楼街区资源，打造侨乡文旅精品线路。',
          sessionTerm: 14,
          sessionMeeting: 4,
          cosignerIds: [yes.personId, silent.personId],
        })
      ).json();
      p = await ok(lead.c, p, 'submit');
      expect(p.state).toBe('collecting_signatures');
      p = await ok(yes.c, p, 'confirm_signature');

      // A week to go: nobody is reminded yet.
      await hour();
      expect(mailsAbout(title)).toEqual([]);

      // Two days to go: the co-signer who has not answered is reminded, in-app and by e-mail; once.
      await setData(p.id, { signatureDeadline: inDays(2) });
      await hour();
      await hour();
      await hour(1); // the next day: the same deadline, still near, is not reminded again
      const reminded = mailsAbout(title);
      expect(reminded.map((m) => m.subject)).toEqual([`【联名确认提醒】${title}`]);
      expect(addresses(reminded[0]!)).toEqual(['silent@example.cn']);
      expect(reminded[0]!.text).toContain(`请于 ${inDays(2)} 前登录议厅系统确认或谢绝`);
      const [silentAccount] = await t.db
        .select({ id: accounts.id })
        .from(accounts)
        .where(eq(accounts.personId, silent.personId));
      expect(await kindsOf(silentAccount!.id, p.id)).toEqual([
        'proposal.reminder.signature',
        'proposal.submit',
      ]);

      // The deadline has passed. Both nodes scan, in two hours' slots; one job, one close, by the system.
      await setData(p.id, { signatureDeadline: inDays(-1) });
      const handlers = await hour();
      const after = (await lead.c.get(`/api/v1/proposals/${p.id}`)).json();
      expect(after.state).toBe('submitted');
      expect(after.submitterKind).toBe('joint');
      const [row] = await t.db.select().from(trackedItems).where(eq(trackedItems.id, p.id));
      const data = row!.data as {
        cosigners: { personId: string }[];
        droppedCosigners: { personId: string }[];
      };
      expect(data.cosigners.map((c) => c.personId)).toEqual([yes.personId]);
      expect(data.droppedCosigners.map((c) => c.personId)).toEqual([silent.personId]);
      const signers = await t.db
        .select({ personId: itemSigners.personId, status: itemSigners.status })
        .from(itemSigners)
        .where(eq(itemSigners.itemId, p.id));
      expect(signers.find((s) => s.personId === silent.personId)?.status).toBe('dropped');
      expect(signers.find((s) => s.personId === yes.personId)?.status).toBe('confirmed');

      // A stale copy of the job (a node that died holding it) finds nothing left to do.
      const fire = await t.db
        .select()
        .from(jobs)
        .where(and(eq(jobs.kind, 'proposals.fire'), sql`${jobs.payload}->>'itemId' = ${p.id}`));
      expect(fire.map((j) => [j.status, j.attempts])).toEqual([['done', 1]]);
      await handlers['proposals.fire']!(fire[0] as JobRow, t.db);
      await hour();

      const events = (await lead.c.get(`/api/v1/proposals/${p.id}/events`)).json().items as {
        action: string;
        actorId: string | null;
        actorName: string | null;
        fromState: string;
        toState: string;
      }[];
      const closes = events.filter((e) => e.action === 'close_signatures');
      expect(closes).toEqual([
        expect.objectContaining({
          actorId: null,
          actorName: '系统',
          fromState: 'collecting_signatures',
          toState: 'submitted',
        }),
      ]);
      const audit = await t.db
        .select({ actorId: auditLog.actorId, actorName: auditLog.actorName })
        .from(auditLog)
        .where(and(eq(auditLog.targetId, p.id), eq(auditLog.action, 'proposal.close_signatures')));
      expect(audit).toEqual([{ actorId: null, actorName: '系统' }]);
      // The lead hears of it; the office now sees it among the submitted.
      const [leadAccount] = await t.db
        .select({ id: accounts.id })
        .from(accounts)
        .where(eq(accounts.personId, lead.personId));
      expect(await kindsOf(leadAccount!.id, p.id)).toEqual(['proposal.close_signatures']);
      const staff = await signIn(t.app, tenant.staff);
      const list = (await staff.get('/api/v1/proposals?state=submitted')).json().items as { id: string }[];
      expect(list.map((x) => x.id)).toContain(p.id);
      // Nobody could fire it by hand: it is the system's alone.
      const res = await staff.post(
        `/api/v1/proposals/${p.id}/transitions`,
        { action: 'close_signatures', payload: {} },
        { 'if-match': `"${after.version}"` },
      );
      expect(res.statusCode).toBe(409);
      expect(mailsAbout(title)).toHaveLength(1);
    });

    it("reminds the handling units' liaisons of their deadlines, once per deadline and level, and escalates a late key proposal", async () => {
      const tenant = await createTenant(t.db, { kind: 'cppcc_committee' });
      const bodyId = tenant.body.id;
      const tag = randomBytes(2).toString('hex');
      const staff = await signIn(t.app, tenant.staff);
      const author = await member(bodyId, '孙提案', `author-${tag}@example.cn`);
      const coUnit = await createUnit(t.db, bodyId, { kind: 'department' });
      const coLiaison = await createUser(t.db, bodyId, ['liaison'], { unitId: coUnit.id });
      await withEmail(bodyId, tenant.liaison.id, '主办联络员', `lead-${tag}@example.cn`);
      await withEmail(bodyId, coLiaison.id, '会办联络员', `co-${tag}@example.cn`);
      const leaderPerson = await withEmail(bodyId, tenant.leader.id, '督办领导', `leader-${tag}@example.cn`);

      const title = `关于加快中试平台建设的提案-${tag}`;
      let p = (
        await author.c.post('/api/v1/proposals', {
          kind: 'proposal',
          title,
          content: '建议整合高校和企业资源，建设概念验证与中试平台。',
          sessionTerm: 14,
          sessionMeeting: 4,
        })
      ).json();
      p = await ok(author.c, p, 'submit');
      p = await ok(staff, p, 'accept');
      p = await ok(staff, p, 'assign', { mode: 'lead', leadUnitId: tenant.unit.id, coUnitIds: [coUnit.id] });
      p = await ok(staff, p, 'mark_key', { key: true, supervisorPersonId: leaderPerson });
      // Freshly assigned, every deadline weeks away: nothing is owed.
      await hour();
      expect(mailsAbout(title)).toEqual([]);

      // The contact deadline has passed (the lead unit has not called the proposer); the co-unit's opinion
      // is due in two days; the reply is months away.
      await setData(
        p.id,
        { contactDeadline: inDays(-2), coOpinionDeadline: inDays(2), replyDeadline: inDays(60) },
        { deadline: inDays(-2) },
      );
      await hour();
      await hour();
      await hour(1); // the next day: the same deadlines, at the same levels, are not reminded again
      const first = mailsAbout(title);
      const by = new Map(first.map((m) => [addresses(m).join(), m]));
      expect([...by.keys()].sort()).toEqual([
        `co-${tag}@example.cn`,
        `lead-${tag}@example.cn,leader-${tag}@example.cn`,
      ]);
      const late = by.get(`lead-${tag}@example.cn,leader-${tag}@example.cn`)!;
      expect(late.subject).toBe(`【逾期督办】提案 ${p.number} ${title}`);
      expect(late.text).toContain('联系提案人的期限已过');
      expect(late.text).toContain(`承办单位：${tenant.unit.name}`);
      expect(late.text).toContain(`期限：${inDays(-2)}`);
      const soon = by.get(`co-${tag}@example.cn`)!;
      expect(soon.subject).toBe(`【到期提醒】提案 ${p.number} ${title}`);
      expect(soon.text).toContain('会办单位提出会办意见的期限即将到期');
      expect(soon.text).toContain(`承办单位：${coUnit.name}`);
      expect(await kindsOf(tenant.liaison.id, p.id)).toEqual([
        'proposal.assign',
        'proposal.reminder.contact.red',
      ]);
      expect(await kindsOf(coLiaison.id, p.id)).toEqual([
        'proposal.assign',
        'proposal.reminder.co_opinion.yellow',
      ]);
      expect(await kindsOf(tenant.leader.id, p.id)).toEqual(['proposal.escalation']);
      expect(await kindsOf(tenant.staff.id, p.id)).toEqual([]);

      // The lead unit receives the item and calls the proposer: that deadline is met, nobody hears of it
      // again. The co-unit's deadline passes: a new level of the same deadline, reminded once more.
      const lead = await signIn(t.app, tenant.liaison);
      p = (await staff.get(`/api/v1/proposals/${p.id}`)).json();
      p = await ok(lead, p, 'receive');
      p = await ok(lead, p, 'record_contact', {
        method: 'phone',
        date: inDays(0),
        note: '电话联系提案人，听取意见。',
      });
      await setData(p.id, { coOpinionDeadline: inDays(-1) }, { deadline: inDays(-1) });
      await hour();
      await hour();
      const second = mailsAbout(title).slice(first.length);
      expect(second.map((m) => [m.subject, addresses(m).join()])).toEqual([
        [`【逾期督办】提案 ${p.number} ${title}`, `co-${tag}@example.cn,leader-${tag}@example.cn`],
      ]);
      expect(second[0]!.text).toContain('会办单位提出会办意见的期限已过');
      expect(await kindsOf(tenant.liaison.id, p.id)).toEqual([
        'proposal.assign',
        'proposal.reminder.contact.red',
      ]);
    });

    it('reminds the proposer to rate a reply after the days the body sets, and not when it sets none', async () => {
      const tenant = await createTenant(t.db, { kind: 'cppcc_committee' });
      const bodyId = tenant.body.id;
      const tag = randomBytes(2).toString('hex');
      const staff = await signIn(t.app, tenant.staff);
      const author = await member(bodyId, '周评价', `rate-${tag}@example.cn`);
      const title = `关于优化公交接驳的提案-${tag}`;
      let p = (
        await author.c.post('/api/v1/proposals', {
          kind: 'proposal',
          title,
          content: '建议优化工业园区公交接驳线路和班次。',
          sessionTerm: 14,
          sessionMeeting: 4,
        })
      ).json();
      p = await ok(author.c, p, 'submit');
      p = await ok(staff, p, 'accept');
      // Replied twelve days ago and not rated (the reply itself is the proposals test's subject).
      await t.db
        .update(trackedItems)
        .set({
          state: 'replied',
          data: sql`${trackedItems.data} || ${JSON.stringify({ repliedAt: new Date(Date.now() - 12 * 86_400_000).toISOString() })}::jsonb`,
        })
        .where(eq(trackedItems.id, p.id));
      await hour();
      expect(mailsAbout(title)).toEqual([]);

      await t.db
        .update(bodies)
        .set({ config: { proposal: { rateReminderDays: 10 } } })
        .where(eq(bodies.id, bodyId));
      await hour();
      await hour();
      const mails = mailsAbout(title);
      expect(mails.map((m) => [m.subject, addresses(m).join()])).toEqual([
        [`【评价提醒】提案 ${p.number} ${title}`, `rate-${tag}@example.cn`],
      ]);
      expect(mails[0]!.text).toContain('请登录议厅系统对办理结果进行评价');
    });
  },
);
