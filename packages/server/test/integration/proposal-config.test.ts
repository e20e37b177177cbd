import { DEFAULT_PROPOSAL_CONFIG, validationMessage } from '@yiting/domain';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bodies } from '../../src/db/schema.ts';
import { signIn, useTestApp } from '../helpers/app.ts';
import { engineUnavailable } from '../helpers/db.ts';
import { createTenant, createUser } from '../helpers/factories.ts';
import { member, proposalAct as ok, proposalTransition } from '../helpers/proposals.ts';

describe.skipIf(engineUnavailable())('the proposal configuration the forms read', () => {
  const t = useTestApp();

  it('answers the defaults, then a body’s own scale rated apart, which the rating then follows', async () => {
    const tenant = await createTenant(t.db, { kind: 'cppcc_committee' });
    const staff = await signIn(t.app, tenant.staff);
    const liaison = await signIn(t.app, tenant.liaison);

    // Any reader of proposals may ask (the unit answers with categories, the proposer rates).
    let res = await liaison.get('/api/v1/proposals/config');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      rejectReasons: DEFAULT_PROPOSAL_CONFIG.rejectReasons,
      resultCategories: ['A', 'B', 'C', 'D'],
      ratingScale: ['satisfied', 'basically_satisfied', 'unsatisfied'],
      unsatisfiedRatings: ['unsatisfied'],
      rateAttitudeAndResultApart: false,
      labels: {},
    });
    const expert = await signIn(t.app, await createUser(t.db, tenant.body.id, ['expert']));
    expect((await expert.get('/api/v1/proposals/config')).statusCode).toBe(403);

    // This body rates the unit's attitude and the result apart, on a scale of its own.
    const labels = {
      good: { zh: '好', en: 'Good' },
      fair: { zh: '一般', en: 'Fair' },
      poor: { zh: '差', en: 'Poor' },
    };
    await t.db
      .update(bodies)
      .set({
        config: {
          proposal: {
            rateAttitudeAndResultApart: true,
            ratingScale: ['good', 'fair', 'poor'],
            unsatisfiedRatings: ['poor'],
            labels,
            requireContactBeforeReply: false,
            requireCountersign: false,
            requireReplyFile: false,
          },
        },
      })
      .where(eq(bodies.id, tenant.body.id));
    const p = await member(t.db, tenant.body.id, '王提案');
    const proposer = await signIn(t.app, p.user);
    res = await proposer.get('/api/v1/proposals/config');
    const config = res.json();
    expect(config).toMatchObject({
      ratingScale: ['good', 'fair', 'poor'],
      unsatisfiedRatings: ['poor'],
      rateAttitudeAndResultApart: true,
      labels,
    });

    // A proposal through to the reply, rated as the configuration says.
    let a = (
      await proposer.post('/api/v1/proposals', {
        title: '关于加快中试平台建设的提案',
        content: '建议整合高校和企业资源，建设概念验证与中试平台。',
        sessionTerm: 14,
        sessionMeeting: 3,
      })
    ).json();
    a = await ok(proposer, a, 'submit');
    a = await ok(staff, a, 'accept');
    a = await ok(staff, a, 'assign', { mode: 'lead', leadUnitId: tenant.unit.id });
    a = await ok(liaison, a, 'receive');
    a = await ok(liaison, a, 'submit_reply', { category: 'A', summary: '已建成中试平台并投入使用。' });
    a = await ok(staff, a, 'approve_reply');
    expect(a.state).toBe('replied');

    // One overall rating, as a body that does not rate apart would take, is refused: both aspects are due.
    const unitId = tenant.unit.id;
    res = await proposalTransition(proposer, a, 'rate', { ratings: [{ unitId, overall: 'good' }] });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual(
      expect.arrayContaining([
        { path: 'payload.ratings.0.attitude', message: validationMessage('rating_required', 'zh-CN') },
        { path: 'payload.ratings.0.result', message: validationMessage('rating_required', 'zh-CN') },
      ]),
    );
    // The default scale's words are not this body's.
    res = await proposalTransition(proposer, a, 'rate', {
      ratings: [{ unitId, attitude: 'satisfied', result: 'satisfied' }],
    });
    expect(res.statusCode).toBe(422);
    a = await ok(proposer, a, 'rate', {
      ratings: [{ unitId, attitude: config.ratingScale[0], result: config.ratingScale[1] }],
    });
    expect(a.state).toBe('closed');
    expect(a.ratings).toMatchObject([{ unitId, overall: null, attitude: 'good', result: 'fair' }]);
  });
});
