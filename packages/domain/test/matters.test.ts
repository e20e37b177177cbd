import { describe, expect, it } from 'vitest';
import { availableActions, fire, type Party, warningLevel } from '../src/tracking/engine.ts';
import {
  DEFAULT_MATTER_CONFIG,
  MATTER_ACTIONS,
  MATTER_STATES,
  type MatterAction,
  MatterActionPayloads,
  type MatterData,
  type MatterState,
  matterMachine,
  newMatterData,
  votePasses,
} from '../src/tracking/matters.ts';

const NOW = new Date('2025-08-01T02:00:00Z');
const UNIT = '01900000-0000-7000-8000-000000000001';
const UNIT2 = '01900000-0000-7000-8000-000000000002';
const FILE = '01900000-0000-7000-8000-0000000000f1';

function item(state: MatterState, data: Partial<MatterData> = {}) {
  return { state, version: 1, data: { ...newMatterData('research_finding'), ...data } };
}
const ctx = (parties: Party[], now = NOW, config = DEFAULT_MATTER_CONFIG) => ({ now, config, parties });

/** A valid payload per action, so the matrix test exercises state and party rules only. */
const PAYLOAD: Record<MatterAction, unknown> = {
  assign: { leadUnitId: UNIT, deadline: '2025-09-30' },
  receive: {},
  object: { reason: '不属于本单位职责' },
  reassign: { leadUnitId: UNIT2 },
  dismiss_objection: { reason: '经核实属于该单位职责' },
  report_progress: { measures: '已制定整改方案', status: 'in_progress' },
  request_extension: { until: '2025-12-31', reason: '需协调省级部门' },
  approve_extension: {},
  reject_extension: { reason: '理由不充分' },
  submit_completion: { summary: '已完成整改', evidenceFileIds: [FILE] },
  return: { reason: '佐证材料不足' },
  close_out: {},
  record_vote: { satisfied: 30, unsatisfied: 5 },
  reopen: { reason: '问题反弹' },
  urge: { message: '请加快办理' },
  cancel: { reason: '重复交办' },
};

// The declared workflow, written out independently of the machine: [action, from-states, parties].
const SPEC: [MatterAction, MatterState[], Party[]][] = [
  ['assign', ['draft'], ['office']],
  ['receive', ['assigned'], ['lead_unit']],
  ['object', ['assigned'], ['lead_unit']],
  ['reassign', ['objected'], ['office']],
  ['dismiss_objection', ['objected'], ['office']],
  ['report_progress', ['received', 'in_rectification'], ['lead_unit']],
  ['request_extension', ['received', 'in_rectification'], ['lead_unit']],
  ['approve_extension', ['received', 'in_rectification'], ['office', 'leader', 'supervisor']],
  ['reject_extension', ['received', 'in_rectification'], ['office', 'leader', 'supervisor']],
  ['submit_completion', ['received', 'in_rectification'], ['lead_unit']],
  ['return', ['completion_submitted'], ['office']],
  ['close_out', ['completion_submitted'], ['office', 'leader', 'supervisor']],
  ['record_vote', ['completion_submitted'], ['office']],
  ['reopen', ['closed'], ['office', 'leader', 'supervisor']],
  [
    'urge',
    ['assigned', 'objected', 'received', 'in_rectification', 'completion_submitted'],
    ['office', 'leader', 'supervisor'],
  ],
  ['cancel', ['draft', 'assigned', 'objected'], ['office']],
];
const PARTIES: Party[] = [
  'office',
  'leader',
  'supervisor',
  'lead_unit',
  'co_unit',
  'proposer',
  'cosigner',
  'system',
];

describe('matter state machine', () => {
  it('declares exactly the specified transitions: every state × action × party', () => {
    expect(SPEC.map((s) => s[0]).sort()).toEqual([...MATTER_ACTIONS].sort());
    for (const [action, froms, parties] of SPEC) {
      for (const state of MATTER_STATES) {
        for (const party of PARTIES) {
          // Items that need a pending extension get one, so only state and party decide here.
          const it = item(state, {
            pendingExtension: { until: '2025-12-31', reason: 'x' },
            deadline: '2025-12-01',
          });
          const payload = MatterActionPayloads[action].parse(PAYLOAD[action]);
          const res = fire(matterMachine, it, action, payload, ctx([party]));
          const expected = froms.includes(state)
            ? parties.includes(party)
              ? 'ok'
              : 'not_allowed'
            : 'wrong_state';
          const got = res.ok
            ? 'ok'
            : res.code === 'rule_failed'
              ? `rule:${res.issues?.[0]?.message}`
              : res.code;
          const allowedButRule = expected === 'ok' && got.startsWith('rule:');
          // request_extension is refused by a rule here (one is already pending); that is checked below.
          expect(
            allowedButRule ? (action === 'request_extension' ? 'ok' : got) : got,
            `${action} ${state} ${party}`,
          ).toBe(expected);
        }
      }
    }
  });

  it('reaches every state from draft, and leaves final states only by reopening', () => {
    const reachable = new Set<MatterState>(['draft']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const t of Object.values(matterMachine.transitions)) {
        if (typeof t.to !== 'string') continue;
        if (t.from.some((f: MatterState) => reachable.has(f)) && !reachable.has(t.to)) {
          reachable.add(t.to);
          grew = true;
        }
      }
    }
    expect([...reachable].sort()).toEqual([...MATTER_STATES].sort());
    const leavingFinal = SPEC.filter(([, froms]) => froms.some((f) => f === 'closed' || f === 'cancelled'));
    expect(leavingFinal.map((s) => s[0])).toEqual(['reopen']);
  });

  it('offers the UI the actions of the party in the current state', () => {
    expect(availableActions(matterMachine, item('assigned'), ctx(['lead_unit']))).toEqual([
      'receive',
      'object',
    ]);
    expect(availableActions(matterMachine, item('completion_submitted'), ctx(['office'])).sort()).toEqual(
      ['close_out', 'record_vote', 'return', 'urge'].sort(),
    );
    expect(availableActions(matterMachine, item('closed'), ctx(['lead_unit']))).toEqual([]);
  });

  it('assigns with the default time limit of the source when no deadline is given', () => {
    const res = fire(matterMachine, item('draft'), 'assign', { leadUnitId: UNIT }, ctx(['office']));
    expect(res).toMatchObject({
      ok: true,
      to: 'assigned',
      set: { leadUnitId: UNIT, deadline: '2025-11-01' },
    });
    const decision = { state: 'draft' as const, version: 1, data: newMatterData('meeting_decision') };
    const r2 = fire(matterMachine, decision, 'assign', { leadUnitId: UNIT }, ctx(['office']));
    expect(r2.ok && r2.set.deadline).toBe('2025-08-21');
  });

  it('refuses a deadline in the past', () => {
    const res = fire(
      matterMachine,
      item('draft'),
      'assign',
      { leadUnitId: UNIT, deadline: '2025-07-31' },
      ctx(['office']),
    );
    expect(res).toEqual({
      ok: false,
      code: 'rule_failed',
      issues: [{ path: 'deadline', message: 'deadline_in_past' }],
    });
    const today = fire(
      matterMachine,
      item('draft'),
      'assign',
      { leadUnitId: UNIT, deadline: '2025-08-01' },
      ctx(['office']),
    );
    expect(today.ok).toBe(true);
  });

  it('accepts an objection only within the window', () => {
    const assignedAt = '2025-07-25T02:00:00Z';
    const inTime = fire(
      matterMachine,
      item('assigned', { assignedAt }),
      'object',
      PAYLOAD.object,
      ctx(['lead_unit']),
    );
    expect(inTime.ok).toBe(true);
    const late = fire(
      matterMachine,
      item('assigned', { assignedAt: '2025-07-01T02:00:00Z' }),
      'object',
      PAYLOAD.object,
      ctx(['lead_unit']),
    );
    expect(late).toMatchObject({ ok: false, issues: [{ message: 'objection_window_passed' }] });
  });

  it('reassigns an objected matter only to a different unit', () => {
    const res = fire(
      matterMachine,
      item('objected', { leadUnitId: UNIT }),
      'reassign',
      { leadUnitId: UNIT },
      ctx(['office']),
    );
    expect(res).toMatchObject({ ok: false, issues: [{ path: 'leadUnitId', message: 'same_unit' }] });
  });

  it('allows one extension, asked before the deadline, to a later date, approved by the office', () => {
    const base = item('in_rectification', { deadline: '2025-09-30' });
    const req = fire(matterMachine, base, 'request_extension', PAYLOAD.request_extension, ctx(['lead_unit']));
    expect(req).toMatchObject({
      ok: true,
      to: 'in_rectification',
      set: { pendingExtension: { until: '2025-12-31' } },
    });
    const pending = item('in_rectification', {
      deadline: '2025-09-30',
      pendingExtension: { until: '2025-12-31', reason: 'r' },
    });
    expect(
      fire(matterMachine, pending, 'request_extension', PAYLOAD.request_extension, ctx(['lead_unit'])),
    ).toMatchObject({
      ok: false,
      issues: [{ message: 'extension_pending' }],
    });
    const ok = fire(matterMachine, pending, 'approve_extension', {}, ctx(['office']));
    expect(ok).toMatchObject({
      ok: true,
      set: { deadline: '2025-12-31', pendingExtension: null, extensionCount: 1 },
    });
    const used = item('in_rectification', { deadline: '2025-12-31', extensionCount: 1 });
    expect(
      fire(
        matterMachine,
        used,
        'request_extension',
        { until: '2026-01-31', reason: '再次延期' },
        ctx(['lead_unit']),
      ),
    ).toMatchObject({ ok: false, issues: [{ message: 'extension_limit' }] });
    const overdue = item('in_rectification', { deadline: '2025-07-15' });
    expect(
      fire(matterMachine, overdue, 'request_extension', PAYLOAD.request_extension, ctx(['lead_unit'])),
    ).toMatchObject({
      ok: false,
      issues: [{ message: 'extension_after_deadline' }],
    });
    const earlier = fire(
      matterMachine,
      base,
      'request_extension',
      { until: '2025-09-01', reason: '提前' },
      ctx(['lead_unit']),
    );
    expect(earlier).toMatchObject({ ok: false, issues: [{ message: 'extension_not_later' }] });
    expect(fire(matterMachine, base, 'approve_extension', {}, ctx(['office']))).toMatchObject({
      ok: false,
      issues: [{ message: 'no_extension_pending' }],
    });
  });

  it('needs evidence to submit completion, unless the body does not require it', () => {
    const res = fire(
      matterMachine,
      item('in_rectification'),
      'submit_completion',
      { summary: '已整改' },
      ctx(['lead_unit']),
    );
    expect(res).toMatchObject({
      ok: false,
      issues: [{ path: 'evidenceFileIds', message: 'evidence_required' }],
    });
    const lax = { ...DEFAULT_MATTER_CONFIG, requireEvidence: false };
    const ok = fire(
      matterMachine,
      item('in_rectification'),
      'submit_completion',
      { summary: '已整改' },
      ctx(['lead_unit'], NOW, lax),
    );
    expect(ok).toMatchObject({ ok: true, to: 'completion_submitted' });
  });

  it('counts returns, and closes out with the time recorded', () => {
    const ret = fire(
      matterMachine,
      item('completion_submitted', { returnCount: 1 }),
      'return',
      PAYLOAD.return,
      ctx(['office']),
    );
    expect(ret).toMatchObject({ ok: true, to: 'in_rectification', set: { returnCount: 2 } });
    const close = fire(matterMachine, item('completion_submitted'), 'close_out', {}, ctx(['leader']));
    expect(close).toMatchObject({ ok: true, to: 'closed', set: { closedAt: NOW.toISOString() } });
  });

  it('closes on a satisfied majority; two failed votes mark the matter for accountability', () => {
    expect(votePasses({ satisfied: 10, unsatisfied: 10 })).toBe(false);
    expect(votePasses({ satisfied: 8, basicallySatisfied: 3, unsatisfied: 10 })).toBe(true);
    expect(votePasses({ satisfied: 10, unsatisfied: 5, abstained: 6 })).toBe(false);
    const pass = fire(
      matterMachine,
      item('completion_submitted'),
      'record_vote',
      { satisfied: 30, unsatisfied: 5 },
      ctx(['office']),
    );
    expect(pass).toMatchObject({ ok: true, to: 'closed' });
    const vote = MatterActionPayloads.record_vote.parse({ satisfied: 5, unsatisfied: 30 });
    const first = fire(matterMachine, item('completion_submitted'), 'record_vote', vote, ctx(['office']));
    expect(first).toMatchObject({
      ok: true,
      to: 'in_rectification',
      set: { voteFailures: 1, accountability: false },
    });
    const second = fire(
      matterMachine,
      item('completion_submitted', { voteFailures: 1 }),
      'record_vote',
      vote,
      ctx(['office']),
    );
    expect(second).toMatchObject({
      ok: true,
      to: 'in_rectification',
      set: { voteFailures: 2, accountability: true },
    });
    const empty = MatterActionPayloads.record_vote.parse({ satisfied: 0, unsatisfied: 0 });
    expect(fire(matterMachine, item('completion_submitted'), 'record_vote', empty, ctx(['office'])).ok).toBe(
      false,
    );
  });

  it('validates payload shapes with the shared schemas', () => {
    expect(MatterActionPayloads.assign.safeParse({ leadUnitId: 'x' }).success).toBe(false);
    expect(MatterActionPayloads.assign.safeParse({ leadUnitId: UNIT, extra: 1 }).success).toBe(false);
    expect(MatterActionPayloads.report_progress.safeParse({ measures: '措施', status: 'done' }).success).toBe(
      false,
    );
    expect(MatterActionPayloads.object.safeParse({ reason: '' }).success).toBe(false);
  });
});

describe('warning level', () => {
  const deadline = new Date('2025-08-10T15:59:59Z');
  it('is green on track, yellow within N days or when a report is missing, red when overdue', () => {
    expect(warningLevel({ deadline, active: true }, new Date('2025-08-01T00:00:00Z'), 3)).toBe('green');
    expect(warningLevel({ deadline, active: true }, new Date('2025-08-08T00:00:00Z'), 3)).toBe('yellow');
    expect(warningLevel({ deadline, active: true }, new Date('2025-08-11T00:00:00Z'), 3)).toBe('red');
    const report = {
      deadline,
      active: true,
      reportEveryDays: 7,
      lastReportAt: new Date('2025-07-20T00:00:00Z'),
    };
    expect(warningLevel(report, new Date('2025-08-01T00:00:00Z'), 3)).toBe('yellow');
    expect(warningLevel({ deadline, active: false }, new Date('2025-09-01T00:00:00Z'), 3)).toBeNull();
    expect(warningLevel({ deadline: null, active: true }, new Date('2025-09-01T00:00:00Z'), 3)).toBe('green');
  });
  it('uses the configured threshold', () => {
    expect(warningLevel({ deadline, active: true }, new Date('2025-08-04T00:00:00Z'), 7)).toBe('yellow');
  });
});
