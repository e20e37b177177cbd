import { describe, expect, it } from 'vitest';
import { LABELS } from '../src/labels.ts';
import { fire } from '../src/tracking/engine.ts';
import {
  KEY_STAGES,
  KEY_STEPS,
  keyProgress,
  keyStepLabel,
  summariseKeyProgress,
} from '../src/tracking/key-proposals.ts';
import {
  DEFAULT_PROPOSAL_CONFIG,
  type HandlingUnit,
  newProposalData,
  newUnit,
  PROPOSAL_STATES,
  ProposalActionPayloads,
  type ProposalData,
  type ProposalState,
  proposalMachine,
} from '../src/tracking/proposals.ts';

const NOW = new Date('2025-03-20T02:00:00Z'); // 10:00 in China
const LEAD = '01900000-0000-7000-8000-000000000001';
const CO = '01900000-0000-7000-8000-000000000002';
const LEADER = '01900000-0000-7000-8000-0000000000b1';
const LEADER2 = '01900000-0000-7000-8000-0000000000b2';

function unit(unitId: string, role: HandlingUnit['role'], patch: Partial<HandlingUnit> = {}): HandlingUnit {
  return { ...newUnit(unitId, role), ...patch };
}
const item = (state: ProposalState, data: Partial<ProposalData> = {}) => ({
  state,
  version: 1,
  data: { ...newProposalData('proposal'), ...data },
});
const markKey = (state: ProposalState, payload: unknown, data: Partial<ProposalData> = {}) =>
  fire(proposalMachine, item(state, data), 'mark_key', ProposalActionPayloads.mark_key.parse(payload), {
    now: NOW,
    config: DEFAULT_PROPOSAL_CONFIG,
    parties: ['office'],
    actor: {},
  });

describe('choosing key proposals (mark_key)', () => {
  it('records the chair’s meeting with the supervising leader', () => {
    const res = markKey('accepted', {
      key: true,
      supervisorPersonId: LEADER,
      meetingDate: '2025-03-18',
      meetingRef: '十四届第21次主席会议',
    });
    expect(res).toMatchObject({
      ok: true,
      to: 'accepted',
      set: {
        key: true,
        supervisorPersonId: LEADER,
        keyMeeting: { date: '2025-03-18', reference: '十四届第21次主席会议' },
      },
    });
  });

  it('refuses a meeting in the future; a meeting needs no reference and a reference no date', () => {
    const res = markKey('handling', { key: true, supervisorPersonId: LEADER, meetingDate: '2025-03-21' });
    expect(res).toMatchObject({ ok: false, code: 'rule_failed' });
    expect(res.ok ? [] : res.issues).toEqual([{ path: 'meetingDate', message: 'date_in_future' }]);
    expect(markKey('handling', { key: true, supervisorPersonId: LEADER, meetingDate: '2025-03-20' }).ok).toBe(
      true,
    );
    expect(
      markKey('handling', { key: true, supervisorPersonId: LEADER, meetingRef: '主席会议纪要第3号' }),
    ).toMatchObject({ set: { keyMeeting: { date: null, reference: '主席会议纪要第3号' } } });
    expect(() => ProposalActionPayloads.mark_key.parse({ key: true, meetingDate: '18/03/2025' })).toThrow();
  });

  it('keeps the meeting when another leader is named, and forgets it when the flag is removed', () => {
    const meeting = { date: '2025-03-18', reference: '十四届第21次主席会议' };
    const marked = { key: true, supervisorPersonId: LEADER, keyMeeting: meeting };
    expect(markKey('handling', { key: true, supervisorPersonId: LEADER2 }, marked)).toMatchObject({
      set: { supervisorPersonId: LEADER2, keyMeeting: meeting },
    });
    expect(markKey('handling', { key: false }, marked)).toMatchObject({
      set: { key: false, supervisorPersonId: null, keyMeeting: null },
    });
    // Items stored before the meeting was recorded have no such field.
    const { keyMeeting: _, ...legacy } = newProposalData('proposal');
    expect(
      fire(
        proposalMachine,
        { state: 'handling' as const, version: 1, data: legacy as ProposalData },
        'mark_key',
        { key: true, supervisorPersonId: LEADER },
        { now: NOW, config: DEFAULT_PROPOSAL_CONFIG, parties: ['office'], actor: {} },
      ),
    ).toMatchObject({ set: { keyMeeting: null } });
  });
});

describe('key proposal progress', () => {
  it('places every state on the path 立案 → 交办 → 联系提案人 → 答复 → 评价 → 办结', () => {
    const expected: Record<ProposalState, [string, number]> = {
      draft: ['review', 0],
      collecting_signatures: ['review', 0],
      submitted: ['review', 0],
      returned: ['review', 0],
      conversion_offered: ['review', 0],
      accepted: ['assignment', 1],
      assigned: ['contact', 2],
      objected: ['contact', 2],
      handling: ['contact', 2],
      reply_submitted: ['reply', 3],
      replied: ['rating', 4],
      following_up: ['follow_up', 5],
      closed: ['closed', 6],
      rejected: ['ended', 0],
      converted: ['ended', 0],
      merged: ['ended', 0],
      withdrawn: ['ended', 0],
    };
    for (const state of PROPOSAL_STATES) {
      const p = keyProgress(item(state, { units: [unit(LEAD, 'lead')] }));
      expect([p.stage, p.done], state).toEqual(expected[state]);
    }
    expect(KEY_STEPS).toHaveLength(6);
  });

  it('counts the contact as done once every replying unit has contacted the proposer, or in re-handling', () => {
    const at = '2025-04-01T02:00:00Z';
    // A co-unit does not contact the proposer; two separate units both must.
    expect(
      keyProgress(item('handling', { units: [unit(LEAD, 'lead', { contactedAt: at }), unit(CO, 'co')] })),
    ).toEqual({ stage: 'reply', done: 3 });
    expect(
      keyProgress(
        item('handling', {
          units: [unit(LEAD, 'separate', { contactedAt: at }), unit(CO, 'separate')],
        }),
      ),
    ).toEqual({ stage: 'contact', done: 2 });
    expect(keyProgress(item('handling', { units: [unit(LEAD, 'lead')], round: 2 }))).toEqual({
      stage: 'reply',
      done: 3,
    });
  });

  it('sums the stages and the warnings', () => {
    const s = summariseKeyProgress([
      { stage: 'reply', warning: 'red' },
      { stage: 'reply', warning: 'yellow' },
      { stage: 'closed', warning: null },
      { stage: 'follow_up', warning: 'green' },
    ]);
    expect(s.total).toBe(4);
    expect(s.byStage).toEqual({
      review: 0,
      assignment: 0,
      contact: 0,
      reply: 2,
      rating: 0,
      follow_up: 1,
      closed: 1,
      ended: 0,
    });
    expect([s.overdue, s.dueSoon]).toEqual([1, 1]);
  });

  it('names stages and steps in both languages, with the NPC’s words for a suggestion', () => {
    expect(Object.keys(LABELS.keyStage).sort()).toEqual([...KEY_STAGES].sort());
    expect(KEY_STEPS.map((s) => keyStepLabel(s, { kind: 'proposal', locale: 'zh-CN' }))).toEqual([
      '立案',
      '交办',
      '联系提案人',
      '答复',
      '评价',
      '办结',
    ]);
    expect(keyStepLabel('closed', { kind: 'proposal', followingUp: true, locale: 'zh-CN' })).toBe('跟踪落实');
    expect(keyStepLabel('accepted', { kind: 'suggestion', locale: 'zh-CN' })).toBe('受理');
    // Short names for a phone.
    expect(
      KEY_STEPS.map((s) =>
        keyStepLabel(s, { kind: 'suggestion', followingUp: true, locale: 'zh-CN', short: true }),
      ),
    ).toEqual(['受理', '交办', '联系', '答复', '评价', '跟踪']);
    expect(keyStepLabel('contacted', { kind: 'suggestion', locale: 'en-US' })).toBe('Deputy contacted');
  });
});
