import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { accounts } from '../../src/db/schema.ts';
import { foldLine } from '../../src/ics.ts';
import { signIn, useTestApp } from '../helpers/app.ts';
import { engineUnavailable } from '../helpers/db.ts';
import { createTenant } from '../helpers/factories.ts';

describe.skipIf(engineUnavailable())('iCalendar feeds', () => {
  const t = useTestApp();

  it('serves the body’s and a person’s activities as .ics that a real parser reads, behind a revocable secret', async () => {
    const tenant = await createTenant(t.db);
    const staff = await signIn(t.app, tenant.staff);
    const person = (await staff.post('/api/v1/people', { name: '徐锡彦' })).json();
    const soon = new Date(Date.now() + 3 * 86_400_000);
    const later = new Date(Date.now() + 3 * 86_400_000 + 2 * 3600_000);
    const meeting = (
      await staff.post('/api/v1/activities', {
        type: 'thematic_meeting',
        title: '加快培育发展新质生产力专题会议；建言献策, 部门应询',
        place: '市人大常委会第一会议室',
        description: '第一行\n第二行',
        startsAt: soon.toISOString(),
        endsAt: later.toISOString(),
        participants: [{ personId: person.id, role: 'invited_deputy' }],
      })
    ).json();
    await staff.post('/api/v1/activities', {
      type: 'research',
      title: '空间保障专题调研',
      startsAt: soon.toISOString(),
    });

    const feed = await staff.post('/api/v1/calendar/feeds', { scope: 'body' });
    expect(feed.statusCode).toBe(201);
    const path = new URL(feed.json().url).pathname;
    const res = await t.app.inject({ method: 'GET', url: path });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    const cal = new ICAL.Component(ICAL.parse(res.body));
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.summary).sort()).toEqual(
      [
        '【专题会议】加快培育发展新质生产力专题会议；建言献策, 部门应询',
        '【专题调研】空间保障专题调研',
      ].sort(),
    );
    const e = events.find((x) => x.uid === `${meeting.id}@yiting`)!;
    expect(e.location).toBe('市人大常委会第一会议室');
    expect(e.description).toBe('第一行\n第二行');
    expect(e.startDate.toJSDate().getTime()).toBe(Math.floor(soon.getTime() / 1000) * 1000);
    expect(e.endDate.toJSDate().getTime()).toBe(Math.floor(later.getTime() / 1000) * 1000);

    // A new URL revokes the old one; a made-up one is not found.
    const again = await staff.post('/api/v1/calendar/feeds', { scope: 'body' });
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: new URL(again.json().url).pathname })).statusCode).toBe(
      200,
    );
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/calendar/cal_AAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics' }))
        .statusCode,
    ).toBe(404);
  });

  it('a personal feed holds only the activities the person takes part in', async () => {
    const tenant = await createTenant(t.db);
    const staff = await signIn(t.app, tenant.staff);
    const person = (await staff.post('/api/v1/people', { name: '崔岩' })).json();
    await t.db.update(accounts).set({ personId: person.id }).where(eq(accounts.id, tenant.deputy.id));
    const start = new Date(Date.now() + 86_400_000).toISOString();
    await staff.post('/api/v1/activities', {
      type: 'inspection',
      title: '大型赛事助推体育经济发展专题视察',
      startsAt: start,
      participants: [{ personId: person.id, role: 'invited_deputy' }],
    });
    await staff.post('/api/v1/activities', { type: 'study', title: '不相关的活动', startsAt: start });
    const deputy = await signIn(t.app, tenant.deputy);
    const feed = (await deputy.post('/api/v1/calendar/feeds', { scope: 'personal' })).json();
    const res = await t.app.inject({ method: 'GET', url: new URL(feed.url).pathname });
    const cal = new ICAL.Component(ICAL.parse(res.body));
    expect(cal.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('summary'))).toEqual([
      '【视察】大型赛事助推体育经济发展专题视察',
    ]);
    // The staff account has no person: no personal feed.
    expect((await staff.post('/api/v1/calendar/feeds', { scope: 'personal' })).statusCode).toBe(409);
  });

  it('folds long lines at 75 octets without breaking a character', () => {
    const line = `SUMMARY:${'议'.repeat(60)}`;
    const folded = foldLine(line);
    for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(
      folded
        .split('\r\n')
        .map((p, i) => (i ? p.slice(1) : p))
        .join(''),
    ).toBe(line);
  });
});
