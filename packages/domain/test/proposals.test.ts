import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { codeLabel, LABELS, proposalLabel, VALIDATION_MESSAGES } from '../src/labels.ts';
import { availableActions, type FireResult, fire, type Party } from '../src/tracking/engine.ts';
import {
  addToDate,
  cstDate,
  DEFAULT_PROPOSAL_CONFIG,
  type HandlingUnit,
  newProposalData,
  newUnit,
  PROPOSAL_ACTIONS,
  PROPOSAL_STATES,
  type ProposalAction,
  ProposalActionPayloads,
  type ProposalConfig,
  type ProposalData,
  type ProposalState,
  proposalDueAction,
  proposalIsActive,
  proposalMachine,
  proposalNextDeadline,
  proposalReminders,
  resolveProposalConfig,
} from '../src/tracking/proposals.ts';

const NOW = new Date('2025-08-01T02:00:00Z'); // Friday 10:00 in China
const LEAD = '01900000-0000-7000-8000-000000000001';
const CO = '01900000-0000-7000-8000-000000000002';
const OTHER = '01900000-0000-7000-8000-000000000003';
const NEW = '01900000-0000-7000-8000-000000000004';
const PROPOSER = '01900000-0000-7000-8000-0000000000a1';
const COSIGNER = '01900000-0000-7000-8000-0000000000a2';
const COSIGNER2 = '01900000-0000-7000-8000-0000000000a3';
const LEADER = '01900000-0000-7000-8000-0000000000b1';
const TARGET = '01900000-0000-7000-8000-0000000000c1';
const FILE = '01900000-0000-7000-8000-0000000000f1';
const iso = (s: string) => new Date(s).toISOString();

type Item = { state: ProposalState; version: number; data: ProposalData };
type Actor = { personId?: string; unitId?: string };

function unit(unitId: string, role: HandlingUnit['role'], patch: Partial<HandlingUnit> = {}): HandlingUnit {
  return { ...newUnit(unitId, role), ...patch };
}
function item(state: ProposalState, data: Partial<ProposalData> = {}): Item {
  return { state, version: 1, data: { ...newProposalData('proposal'), ...data } };
}
const ctx = (parties: Party[], actor: Actor = {}, now = NOW, config = DEFAULT_PROPOSAL_CONFIG) => ({
  now,
  config,
  parties,
  actor,
});
/** Parses the payload with the action's schema, as the API does, then fires. */
function run(
  it: Item,
  action: ProposalAction,
  payload: unknown,
  parties: Party[],
  actor: Actor = {},
  opts: { now?: Date; config?: ProposalConfig } = {},
): FireResult<ProposalState> {
  const p = ProposalActionPayloads[action].parse(payload);
  return fire(proposalMachine, it, action, p, ctx(parties, actor, opts.now ?? NOW, opts.config));
}
/** The item after a successful transition, as the server would store it. */
function after(it: Item, res: FireResult<ProposalState>): Item {
  if (!res.ok) throw new Error(`expected ok, got ${JSON.stringify(res)}`);
  return { state: res.to, version: it.version + 1, data: { ...it.data, ...res.set } as ProposalData };
}
const issues = (res: FireResult<ProposalState>) => (res.ok ? [] : (res.issues ?? []).map((i) => i.message));

const PAYLOAD: Record<ProposalAction, unknown> = {
  submit: {},
  confirm_signature: {},
  decline_signature: { comment: '不熟悉该领域' },
  close_signatures: {},
  withdraw: { reason: '已通过其他渠道解决' },
  accept: {},
  reject: { reason: 'litigation', explanation: '涉及正在审理的案件' },
  return_for_revision: { reason: '请聚焦一个问题' },
  offer_conversion: { to: 'opinion_report', reason: '更适合以社情民意信息反映' },
  accept_conversion: { note: '电话征得同意' },
  decline_conversion: {},
  merge: { targetId: TARGET },
  absorb: { itemIds: [TARGET] },
  assign: { mode: 'lead', leadUnitId: LEAD, coUnitIds: [CO] },
  receive: {},
  object: { reason: '不属于本单位职责' },
  reassign: { unitId: NEW },
  dismiss_objection: { reason: '经核实属于该单位职责' },
  record_contact: { method: 'visit', date: '2025-08-01', note: '上门走访提案人' },
  send_opinion: { opinion: '同意主办单位意见' },
  request_extension: { until: '2025-12-31', reason: '需协调省级部门' },
  approve_extension: {},
  reject_extension: { reason: '理由不充分' },
  submit_reply: { category: 'A', summary: '已解决', fileIds: [FILE] },
  countersign: {},
  return_reply: { reason: '答复过于笼统' },
  approve_reply: {},
  rate: { ratings: [{ unitId: LEAD, overall: 'satisfied' }] },
  final_answer: { category: 'A', summary: '已列入年度计划并完成' },
  close: { reason: '提案人未在期限内测评' },
  mark_key: { key: true, supervisorPersonId: LEADER },
  urge: { message: '请加快办理' },
};

/**
 * One item for the matrix, shaped so that every action's own rules pass and only state and party decide.
 * A few actions need data that would make another action's rule fail; they get it here.
 */
const BASE: Partial<ProposalData> = {
  submitterKind: 'joint',
  cosigners: [{ personId: COSIGNER, status: 'pending', at: null }],
  signatureDeadline: '2025-08-05',
  mode: 'lead',
  units: [unit(LEAD, 'lead', { contactedAt: iso('2025-07-25') }), unit(CO, 'co')],
  assignedAt: iso('2025-07-30T02:00:00Z'),
  contactDeadline: '2025-08-20',
  coOpinionDeadline: '2025-07-31',
  replyDeadline: '2025-10-30',
};
const FOR: Partial<Record<ProposalAction, Partial<ProposalData>>> = {
  close_signatures: { signatureDeadline: '2025-07-31' },
  reassign: { objections: [{ unitId: CO, reason: 'x', at: iso('2025-07-31'), outcome: 'pending' }] },
  approve_extension: { pendingExtension: { until: '2025-12-31', reason: 'x' } },
  reject_extension: { pendingExtension: { until: '2025-12-31', reason: 'x' } },
  approve_reply: {
    units: [
      unit(LEAD, 'lead', { reply: { category: 'A', at: iso('2025-07-31'), round: 1 } }),
      unit(CO, 'co', { countersignedAt: iso('2025-07-31') }),
    ],
  },
  rate: {
    units: [
      unit(LEAD, 'lead', { reply: { category: 'A', at: iso('2025-07-31'), round: 1 }, finalCategory: 'A' }),
    ],
  },
  final_answer: { units: [unit(LEAD, 'lead', { finalCategory: 'B' })] },
};

// The declared workflow, written out independently of the machine: [action, from-states, parties, targets].
const SPEC: [ProposalAction, ProposalState[], Party[], ProposalState[]][] = [
  [
    'submit',
    ['draft', 'collecting_signatures', 'returned'],
    ['proposer'],
    ['collecting_signatures', 'submitted'],
  ],
  ['confirm_signature', ['collecting_signatures'], ['cosigner'], ['collecting_signatures']],
  ['decline_signature', ['collecting_signatures'], ['cosigner'], ['collecting_signatures']],
  ['close_signatures', ['collecting_signatures'], ['system'], ['submitted']],
  [
    'withdraw',
    ['collecting_signatures', 'submitted', 'returned', 'conversion_offered'],
    ['proposer'],
    ['withdrawn'],
  ],
  ['accept', ['submitted'], ['office'], ['accepted']],
  ['reject', ['submitted'], ['office'], ['rejected']],
  ['return_for_revision', ['submitted'], ['office'], ['returned']],
  ['offer_conversion', ['submitted'], ['office'], ['conversion_offered']],
  ['accept_conversion', ['conversion_offered'], ['proposer', 'office'], ['converted']],
  ['decline_conversion', ['conversion_offered'], ['proposer'], ['submitted']],
  ['merge', ['submitted', 'accepted'], ['office'], ['merged']],
  ['absorb', ['submitted', 'accepted', 'assigned', 'objected', 'handling'], ['office'], []],
  ['assign', ['accepted'], ['office'], ['assigned']],
  ['receive', ['assigned'], ['lead_unit'], ['assigned', 'handling']],
  ['object', ['assigned', 'handling'], ['lead_unit', 'co_unit'], ['objected']],
  ['reassign', ['objected'], ['office'], ['assigned', 'handling']],
  ['dismiss_objection', ['objected'], ['office'], ['assigned', 'handling']],
  ['record_contact', ['handling'], ['lead_unit'], ['handling']],
  ['send_opinion', ['assigned', 'handling'], ['co_unit'], []],
  ['request_extension', ['handling'], ['lead_unit'], ['handling']],
  ['approve_extension', ['handling'], ['office', 'leader'], ['handling']],
  ['reject_extension', ['handling'], ['office', 'leader'], ['handling']],
  ['submit_reply', ['handling'], ['lead_unit'], ['handling', 'reply_submitted']],
  ['countersign', ['reply_submitted'], ['co_unit'], ['reply_submitted']],
  ['return_reply', ['reply_submitted'], ['office'], ['handling']],
  ['approve_reply', ['reply_submitted'], ['office'], ['replied']],
  ['rate', ['replied'], ['proposer'], ['handling', 'following_up', 'closed']],
  ['final_answer', ['following_up'], ['lead_unit'], ['following_up', 'closed']],
  ['close', ['replied', 'following_up'], ['office'], ['closed']],
  [
    'mark_key',
    [
      'submitted',
      'accepted',
      'assigned',
      'objected',
      'handling',
      'reply_submitted',
      'replied',
      'following_up',
    ],
    ['office', 'leader'],
    [],
  ],
  [
    'urge',
    ['assigned', 'objected', 'handling', 'reply_submitted', 'following_up'],
    ['office', 'leader', 'supervisor'],
    [],
  ],
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
const FINAL: ProposalState[] = ['rejected', 'converted', 'merged', 'withdrawn', 'closed'];

describe('proposal state machine: declaration', () => {
  it('declares exactly the specified transitions: every state × action × party', () => {
    expect(SPEC.map((s) => s[0]).sort()).toEqual([...PROPOSAL_ACTIONS].sort());
    for (const [action, froms, parties, targets] of SPEC) {
      for (const state of PROPOSAL_STATES) {
        for (const party of PARTIES) {
          const it = item(state, { ...BASE, ...FOR[action] });
          const actor = { personId: COSIGNER, unitId: party === 'co_unit' ? CO : LEAD };
          const res = run(it, action, PAYLOAD[action], [party], actor);
          const expected = froms.includes(state)
            ? parties.includes(party)
              ? 'ok'
              : 'not_allowed'
            : 'wrong_state';
          const got = res.ok ? 'ok' : res.code === 'rule_failed' ? `rule:${issues(res).join(',')}` : res.code;
          expect(got, `${action} ${state} ${party}`).toBe(expected);
          // Actions that keep the state say so ([] targets); the others go where the SPEC says.
          if (res.ok) expect(targets.length ? targets : [state], `${action} ${state}`).toContain(res.to);
        }
      }
    }
  });

  it('reaches every state from draft, and never leaves a final state', () => {
    const reachable = new Set<ProposalState>(['draft']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const [, froms, , targets] of SPEC) {
        if (!froms.some((f) => reachable.has(f))) continue;
        for (const t of targets)
          if (!reachable.has(t)) {
            reachable.add(t);
            grew = true;
          }
      }
    }
    expect([...reachable].sort()).toEqual([...PROPOSAL_STATES].sort());
    expect([...proposalMachine.final].sort()).toEqual([...FINAL].sort());
    expect(SPEC.filter(([, froms]) => froms.some((f) => FINAL.includes(f)))).toEqual([]);
    for (const s of FINAL) expect(availableActions(proposalMachine, item(s), ctx(PARTIES))).toEqual([]);
  });

  it('offers the UI the actions of the party in the current state', () => {
    expect(availableActions(proposalMachine, item('assigned'), ctx(['lead_unit']))).toEqual([
      'receive',
      'object',
    ]);
    expect(availableActions(proposalMachine, item('reply_submitted'), ctx(['co_unit']))).toEqual([
      'countersign',
    ]);
    expect(availableActions(proposalMachine, item('replied'), ctx(['proposer']))).toEqual(['rate']);
    expect(availableActions(proposalMachine, item('submitted'), ctx(['office'])).sort()).toEqual(
      ['absorb', 'accept', 'mark_key', 'merge', 'offer_conversion', 'reject', 'return_for_revision'].sort(),
    );
  });

  it('validates payload shapes with the shared schemas (strict objects)', () => {
    const S = ProposalActionPayloads;
    expect(S.submit.safeParse({ extra: 1 }).success).toBe(false);
    expect(S.merge.safeParse({}).success).toBe(false);
    expect(S.merge.safeParse({ targetId: 'x' }).success).toBe(false);
    expect(S.assign.safeParse({ mode: 'lead', unitIds: [LEAD, CO] }).success).toBe(false);
    expect(S.assign.safeParse({ mode: 'separate', unitIds: [LEAD] }).success).toBe(false);
    expect(S.assign.safeParse({ mode: 'separate', unitIds: [LEAD, CO] }).success).toBe(true);
    expect(S.record_contact.safeParse({ method: 'email', date: '2025-08-01', note: '联系' }).success).toBe(
      false,
    );
    expect(S.reject.safeParse({ reason: '涉密', explanation: '涉及国家秘密' }).success).toBe(false);
    expect(S.rate.safeParse({ ratings: [] }).success).toBe(false);
  });
});

describe('proposal walk-throughs reach every state', () => {
  it('joint proposal to re-handling, follow-up and closing; and the other review outcomes', () => {
    const seen = new Set<ProposalState>();
    const step = (it: Item, a: ProposalAction, p: unknown, parties: Party[], actor: Actor = {}) => {
      const next = after(it, run(it, a, p, parties, actor));
      seen.add(next.state);
      return next;
    };
    let it = item('draft', newProposalData('proposal', 'joint', [COSIGNER]));
    seen.add('draft');
    it = step(it, 'submit', {}, ['proposer']);
    expect(it.state).toBe('collecting_signatures');
    it = step(it, 'confirm_signature', {}, ['cosigner'], { personId: COSIGNER });
    it = step(it, 'submit', {}, ['proposer']);
    expect(it).toMatchObject({ state: 'submitted', data: { submitterKind: 'joint', window: 'year_round' } });
    const review = it;
    seen.add(step(review, 'return_for_revision', { reason: '请修改' }, ['office']).state);
    seen.add(step(review, 'reject', PAYLOAD.reject, ['office']).state);
    seen.add(step(review, 'merge', PAYLOAD.merge, ['office']).state);
    seen.add(step(review, 'withdraw', PAYLOAD.withdraw, ['proposer']).state);
    const offered = step(review, 'offer_conversion', PAYLOAD.offer_conversion, ['office']);
    seen.add(step(offered, 'accept_conversion', {}, ['proposer']).state);
    it = step(review, 'accept', {}, ['office']);
    it = step(it, 'assign', { mode: 'lead', leadUnitId: LEAD, coUnitIds: [CO] }, ['office']);
    it = step(it, 'object', { reason: '不属于本单位' }, ['co_unit'], { unitId: CO });
    it = step(it, 'reassign', { unitId: NEW }, ['office']);
    expect(it.state).toBe('assigned');
    it = step(it, 'receive', {}, ['lead_unit'], { unitId: LEAD });
    expect(it.state).toBe('handling');
    it = step(it, 'record_contact', PAYLOAD.record_contact, ['lead_unit'], { unitId: LEAD });
    it = step(it, 'send_opinion', PAYLOAD.send_opinion, ['co_unit'], { unitId: NEW });
    it = step(it, 'submit_reply', { category: 'A', summary: '已解决', fileIds: [FILE] }, ['lead_unit'], {
      unitId: LEAD,
    });
    expect(it.state).toBe('reply_submitted');
    it = step(it, 'countersign', {}, ['co_unit'], { unitId: NEW });
    // The office finds the result only planned: B.
    it = step(it, 'approve_reply', { categories: [{ unitId: LEAD, category: 'B' }] }, ['office']);
    expect(it.state).toBe('replied');
    it = step(it, 'rate', { ratings: [{ unitId: LEAD, overall: 'unsatisfied' }] }, ['proposer']);
    expect(it).toMatchObject({ state: 'handling', data: { round: 2, replyDeadline: '2025-09-01' } });
    it = step(
      it,
      'submit_reply',
      { category: 'B', summary: '已列入明年计划', fileIds: [FILE] },
      ['lead_unit'],
      {
        unitId: LEAD,
      },
    );
    it = step(it, 'countersign', {}, ['co_unit'], { unitId: NEW });
    it = step(it, 'approve_reply', {}, ['office']);
    it = step(it, 'rate', { ratings: [{ unitId: LEAD, overall: 'basically_satisfied' }] }, ['proposer']);
    expect(it.state).toBe('following_up');
    it = step(it, 'final_answer', PAYLOAD.final_answer, ['lead_unit'], { unitId: LEAD });
    expect(it.state).toBe('closed');
    expect(it.data.ratings.map((r) => [r.round, r.overall])).toEqual([
      [1, 'unsatisfied'],
      [2, 'basically_satisfied'],
    ]);
    expect([...seen].sort()).toEqual([...PROPOSAL_STATES].sort());
  });
});

describe('submission and co-signing', () => {
  it('opens a co-signing window on a joint draft, then submits', () => {
    const draft = item('draft', newProposalData('proposal', 'joint', [COSIGNER, COSIGNER2]));
    const res = run(draft, 'submit', {}, ['proposer']);
    expect(res).toMatchObject({
      ok: true,
      to: 'collecting_signatures',
      set: { signatureDeadline: '2025-08-08' },
    });
    const single = run(item('draft'), 'submit', {}, ['proposer']);
    expect(single).toMatchObject({ ok: true, to: 'submitted', set: { window: 'year_round' } });
  });

  it('needs a co-signer for a joint proposal', () => {
    expect(issues(run(item('draft', { submitterKind: 'joint' }), 'submit', {}, ['proposer']))).toEqual([
      'cosigners_required',
    ]);
    expect(run(item('draft', { submitterKind: 'sector' }), 'submit', {}, ['proposer']).ok).toBe(true);
  });

  it('receives submissions only within the plenary window when the body takes none between sessions', () => {
    const config = {
      ...DEFAULT_PROPOSAL_CONFIG,
      yearRound: false,
      plenaryWindow: { start: '2025-01-10', end: '2025-01-20' },
    };
    expect(issues(run(item('draft'), 'submit', {}, ['proposer'], {}, { config }))).toEqual([
      'submission_window_closed',
    ]);
    const during = run(
      item('draft'),
      'submit',
      {},
      ['proposer'],
      {},
      { config, now: new Date('2025-01-15T02:00:00Z') },
    );
    expect(during).toMatchObject({ ok: true, set: { window: 'plenary' } });
    // A proposal returned for revision is resubmitted whatever the window.
    expect(run(item('returned'), 'submit', {}, ['proposer'], {}, { config }).ok).toBe(true);
    // Year-round bodies still mark plenary submissions as such.
    const both = { ...config, yearRound: true };
    expect(run(item('draft'), 'submit', {}, ['proposer'], {}, { config: both })).toMatchObject({
      set: { window: 'year_round' },
    });
  });

  const collecting = (cosigners = [COSIGNER, COSIGNER2]) =>
    item('collecting_signatures', {
      ...newProposalData('proposal', 'joint', cosigners),
      signatureDeadline: '2025-08-05',
    });

  it('lets each co-signer confirm or decline their own name once, within the window', () => {
    const ok = run(collecting(), 'confirm_signature', {}, ['cosigner'], { personId: COSIGNER });
    expect(ok).toMatchObject({ ok: true, to: 'collecting_signatures' });
    const confirmed = after(collecting(), ok);
    expect(confirmed.data.cosigners).toEqual([
      { personId: COSIGNER, status: 'confirmed', at: NOW.toISOString() },
      { personId: COSIGNER2, status: 'pending', at: null },
    ]);
    expect(issues(run(confirmed, 'decline_signature', {}, ['cosigner'], { personId: COSIGNER }))).toEqual([
      'already_answered',
    ]);
    expect(issues(run(confirmed, 'confirm_signature', {}, ['cosigner'], { personId: PROPOSER }))).toEqual([
      'not_a_cosigner',
    ]);
    expect(issues(run(confirmed, 'confirm_signature', {}, ['cosigner']))).toEqual(['not_a_cosigner']);
    const late = new Date('2025-08-05T16:00:00Z'); // 6 August, 00:00 in China
    expect(
      issues(run(confirmed, 'confirm_signature', {}, ['cosigner'], { personId: COSIGNER2 }, { now: late })),
    ).toEqual(['signature_window_passed']);
    const lastMinute = new Date('2025-08-05T15:59:00Z');
    expect(
      run(confirmed, 'decline_signature', {}, ['cosigner'], { personId: COSIGNER2 }, { now: lastMinute }),
    ).toMatchObject({
      ok: true,
    });
  });

  it('drops unconfirmed names when the window passes (system) or when the lead submits early', () => {
    let it = after(
      collecting(),
      run(collecting(), 'confirm_signature', {}, ['cosigner'], { personId: COSIGNER }),
    );
    expect(issues(run(it, 'close_signatures', {}, ['system']))).toEqual(['signature_window_open']);
    const closed = after(
      it,
      run(it, 'close_signatures', {}, ['system'], {}, { now: new Date('2025-08-06T02:00:00Z') }),
    );
    expect(closed.state).toBe('submitted');
    expect(closed.data.cosigners.map((c) => c.personId)).toEqual([COSIGNER]);
    expect(closed.data.droppedCosigners.map((c) => [c.personId, c.status])).toEqual([[COSIGNER2, 'pending']]);
    expect(closed.data.submitterKind).toBe('joint');
    // Nobody confirmed: the lead's proposal stands as an individual one.
    it = after(
      collecting(),
      run(collecting(), 'decline_signature', {}, ['cosigner'], { personId: COSIGNER }),
    );
    const early = after(it, run(it, 'submit', {}, ['proposer']));
    expect(early.data).toMatchObject({ submitterKind: 'individual', cosigners: [] });
    expect(early.data.droppedCosigners.map((c) => c.status)).toEqual(['declined', 'pending']);
  });
});

describe('review', () => {
  it('rejects only with a reason from the body’s list', () => {
    const res = run(item('submitted'), 'reject', PAYLOAD.reject, ['office']);
    expect(res).toMatchObject({ ok: true, to: 'rejected', set: { rejectReason: 'litigation' } });
    const bad = run(item('submitted'), 'reject', { reason: 'too_long', explanation: '篇幅过长' }, ['office']);
    expect(bad).toMatchObject({ ok: false, issues: [{ path: 'reason', message: 'unknown_reject_reason' }] });
    const config = { ...DEFAULT_PROPOSAL_CONFIG, rejectReasons: ['too_long'] };
    expect(
      run(
        item('submitted'),
        'reject',
        { reason: 'too_long', explanation: '篇幅过长' },
        ['office'],
        {},
        { config },
      ).ok,
    ).toBe(true);
    expect(issues(run(item('submitted'), 'reject', PAYLOAD.reject, ['office'], {}, { config }))).toEqual([
      'unknown_reject_reason',
    ]);
  });

  it('returns for revision, counting returns', () => {
    const res = run(item('submitted', { returnCount: 1 }), 'return_for_revision', { reason: '请修改' }, [
      'office',
    ]);
    expect(res).toMatchObject({ ok: true, to: 'returned', set: { returnCount: 2 } });
  });

  it('converts only with the proposer’s consent, or the office’s note of it', () => {
    const offered = after(
      item('submitted'),
      run(item('submitted'), 'offer_conversion', PAYLOAD.offer_conversion, ['office']),
    );
    expect(offered).toMatchObject({
      state: 'conversion_offered',
      data: { conversion: { to: 'opinion_report' } },
    });
    const config = { ...DEFAULT_PROPOSAL_CONFIG, conversionTargets: ['opinion_report' as const] };
    expect(
      issues(
        run(
          item('submitted'),
          'offer_conversion',
          { to: 'letter', reason: '属于个人诉求' },
          ['office'],
          {},
          { config },
        ),
      ),
    ).toEqual(['unknown_conversion_target']);
    expect(issues(run(offered, 'accept_conversion', {}, ['office']))).toEqual(['consent_note_required']);
    expect(run(offered, 'accept_conversion', { note: '电话征得同意' }, ['office'])).toMatchObject({
      ok: true,
      to: 'converted',
    });
    expect(run(offered, 'accept_conversion', {}, ['proposer'])).toMatchObject({ ok: true, to: 'converted' });
    expect(run(offered, 'decline_conversion', {}, ['proposer'])).toMatchObject({
      ok: true,
      to: 'submitted',
      set: { conversion: null },
    });
  });

  it('merges into a target, which records what it took in', () => {
    expect(run(item('submitted'), 'merge', PAYLOAD.merge, ['office'])).toMatchObject({
      ok: true,
      to: 'merged',
      set: { mergedInto: TARGET },
    });
    expect(
      issues(run(item('submitted', { mergedFrom: [OTHER] }), 'merge', PAYLOAD.merge, ['office'])),
    ).toEqual(['merge_chain']);
    const absorbed = run(item('accepted', { mergedFrom: [OTHER] }), 'absorb', { itemIds: [TARGET] }, [
      'office',
    ]);
    expect(absorbed).toMatchObject({ ok: true, to: 'accepted', set: { mergedFrom: [OTHER, TARGET] } });
    expect(
      issues(run(item('accepted', { mergedFrom: [OTHER] }), 'absorb', { itemIds: [OTHER] }, ['office'])),
    ).toEqual(['already_merged']);
    expect(issues(run(item('accepted'), 'absorb', { itemIds: [TARGET, TARGET] }, ['office']))).toEqual([
      'already_merged',
    ]);
  });

  it('lets a proposer withdraw before acceptance only', () => {
    expect(run(item('returned'), 'withdraw', PAYLOAD.withdraw, ['proposer'])).toMatchObject({
      ok: true,
      to: 'withdrawn',
    });
    expect(run(item('accepted'), 'withdraw', PAYLOAD.withdraw, ['proposer'])).toMatchObject({
      ok: false,
      code: 'wrong_state',
    });
  });
});

describe('assignment and time limits', () => {
  it('computes the time limits: 15 working days, 1 and 3 months', () => {
    const res = run(item('accepted'), 'assign', PAYLOAD.assign, ['office']);
    expect(res).toMatchObject({
      ok: true,
      to: 'assigned',
      set: {
        mode: 'lead',
        assignedAt: NOW.toISOString(),
        contactDeadline: '2025-08-22', // Fri 1 Aug + 15 working days (three full weeks)
        coOpinionDeadline: '2025-09-01',
        replyDeadline: '2025-11-01',
        round: 1,
      },
    });
    expect(res.ok && (res.set.units as HandlingUnit[]).map((u) => [u.unitId, u.role])).toEqual([
      [LEAD, 'lead'],
      [CO, 'co'],
    ]);
  });

  it('takes a body’s overrides over the defaults, time limit by time limit', () => {
    const c = resolveProposalConfig({ timeLimits: { reply: { months: 2 } }, objectionWindowDays: 5 });
    expect(c.timeLimits).toEqual({ ...DEFAULT_PROPOSAL_CONFIG.timeLimits, reply: { months: 2 } });
    expect(c.objectionWindowDays).toBe(5);
    expect(c.rejectReasons).toEqual(DEFAULT_PROPOSAL_CONFIG.rejectReasons);
    expect(resolveProposalConfig()).toEqual(DEFAULT_PROPOSAL_CONFIG);
  });

  it('skips the body’s holidays and counts on China’s calendar', () => {
    const config = { ...DEFAULT_PROPOSAL_CONFIG, holidays: ['2025-08-15', '2025-08-18'] };
    const res = run(item('accepted'), 'assign', PAYLOAD.assign, ['office'], {}, { config });
    expect(res.ok && res.set.contactDeadline).toBe('2025-08-26');
    // 20:00 UTC on Friday is already Saturday in China.
    const late = run(
      item('accepted'),
      'assign',
      PAYLOAD.assign,
      ['office'],
      {},
      { now: new Date('2025-08-01T20:00:00Z') },
    );
    expect(late.ok && [late.set.contactDeadline, late.set.replyDeadline]).toEqual([
      '2025-08-22',
      '2025-11-02',
    ]);
    expect(cstDate(new Date('2025-08-01T15:59:59Z'))).toBe('2025-08-01');
    expect(cstDate(new Date('2025-08-01T16:00:00Z'))).toBe('2025-08-02');
    expect(addToDate('2025-11-30', { months: 3 })).toBe('2026-02-28');
    expect(addToDate('2025-10-01', { workingDays: 1 }, ['2025-10-02', '2025-10-03'])).toBe('2025-10-06');
    const slow = {
      ...DEFAULT_PROPOSAL_CONFIG,
      timeLimits: { ...DEFAULT_PROPOSAL_CONFIG.timeLimits, reply: { months: 2 } },
    };
    const r2 = run(item('accepted'), 'assign', PAYLOAD.assign, ['office'], {}, { config: slow });
    expect(r2.ok && r2.set.replyDeadline).toBe('2025-10-01');
  });

  it('assigns separate units each replying, without co-opinion deadline; refuses a unit twice', () => {
    const res = run(item('accepted'), 'assign', { mode: 'separate', unitIds: [LEAD, OTHER] }, ['office']);
    expect(res).toMatchObject({ ok: true, set: { mode: 'separate', coOpinionDeadline: null } });
    expect(
      issues(
        run(item('accepted'), 'assign', { mode: 'lead', leadUnitId: LEAD, coUnitIds: [LEAD] }, ['office']),
      ),
    ).toEqual(['duplicate_unit']);
    expect(
      issues(run(item('accepted'), 'assign', { mode: 'separate', unitIds: [LEAD, LEAD] }, ['office'])),
    ).toEqual(['duplicate_unit']);
  });

  const assigned = (units: HandlingUnit[], extra: Partial<ProposalData> = {}) =>
    item('assigned', { mode: 'lead', units, assignedAt: iso('2025-07-28T02:00:00Z'), ...extra });

  it('starts handling once every replying unit has received it', () => {
    const sep = assigned([unit(LEAD, 'separate'), unit(OTHER, 'separate')]);
    const first = run(sep, 'receive', {}, ['lead_unit'], { unitId: LEAD });
    expect(first).toMatchObject({ ok: true, to: 'assigned' });
    const second = run(after(sep, first), 'receive', {}, ['lead_unit'], { unitId: OTHER });
    expect(second).toMatchObject({ ok: true, to: 'handling' });
    expect(issues(run(after(sep, first), 'receive', {}, ['lead_unit'], { unitId: LEAD }))).toEqual([
      'already_received',
    ]);
    expect(issues(run(sep, 'receive', {}, ['lead_unit'], { unitId: NEW }))).toEqual(['not_your_unit']);
    // A co-unit's liaison who also has the lead_unit party elsewhere cannot receive for the lead.
    expect(
      issues(
        run(assigned([unit(LEAD, 'lead'), unit(CO, 'co')]), 'receive', {}, ['lead_unit'], { unitId: CO }),
      ),
    ).toEqual(['not_your_unit']);
  });

  it('takes an objection once per unit, within 10 days, before the unit takes the item up', () => {
    const it = assigned([unit(LEAD, 'lead'), unit(CO, 'co')]);
    const obj = run(it, 'object', PAYLOAD.object, ['lead_unit'], { unitId: LEAD });
    expect(obj).toMatchObject({ ok: true, to: 'objected' });
    expect(after(it, obj).data.objections).toEqual([
      { unitId: LEAD, reason: '不属于本单位职责', at: NOW.toISOString(), outcome: 'pending' },
    ]);
    const late = new Date('2025-08-07T03:00:00Z'); // 10 days and 1 hour after assignment
    expect(issues(run(it, 'object', PAYLOAD.object, ['lead_unit'], { unitId: LEAD }, { now: late }))).toEqual(
      ['objection_window_passed'],
    );
    const received = assigned([
      unit(LEAD, 'lead', { receivedAt: iso('2025-07-29') }),
      unit(CO, 'co', { opinionAt: iso('2025-07-30') }),
    ]);
    expect(issues(run(received, 'object', PAYLOAD.object, ['lead_unit'], { unitId: LEAD }))).toEqual([
      'already_received',
    ]);
    expect(issues(run(received, 'object', PAYLOAD.object, ['co_unit'], { unitId: CO }))).toEqual([
      'already_received',
    ]);
    const dismissed = assigned([unit(LEAD, 'lead'), unit(CO, 'co')], {
      objections: [{ unitId: CO, reason: 'x', at: iso('2025-07-29'), outcome: 'dismissed' }],
    });
    expect(issues(run(dismissed, 'object', PAYLOAD.object, ['co_unit'], { unitId: CO }))).toEqual([
      'already_objected',
    ]);
    expect(issues(run(it, 'object', PAYLOAD.object, ['co_unit'], { unitId: OTHER }))).toEqual([
      'not_your_unit',
    ]);
  });

  it('reassigns the objecting unit: a new replying unit gets fresh limits, a new co-unit does not', () => {
    const objected = (objector: string) =>
      item('objected', {
        mode: 'lead',
        units: [
          unit(LEAD, 'lead', objector === LEAD ? {} : { receivedAt: iso('2025-07-29') }),
          unit(CO, 'co'),
        ],
        assignedAt: iso('2025-07-28T02:00:00Z'),
        replyDeadline: '2025-10-28',
        objections: [{ unitId: objector, reason: 'x', at: iso('2025-07-30'), outcome: 'pending' }],
      });
    const lead = run(objected(LEAD), 'reassign', { unitId: NEW }, ['office']);
    expect(lead).toMatchObject({
      ok: true,
      to: 'assigned',
      set: { replyDeadline: '2025-11-01', assignedAt: NOW.toISOString() },
    });
    const next = after(objected(LEAD), lead);
    expect(next.data.units.map((u) => [u.unitId, u.role])).toEqual([
      [NEW, 'lead'],
      [CO, 'co'],
    ]);
    expect(next.data.objections[0]!.outcome).toBe('upheld');
    const co = run(objected(CO), 'reassign', { unitId: NEW }, ['office']);
    expect(co).toMatchObject({ ok: true, to: 'handling' });
    expect(co.ok && co.set.replyDeadline).toBeUndefined();
    expect(issues(run(objected(CO), 'reassign', { unitId: LEAD }, ['office']))).toEqual(['same_unit']);
    const dismiss = run(objected(CO), 'dismiss_objection', { reason: '职责明确' }, ['office']);
    expect(dismiss).toMatchObject({ ok: true, to: 'handling' });
    expect(dismiss.ok && (dismiss.set.objections as { outcome: string }[])[0]!.outcome).toBe('dismissed');
    expect(run(objected(LEAD), 'dismiss_objection', { reason: '职责明确' }, ['office'])).toMatchObject({
      to: 'assigned',
    });
  });
});

describe('handling', () => {
  const handling = (units: HandlingUnit[], extra: Partial<ProposalData> = {}) =>
    item('handling', {
      mode: 'lead',
      units,
      assignedAt: iso('2025-07-01T02:00:00Z'),
      contactDeadline: '2025-07-22',
      coOpinionDeadline: '2025-08-01',
      replyDeadline: '2025-10-01',
      ...extra,
    });
  const reply = { category: 'A', summary: '已解决', fileIds: [FILE] };

  it('records contacts, not in the future, keeping the first contact time', () => {
    const it = handling([unit(LEAD, 'lead')]);
    const res = run(it, 'record_contact', PAYLOAD.record_contact, ['lead_unit'], { unitId: LEAD });
    expect(res.ok && (res.set.units as HandlingUnit[])[0]!.contactedAt).toBe(NOW.toISOString());
    const again = handling([unit(LEAD, 'lead', { contactedAt: iso('2025-07-10') })]);
    const r2 = run(again, 'record_contact', PAYLOAD.record_contact, ['lead_unit'], { unitId: LEAD });
    expect(r2.ok && (r2.set.units as HandlingUnit[])[0]!.contactedAt).toBe(iso('2025-07-10'));
    expect(
      issues(
        run(
          it,
          'record_contact',
          { ...(PAYLOAD.record_contact as object), date: '2025-08-02' },
          ['lead_unit'],
          { unitId: LEAD },
        ),
      ),
    ).toEqual(['date_in_future']);
  });

  it('takes co-units’ opinions, only from co-units', () => {
    const it = handling([unit(LEAD, 'lead'), unit(CO, 'co')]);
    const res = run(it, 'send_opinion', PAYLOAD.send_opinion, ['co_unit'], { unitId: CO });
    expect(res.ok && (res.set.units as HandlingUnit[])[1]!.opinionAt).toBe(NOW.toISOString());
    expect(issues(run(it, 'send_opinion', PAYLOAD.send_opinion, ['co_unit'], { unitId: LEAD }))).toEqual([
      'not_your_unit',
    ]);
  });

  it('replies with a configured category, after contact, with the letter, once co-units have spoken', () => {
    const contacted = { contactedAt: iso('2025-07-10') };
    const it = handling([unit(LEAD, 'lead', contacted), unit(CO, 'co', { opinionAt: iso('2025-07-20') })]);
    expect(run(it, 'submit_reply', reply, ['lead_unit'], { unitId: LEAD })).toMatchObject({
      ok: true,
      to: 'reply_submitted',
    });
    expect(
      issues(run(it, 'submit_reply', { ...reply, category: 'E' }, ['lead_unit'], { unitId: LEAD })),
    ).toEqual(['unknown_category']);
    const config = { ...DEFAULT_PROPOSAL_CONFIG, resultCategories: ['A', 'B', 'C', 'D', 'E'] };
    expect(
      run(it, 'submit_reply', { ...reply, category: 'E' }, ['lead_unit'], { unitId: LEAD }, { config }).ok,
    ).toBe(true);
    expect(
      issues(run(it, 'submit_reply', { category: 'A', summary: '已解决' }, ['lead_unit'], { unitId: LEAD })),
    ).toEqual(['reply_file_required']);
    const noFile = { ...DEFAULT_PROPOSAL_CONFIG, requireReplyFile: false };
    expect(
      run(
        it,
        'submit_reply',
        { category: 'A', summary: '已解决' },
        ['lead_unit'],
        { unitId: LEAD },
        { config: noFile },
      ).ok,
    ).toBe(true);
    const silent = handling([unit(LEAD, 'lead'), unit(CO, 'co', { opinionAt: iso('2025-07-20') })]);
    expect(issues(run(silent, 'submit_reply', reply, ['lead_unit'], { unitId: LEAD }))).toEqual([
      'contact_required',
    ]);
    const lax = { ...DEFAULT_PROPOSAL_CONFIG, requireContactBeforeReply: false };
    expect(run(silent, 'submit_reply', reply, ['lead_unit'], { unitId: LEAD }, { config: lax }).ok).toBe(
      true,
    );
    const waiting = handling([unit(LEAD, 'lead', contacted), unit(CO, 'co')]);
    expect(issues(run(waiting, 'submit_reply', reply, ['lead_unit'], { unitId: LEAD }))).toEqual([
      'co_opinions_missing',
    ]);
    // Once the co-units' month has passed, the lead replies without them.
    const after1Month = new Date('2025-08-01T16:00:00Z');
    expect(
      run(waiting, 'submit_reply', reply, ['lead_unit'], { unitId: LEAD }, { now: after1Month }).ok,
    ).toBe(true);
    const replied = handling([
      unit(LEAD, 'lead', { ...contacted, reply: { category: 'A', at: iso('2025-07-30'), round: 1 } }),
    ]);
    expect(issues(run(replied, 'submit_reply', reply, ['lead_unit'], { unitId: LEAD }))).toEqual([
      'already_replied',
    ]);
    expect(issues(run(replied, 'submit_reply', reply, ['lead_unit'], { unitId: CO }))).toEqual([
      'not_your_unit',
    ]);
  });

  it('waits for every separate unit’s reply', () => {
    const c = { contactedAt: iso('2025-07-10') };
    const it = handling([unit(LEAD, 'separate', c), unit(OTHER, 'separate', c)], {
      mode: 'separate',
      coOpinionDeadline: null,
    });
    const first = run(it, 'submit_reply', reply, ['lead_unit'], { unitId: LEAD });
    expect(first).toMatchObject({ ok: true, to: 'handling' });
    const second = run(after(it, first), 'submit_reply', { ...reply, category: 'C' }, ['lead_unit'], {
      unitId: OTHER,
    });
    expect(second).toMatchObject({ ok: true, to: 'reply_submitted' });
  });

  it('allows one extension, before the deadline, later, and within 6 months of assignment', () => {
    const it = handling([unit(LEAD, 'lead')]);
    const req = (until: string, i = it) =>
      run(i, 'request_extension', { until, reason: '需协调' }, ['lead_unit'], { unitId: LEAD });
    expect(req('2025-12-31')).toMatchObject({ ok: true, set: { pendingExtension: { until: '2025-12-31' } } });
    expect(req('2026-01-01').ok).toBe(true); // assigned 1 July 10:00 China: 6 months → 1 January
    expect(issues(req('2026-01-02'))).toEqual(['extension_too_long']);
    expect(issues(req('2025-09-30'))).toEqual(['extension_not_later']);
    expect(issues(req('2025-12-31', handling([unit(LEAD, 'lead')], { extensionCount: 1 })))).toEqual([
      'extension_limit',
    ]);
    const pending = handling([unit(LEAD, 'lead')], {
      pendingExtension: { until: '2025-12-31', reason: 'x' },
    });
    expect(issues(req('2025-12-31', pending))).toEqual(['extension_pending']);
    expect(
      issues(req('2025-12-31', handling([unit(LEAD, 'lead')], { replyDeadline: '2025-07-31' }))),
    ).toEqual(['extension_after_deadline']);
    expect(issues(req('2025-12-31', handling([unit(CO, 'co')])))).toEqual(['not_your_unit']);
    expect(run(pending, 'approve_extension', {}, ['leader'])).toMatchObject({
      ok: true,
      set: { replyDeadline: '2025-12-31', pendingExtension: null, extensionCount: 1 },
    });
    expect(run(pending, 'reject_extension', { reason: '理由不足' }, ['office'])).toMatchObject({
      ok: true,
      set: { pendingExtension: null },
    });
    expect(issues(run(it, 'approve_extension', {}, ['office']))).toEqual(['no_extension_pending']);
    expect(issues(run(it, 'reject_extension', { reason: '理由不足' }, ['office']))).toEqual([
      'no_extension_pending',
    ]);
  });
});

describe('reply review', () => {
  const submitted = (co: Partial<HandlingUnit> = {}) =>
    item('reply_submitted', {
      mode: 'lead',
      units: [
        unit(LEAD, 'lead', { reply: { category: 'C', at: iso('2025-07-30'), round: 1 } }),
        unit(CO, 'co', co),
      ],
    });

  it('has co-units countersign once before the office approves', () => {
    const cs = run(submitted(), 'countersign', {}, ['co_unit'], { unitId: CO });
    expect(cs).toMatchObject({ ok: true, to: 'reply_submitted' });
    expect(issues(run(after(submitted(), cs), 'countersign', {}, ['co_unit'], { unitId: CO }))).toEqual([
      'already_countersigned',
    ]);
    expect(issues(run(submitted(), 'countersign', {}, ['co_unit'], { unitId: LEAD }))).toEqual([
      'not_your_unit',
    ]);
    expect(issues(run(submitted(), 'approve_reply', {}, ['office']))).toEqual(['countersign_missing']);
    const lax = { ...DEFAULT_PROPOSAL_CONFIG, requireCountersign: false };
    expect(run(submitted(), 'approve_reply', {}, ['office'], {}, { config: lax }).ok).toBe(true);
  });

  it('lets the office change the category to a configured one of a replying unit', () => {
    const signed = submitted({ countersignedAt: iso('2025-07-31') });
    const res = run(signed, 'approve_reply', { categories: [{ unitId: LEAD, category: 'B' }] }, ['office']);
    expect(res).toMatchObject({ ok: true, to: 'replied', set: { repliedAt: NOW.toISOString() } });
    const lead = res.ok && (res.set.units as HandlingUnit[])[0]!;
    expect(lead && [lead.reply?.category, lead.finalCategory]).toEqual(['B', 'B']);
    const kept = run(signed, 'approve_reply', {}, ['office']);
    expect(kept.ok && (kept.set.units as HandlingUnit[])[0]!.finalCategory).toBe('C');
    expect(
      issues(run(signed, 'approve_reply', { categories: [{ unitId: LEAD, category: 'Z' }] }, ['office'])),
    ).toEqual(['unknown_category']);
    expect(
      issues(run(signed, 'approve_reply', { categories: [{ unitId: CO, category: 'A' }] }, ['office'])),
    ).toEqual(['unknown_unit']);
  });

  it('returns replies to handling, clearing them and the countersigns', () => {
    const signed = submitted({ countersignedAt: iso('2025-07-31') });
    const res = run(signed, 'return_reply', { reason: '答复笼统' }, ['office']);
    expect(res).toMatchObject({ ok: true, to: 'handling' });
    expect(res.ok && (res.set.units as HandlingUnit[]).map((u) => [u.reply, u.countersignedAt])).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(issues(run(signed, 'return_reply', { reason: '答复笼统', unitIds: [CO] }, ['office']))).toEqual([
      'unknown_unit',
    ]);
    const sep = item('reply_submitted', {
      units: [
        unit(LEAD, 'separate', { reply: { category: 'A', at: iso('2025-07-30'), round: 1 } }),
        unit(OTHER, 'separate', { reply: { category: 'A', at: iso('2025-07-30'), round: 1 } }),
      ],
    });
    const one = run(sep, 'return_reply', { reason: '答复笼统', unitIds: [OTHER] }, ['office']);
    expect(one.ok && (one.set.units as HandlingUnit[]).map((u) => !!u.reply)).toEqual([true, false]);
  });
});

describe('rating, re-handling and follow-up', () => {
  const r1 = (category: string) => ({ category, at: iso('2025-07-30'), round: 1 });
  const replied = (units: HandlingUnit[], extra: Partial<ProposalData> = {}) =>
    item('replied', { mode: 'lead', units, ...extra });
  const leadA = () =>
    unit(LEAD, 'lead', { reply: r1('A'), finalCategory: 'A', contactedAt: iso('2025-07-10') });

  it('closes on satisfaction with A/D, follows up B/C', () => {
    const ok = run(replied([leadA()]), 'rate', PAYLOAD.rate, ['proposer']);
    expect(ok).toMatchObject({ ok: true, to: 'closed', set: { closedAt: NOW.toISOString() } });
    const b = replied([unit(LEAD, 'lead', { reply: r1('B'), finalCategory: 'B' })]);
    expect(
      run(b, 'rate', { ratings: [{ unitId: LEAD, overall: 'basically_satisfied' }] }, ['proposer']),
    ).toMatchObject({
      ok: true,
      to: 'following_up',
    });
  });

  it('checks the ratings: every replying unit once, configured values, the configured aspects', () => {
    const two = replied([leadA(), unit(OTHER, 'separate', { reply: r1('A'), finalCategory: 'A' })], {
      mode: 'separate',
    });
    expect(issues(run(two, 'rate', PAYLOAD.rate, ['proposer']))).toEqual(['rating_missing']);
    const both = {
      ratings: [
        { unitId: LEAD, overall: 'satisfied' },
        { unitId: OTHER, overall: 'satisfied' },
      ],
    };
    expect(run(two, 'rate', both, ['proposer']).ok).toBe(true);
    expect(
      issues(
        run(
          replied([leadA()]),
          'rate',
          { ratings: [...both.ratings.slice(0, 1), { unitId: LEAD, overall: 'satisfied' }] },
          ['proposer'],
        ),
      ),
    ).toEqual(['duplicate_unit']);
    expect(issues(run(replied([leadA()]), 'rate', both, ['proposer']))).toEqual(['unknown_unit']);
    expect(
      issues(
        run(replied([leadA()]), 'rate', { ratings: [{ unitId: LEAD, overall: 'great' }] }, ['proposer']),
      ),
    ).toEqual(['unknown_rating']);
    expect(issues(run(replied([leadA()]), 'rate', { ratings: [{ unitId: LEAD }] }, ['proposer']))).toEqual([
      'rating_required',
    ]);
    const apart = { ...DEFAULT_PROPOSAL_CONFIG, rateAttitudeAndResultApart: true };
    const ar = { ratings: [{ unitId: LEAD, attitude: 'satisfied', result: 'basically_satisfied' }] };
    expect(run(replied([leadA()]), 'rate', ar, ['proposer'], {}, { config: apart })).toMatchObject({
      ok: true,
      to: 'closed',
    });
    expect(
      issues(run(replied([leadA()]), 'rate', PAYLOAD.rate, ['proposer'], {}, { config: apart })),
    ).toEqual(['rating_required', 'rating_required', 'unknown_rating']);
    expect(issues(run(replied([leadA()]), 'rate', ar, ['proposer']))).toEqual([
      'rating_required',
      'unknown_rating',
      'unknown_rating',
    ]);
    // Co-units are not rated.
    const withCo = replied([leadA(), unit(CO, 'co')]);
    expect(run(withCo, 'rate', PAYLOAD.rate, ['proposer']).ok).toBe(true);
  });

  it('sends unsatisfied units back for a second reply within 1 month; others keep their reply', () => {
    const two = replied([leadA(), unit(OTHER, 'separate', { reply: r1('A'), finalCategory: 'A' })], {
      mode: 'separate',
      pendingExtension: null,
    });
    const res = run(
      two,
      'rate',
      {
        ratings: [
          { unitId: LEAD, overall: 'satisfied' },
          { unitId: OTHER, overall: 'unsatisfied' },
        ],
      },
      ['proposer'],
    );
    expect(res).toMatchObject({ ok: true, to: 'handling', set: { round: 2, replyDeadline: '2025-09-01' } });
    const again = after(two, res);
    expect(again.data.units.map((u) => [u.unitId, !!u.reply])).toEqual([
      [LEAD, true],
      [OTHER, false],
    ]);
    // Attitude unsatisfied alone also sends it back when rated apart.
    const apart = { ...DEFAULT_PROPOSAL_CONFIG, rateAttitudeAndResultApart: true };
    const att = run(
      replied([leadA()]),
      'rate',
      { ratings: [{ unitId: LEAD, attitude: 'unsatisfied', result: 'satisfied' }] },
      ['proposer'],
      {},
      {
        config: apart,
      },
    );
    expect(att).toMatchObject({ ok: true, to: 'handling' });
    // Round 2: the second reply (only OTHER's) is rated; unsatisfied again ends the re-handling.
    const c = { contactedAt: iso('2025-07-10') };
    let it: Item = {
      ...again,
      data: { ...again.data, units: again.data.units.map((u) => ({ ...u, ...c })) },
    };
    it = after(
      it,
      run(it, 'submit_reply', { category: 'C', summary: '条件不具备', fileIds: [FILE] }, ['lead_unit'], {
        unitId: OTHER,
      }),
    );
    expect(it.state).toBe('reply_submitted');
    it = after(it, run(it, 'approve_reply', {}, ['office']));
    expect(issues(run(it, 'rate', PAYLOAD.rate, ['proposer']))).toEqual(['rating_missing', 'unknown_unit']);
    const final = run(it, 'rate', { ratings: [{ unitId: OTHER, overall: 'unsatisfied' }] }, ['proposer']);
    expect(final).toMatchObject({ ok: true, to: 'following_up' });
    const more = { ...DEFAULT_PROPOSAL_CONFIG, rehandlingRounds: 2 };
    expect(
      run(
        it,
        'rate',
        { ratings: [{ unitId: OTHER, overall: 'unsatisfied' }] },
        ['proposer'],
        {},
        { config: more },
      ),
    ).toMatchObject({
      to: 'handling',
      set: { round: 3 },
    });
  });

  it('closes a B/C item when each unit gives a final answer', () => {
    const follow = item('following_up', {
      mode: 'separate',
      units: [
        unit(LEAD, 'separate', { finalCategory: 'B' }),
        unit(OTHER, 'separate', { finalCategory: 'C' }),
      ],
    });
    const first = run(follow, 'final_answer', PAYLOAD.final_answer, ['lead_unit'], { unitId: LEAD });
    expect(first).toMatchObject({ ok: true, to: 'following_up' });
    const done = after(follow, first);
    expect(issues(run(done, 'final_answer', PAYLOAD.final_answer, ['lead_unit'], { unitId: LEAD }))).toEqual([
      'not_followed_up',
    ]);
    expect(
      issues(
        run(done, 'final_answer', { ...(PAYLOAD.final_answer as object), category: 'B' }, ['lead_unit'], {
          unitId: OTHER,
        }),
      ),
    ).toEqual(['final_category_required']);
    expect(
      issues(
        run(done, 'final_answer', { ...(PAYLOAD.final_answer as object), category: 'Q' }, ['lead_unit'], {
          unitId: OTHER,
        }),
      ),
    ).toEqual(['unknown_category']);
    expect(issues(run(done, 'final_answer', PAYLOAD.final_answer, ['lead_unit'], { unitId: NEW }))).toEqual([
      'not_your_unit',
    ]);
    const last = run(
      done,
      'final_answer',
      { ...(PAYLOAD.final_answer as object), category: 'D' },
      ['lead_unit'],
      { unitId: OTHER },
    );
    expect(last).toMatchObject({ ok: true, to: 'closed', set: { closedAt: NOW.toISOString() } });
  });

  it('lets the office close an unrated or followed-up item', () => {
    expect(run(replied([leadA()]), 'close', PAYLOAD.close, ['office'])).toMatchObject({
      ok: true,
      to: 'closed',
    });
    expect(run(item('following_up'), 'close', PAYLOAD.close, ['office'])).toMatchObject({
      ok: true,
      to: 'closed',
    });
  });
});

describe('key proposals and deadlines', () => {
  it('marks a key proposal with its supervising leader, without changing the state', () => {
    const res = run(item('handling'), 'mark_key', PAYLOAD.mark_key, ['leader']);
    expect(res).toMatchObject({ ok: true, to: 'handling', set: { key: true, supervisorPersonId: LEADER } });
    expect(issues(run(item('handling'), 'mark_key', { key: true }, ['office']))).toEqual([
      'supervisor_required',
    ]);
    expect(
      run(item('handling', { key: true, supervisorPersonId: LEADER }), 'mark_key', { key: false }, [
        'office',
      ]),
    ).toMatchObject({
      ok: true,
      set: { key: false, supervisorPersonId: null },
    });
    // The supervising leader may urge, and is not the office.
    expect(run(item('handling'), 'urge', PAYLOAD.urge, ['supervisor']).ok).toBe(true);
    expect(run(item('handling'), 'mark_key', PAYLOAD.mark_key, ['supervisor'])).toMatchObject({
      code: 'not_allowed',
    });
  });

  it('names the next open deadline for warnings', () => {
    const base = {
      mode: 'lead' as const,
      contactDeadline: '2025-08-22',
      coOpinionDeadline: '2025-09-01',
      replyDeadline: '2025-11-01',
    };
    const fresh = item('handling', { ...base, units: [unit(LEAD, 'lead'), unit(CO, 'co')] });
    expect(proposalNextDeadline(fresh)).toEqual({ kind: 'contact', date: '2025-08-22', unitIds: [LEAD] });
    const contacted = item('handling', {
      ...base,
      units: [unit(LEAD, 'lead', { contactedAt: iso('2025-08-02') }), unit(CO, 'co')],
    });
    expect(proposalNextDeadline(contacted)).toEqual({
      kind: 'co_opinion',
      date: '2025-09-01',
      unitIds: [CO],
    });
    const second = item('handling', {
      ...base,
      round: 2,
      replyDeadline: '2025-09-15',
      units: [unit(LEAD, 'lead')],
    });
    expect(proposalNextDeadline(second)).toEqual({ kind: 'reply', date: '2025-09-15', unitIds: [LEAD] });
    expect(proposalNextDeadline(item('replied', base))).toBeNull();
    expect(proposalIsActive('handling')).toBe(true);
    expect(proposalIsActive('replied')).toBe(false);
  });

  it('owes reminders before and after each open deadline, to whoever has to act', () => {
    const at = (date: string) => new Date(`${date}T02:00:00Z`); // 10:00 in China
    const handling = item('handling', {
      mode: 'lead',
      contactDeadline: '2025-08-22',
      coOpinionDeadline: '2025-09-01',
      replyDeadline: '2025-11-01',
      units: [unit(LEAD, 'lead'), unit(CO, 'co'), unit(OTHER, 'co', { opinionAt: iso('2025-08-02') })],
    });
    const owed = (it: Item, date: string, config = DEFAULT_PROPOSAL_CONFIG) =>
      proposalReminders(it, config, at(date)).map(
        (r) => `${r.deadline}/${r.level}/${r.date}/${r.to}/${r.unitIds}`,
      );
    // Nothing until three days before; yellow on the last three days including the day itself; red after.
    expect(owed(handling, '2025-08-18')).toEqual([]);
    expect(owed(handling, '2025-08-19')).toEqual([`contact/yellow/2025-08-22/units/${LEAD}`]);
    expect(owed(handling, '2025-08-22')).toEqual([`contact/yellow/2025-08-22/units/${LEAD}`]);
    // Every open deadline is owed, not only the earliest: the late contact and the coming co-opinion.
    expect(owed(handling, '2025-08-29')).toEqual([
      `contact/red/2025-08-22/units/${LEAD}`,
      `co_opinion/yellow/2025-09-01/units/${CO}`,
    ]);
    // Done is done: a unit that contacted the proposer is not reminded of it.
    const contacted = item('handling', {
      ...handling.data,
      units: [
        unit(LEAD, 'lead', { contactedAt: iso('2025-08-20') }),
        unit(CO, 'co', { opinionAt: iso('2025-08-25') }),
      ],
    });
    expect(owed(contacted, '2025-10-30')).toEqual([`reply/yellow/2025-11-01/units/${LEAD}`]);
    expect(owed(item('reply_submitted', contacted.data), '2025-11-05')).toEqual([]);

    // Co-signers who have not answered, before the signature deadline; the lead's own choice after it.
    const collecting = item('collecting_signatures', {
      submitterKind: 'joint',
      signatureDeadline: '2025-08-08',
      cosigners: [
        { personId: COSIGNER, status: 'pending', at: null },
        { personId: COSIGNER2, status: 'confirmed', at: iso('2025-08-02') },
      ],
    });
    expect(owed(collecting, '2025-08-04')).toEqual([]);
    expect(owed(collecting, '2025-08-05')).toEqual(['signature/yellow/2025-08-08/cosigners/']);
    expect(owed(collecting, '2025-08-08')).toEqual(['signature/yellow/2025-08-08/cosigners/']);
    expect(owed(collecting, '2025-08-09')).toEqual([]);
    const answered = item('collecting_signatures', {
      ...collecting.data,
      cosigners: [{ personId: COSIGNER2, status: 'confirmed', at: iso('2025-08-02') }],
    });
    expect(owed(answered, '2025-08-06')).toEqual([]);

    // The system closes the signatures once the deadline's day is over in China, not before.
    expect(proposalDueAction(collecting, new Date('2025-08-08T15:59:59Z'))).toBeNull();
    expect(proposalDueAction(collecting, new Date('2025-08-08T16:00:00Z'))).toEqual({
      action: 'close_signatures',
      date: '2025-08-08',
    });
    expect(proposalDueAction(item('submitted', collecting.data), at('2025-09-01'))).toBeNull();
    // …and the machine agrees on both sides of that instant.
    const close = (now: Date) =>
      fire(
        proposalMachine,
        collecting,
        'close_signatures',
        {},
        { now, config: DEFAULT_PROPOSAL_CONFIG, parties: ['system'] },
      ).ok;
    expect(close(new Date('2025-08-08T15:59:59Z'))).toBe(false);
    expect(close(new Date('2025-08-08T16:00:00Z'))).toBe(true);

    // The proposer is reminded to rate only when the body asks for it, N days after the reply.
    const replied = item('replied', { repliedAt: iso('2025-09-01T03:00:00Z') });
    expect(owed(replied, '2025-12-01')).toEqual([]);
    const rate = resolveProposalConfig({ rateReminderDays: 14 });
    expect(owed(replied, '2025-09-14', rate)).toEqual([]);
    expect(owed(replied, '2025-09-15', rate)).toEqual(['rating/yellow/2025-09-15/proposer/']);
    expect(owed(item('closed', replied.data), '2025-09-20', rate)).toEqual([]);
  });
});

describe('proposal labels', () => {
  it('name every state, action and default code in both languages, with NPC wording for suggestions', () => {
    const groups: [keyof typeof LABELS, readonly string[]][] = [
      ['proposalState', PROPOSAL_STATES],
      ['proposalAction', PROPOSAL_ACTIONS],
      ['rejectReason', DEFAULT_PROPOSAL_CONFIG.rejectReasons],
      ['resultCategory', DEFAULT_PROPOSAL_CONFIG.resultCategories],
      ['proposalRating', DEFAULT_PROPOSAL_CONFIG.ratingScale],
    ];
    for (const [group, values] of groups) {
      expect(Object.keys(LABELS[group]).sort(), group).toEqual([...values].sort());
      for (const v of values) {
        const l = (LABELS[group] as Record<string, { zh: string; en: string }>)[v]!;
        expect(l.zh).toMatch(/\p{Script=Han}/u);
        expect(l.en).toMatch(/^[A-Z]/);
      }
    }
    expect(proposalLabel('proposal', 'proposalAction', 'accept', 'zh-CN')).toBe('立案');
    expect(proposalLabel('suggestion', 'proposalAction', 'accept', 'zh-CN')).toBe('受理');
    expect(proposalLabel('suggestion', 'proposalState', 'handling', 'en-US')).toBe('Being handled');
    expect(codeLabel('resultCategory', 'A', 'zh-CN')).toBe('A 已经解决或基本解决');
    expect(
      codeLabel('rejectReason', 'too_long', 'en-US', { too_long: { zh: '篇幅过长', en: 'Too long' } }),
    ).toBe('Too long');
    expect(codeLabel('rejectReason', 'unknown_code', 'zh-CN')).toBe('unknown_code');
  });

  it('has a message for every rule code the machine raises', () => {
    const src = readFileSync(new URL('../src/tracking/proposals.ts', import.meta.url), 'utf8');
    const codes = [...src.matchAll(/issue\([^;]*?'([a-z_]+)'\)/g)].map((m) => m[1]!);
    expect(codes.length).toBeGreaterThan(30);
    for (const c of codes) expect(VALIDATION_MESSAGES, c).toHaveProperty(c);
  });
});
