import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LABELS, VALIDATION_MESSAGES } from '../src/labels.ts';
import { availableActions, type FireResult, fire, type Party } from '../src/tracking/engine.ts';
import {
  countChars,
  DEFAULT_REPORT_CONFIG,
  INSTRUCTION_LEVELS,
  newReportData,
  REPORT_ACTIONS,
  REPORT_LEVELS,
  REPORT_STATES,
  type ReportAction,
  ReportActionPayloads,
  type ReportConfig,
  type ReportData,
  type ReportState,
  reportMachine,
} from '../src/tracking/opinion-reports.ts';

const NOW = new Date('2025-08-01T02:00:00Z');
type Item = { state: ReportState; version: number; data: ReportData };

function item(state: ReportState, data: Partial<ReportData> = {}): Item {
  return { state, version: 1, data: { ...newReportData('member', 800), ...data } };
}
const ctx = (parties: Party[], now = NOW, config = DEFAULT_REPORT_CONFIG) => ({ now, config, parties });
function run(
  it: Item,
  action: ReportAction,
  payload: unknown,
  parties: Party[],
  config: ReportConfig = DEFAULT_REPORT_CONFIG,
): FireResult<ReportState> {
  return fire(
    reportMachine,
    it,
    action,
    ReportActionPayloads[action].parse(payload),
    ctx(parties, NOW, config),
  );
}
function after(it: Item, res: FireResult<ReportState>): Item {
  if (!res.ok) throw new Error(`expected ok, got ${JSON.stringify(res)}`);
  return { state: res.to, version: it.version + 1, data: { ...it.data, ...res.set } as ReportData };
}
const issues = (res: FireResult<ReportState>) => (res.ok ? [] : (res.issues ?? []).map((i) => i.message));

const INSTRUCTION = {
  leaderName: '王市长',
  leaderLevel: 'city',
  text: '请市交通局研究办理',
  date: '2025-07-30',
};
const PAYLOAD: Record<ReportAction, unknown> = {
  submit: {},
  edit: { content: '关于改善老城区停车难问题的建议。'.repeat(10) },
  decline: { reason: '内容已有部门解决' },
  approve: { comment: '同意报送' },
  forward: { level: 'higher_cppcc', bulletin: '社情民意', number: '2025年第12期' },
  record_adoption: { level: 'provincial' },
  record_instruction: INSTRUCTION,
  record_feedback: { instruction: 0, text: '交通局已制定方案' },
  archive: {},
};
// The matrix item: an instruction with follow-up, nothing forwarded or adopted yet.
const BASE: Partial<ReportData> = {
  instructions: [
    { ...INSTRUCTION, leaderLevel: 'city', feedback: [{ text: '已落实', at: NOW.toISOString() }] },
  ],
};

// [action, from-states, parties, targets ([] = the state is kept)].
const SPEC: [ReportAction, ReportState[], Party[], ReportState[]][] = [
  ['submit', ['draft'], ['proposer'], ['submitted']],
  ['edit', ['submitted', 'edited'], ['office'], ['edited']],
  ['decline', ['submitted', 'edited'], ['office'], ['declined']],
  ['approve', ['edited'], ['leader'], ['approved']],
  ['forward', ['approved', 'forwarded', 'instructed'], ['office'], ['forwarded', 'instructed']],
  ['record_adoption', ['forwarded', 'instructed', 'archived'], ['office'], []],
  ['record_instruction', ['forwarded', 'instructed', 'archived'], ['office'], ['instructed']],
  ['record_feedback', ['instructed'], ['office'], ['instructed']],
  ['archive', ['forwarded', 'instructed'], ['office'], ['archived']],
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

describe('public-opinion report machine', () => {
  it('declares exactly the specified transitions: every state × action × party', () => {
    expect(SPEC.map((s) => s[0]).sort()).toEqual([...REPORT_ACTIONS].sort());
    for (const [action, froms, parties, targets] of SPEC) {
      for (const state of REPORT_STATES) {
        for (const party of PARTIES) {
          const res = run(item(state, BASE), action, PAYLOAD[action], [party]);
          const expected = froms.includes(state)
            ? parties.includes(party)
              ? 'ok'
              : 'not_allowed'
            : 'wrong_state';
          const got = res.ok ? 'ok' : res.code === 'rule_failed' ? `rule:${issues(res).join(',')}` : res.code;
          expect(got, `${action} ${state} ${party}`).toBe(expected);
          if (res.ok) expect(targets.length ? targets : [state], `${action} ${state}`).toContain(res.to);
        }
      }
    }
  });

  it('reaches every state by a real walk, and leaves a final state only by a late instruction', () => {
    const seen = new Set<ReportState>(['draft']);
    const step = (it: Item, a: ReportAction, p: unknown, parties: Party[]) => {
      const next = after(it, run(it, a, p, parties));
      seen.add(next.state);
      return next;
    };
    let it = item('draft');
    it = step(it, 'submit', {}, ['proposer']);
    seen.add(step(it, 'decline', PAYLOAD.decline, ['office']).state);
    it = step(it, 'edit', PAYLOAD.edit, ['office']);
    it = step(it, 'approve', {}, ['leader']);
    it = step(it, 'forward', PAYLOAD.forward, ['office']);
    it = step(it, 'record_adoption', { level: 'higher_cppcc' }, ['office']);
    it = step(it, 'archive', {}, ['office']);
    expect(it.state).toBe('archived');
    it = step(it, 'record_adoption', { level: 'provincial' }, ['office']);
    expect(it.state).toBe('archived');
    it = step(it, 'record_instruction', INSTRUCTION, ['office']);
    expect(it).toMatchObject({ state: 'instructed', data: { archivedAt: null } });
    it = step(it, 'record_feedback', PAYLOAD.record_feedback, ['office']);
    it = step(it, 'archive', {}, ['office']);
    expect([...seen].sort()).toEqual([...REPORT_STATES].sort());
    expect(it.data.adoptions.map((a) => a.level)).toEqual(['higher_cppcc', 'provincial']);

    expect([...reportMachine.final].sort()).toEqual(['archived', 'declined']);
    const leaving = SPEC.filter(
      ([, froms, , targets]) =>
        froms.some((f) => reportMachine.final.includes(f)) &&
        targets.some((t) => !reportMachine.final.includes(t)),
    );
    expect(leaving.map((s) => s[0])).toEqual(['record_instruction']);
    expect(availableActions(reportMachine, item('declined'), ctx(PARTIES))).toEqual([]);
  });

  it('offers the UI the actions of the party in the current state', () => {
    expect(availableActions(reportMachine, item('edited'), ctx(['leader']))).toEqual(['approve']);
    expect(availableActions(reportMachine, item('forwarded'), ctx(['office']))).toEqual([
      'forward',
      'record_adoption',
      'record_instruction',
      'archive',
    ]);
  });

  it('keeps a report within 1,500 characters, on submission and after editing', () => {
    expect(run(item('draft', { charCount: 1500 }), 'submit', {}, ['proposer']).ok).toBe(true);
    expect(issues(run(item('draft', { charCount: 1501 }), 'submit', {}, ['proposer']))).toEqual([
      'report_too_long',
    ]);
    expect(issues(run(item('draft', { charCount: 0 }), 'submit', {}, ['proposer']))).toEqual([
      'report_empty',
    ]);
    const long = '字'.repeat(1501);
    expect(issues(run(item('submitted'), 'edit', { content: long }, ['office']))).toEqual([
      'report_too_long',
    ]);
    const ok = run(item('submitted'), 'edit', { content: `${'字'.repeat(1499)} \n 。` }, ['office']);
    expect(ok).toMatchObject({ ok: true, to: 'edited', set: { charCount: 1500 } });
    const loose = { ...DEFAULT_REPORT_CONFIG, maxChars: 2000 };
    expect(run(item('submitted'), 'edit', { content: long }, ['office'], loose).ok).toBe(true);
  });

  it('counts characters as an editor does: code points, whitespace left out', () => {
    expect(countChars('关于 改善\n停车')).toBe(6);
    expect(countChars('𠀀A1，')).toBe(4);
    expect(countChars(' \t\n')).toBe(0);
  });

  it('forwards once per level, in a numbered bulletin, to a configured level', () => {
    const res = run(item('approved'), 'forward', PAYLOAD.forward, ['office']);
    expect(res).toMatchObject({ ok: true, to: 'forwarded' });
    const fwd = after(item('approved'), res);
    expect(fwd.data.forwards).toEqual([
      { level: 'higher_cppcc', bulletin: '社情民意', number: '2025年第12期', at: NOW.toISOString() },
    ]);
    expect(issues(run(fwd, 'forward', PAYLOAD.forward, ['office']))).toEqual(['already_forwarded']);
    const more = run(fwd, 'forward', { level: 'party_government', bulletin: '政协信息', number: '第3期' }, [
      'office',
    ]);
    expect(more).toMatchObject({ ok: true, to: 'forwarded' });
    const narrow = { ...DEFAULT_REPORT_CONFIG, levels: ['own_body' as const] };
    expect(issues(run(item('approved'), 'forward', PAYLOAD.forward, ['office'], narrow))).toEqual([
      'unknown_level',
    ]);
    expect(
      ReportActionPayloads.forward.safeParse({ level: 'city', bulletin: '社情民意', number: '1' }).success,
    ).toBe(false);
    expect(ReportActionPayloads.forward.safeParse({ level: 'own_body', bulletin: '社情民意' }).success).toBe(
      false,
    );
  });

  it('records adoption once per configured level', () => {
    const res = run(item('forwarded'), 'record_adoption', { level: 'national' }, ['office']);
    expect(res).toMatchObject({ ok: true, to: 'forwarded', set: { adoptions: [{ level: 'national' }] } });
    const adopted = item('forwarded', { adoptions: [{ level: 'national', at: NOW.toISOString() }] });
    expect(issues(run(adopted, 'record_adoption', { level: 'national' }, ['office']))).toEqual([
      'already_adopted',
    ]);
    const narrow = { ...DEFAULT_REPORT_CONFIG, levels: ['own_body' as const] };
    expect(
      issues(run(item('forwarded'), 'record_adoption', { level: 'national' }, ['office'], narrow)),
    ).toEqual(['unknown_level']);
  });

  it('records several instructions with the leader’s level and text, each with its follow-up', () => {
    let it = after(item('forwarded'), run(item('forwarded'), 'record_instruction', INSTRUCTION, ['office']));
    expect(it.state).toBe('instructed');
    const second = { ...INSTRUCTION, leaderName: '李副省长', leaderLevel: 'provincial', date: '2025-08-01' };
    it = after(it, run(it, 'record_instruction', second, ['office']));
    expect(it.data.instructions.map((x) => [x.leaderLevel, x.text])).toEqual([
      ['city', '请市交通局研究办理'],
      ['provincial', '请市交通局研究办理'],
    ]);
    expect(issues(run(it, 'record_instruction', { ...INSTRUCTION, date: '2025-08-02' }, ['office']))).toEqual(
      ['date_in_future'],
    );
    expect(
      ReportActionPayloads.record_instruction.safeParse({ ...INSTRUCTION, leaderLevel: 'town' }).success,
    ).toBe(false);
    // Archiving waits for the follow-up of every instruction.
    expect(issues(run(it, 'archive', {}, ['office']))).toEqual(['feedback_missing']);
    it = after(it, run(it, 'record_feedback', { instruction: 0, text: '已制定方案' }, ['office']));
    expect(issues(run(it, 'archive', {}, ['office']))).toEqual(['feedback_missing']);
    expect(issues(run(it, 'record_feedback', { instruction: 2, text: '不存在' }, ['office']))).toEqual([
      'unknown_instruction',
    ]);
    it = after(it, run(it, 'record_feedback', { instruction: 1, text: '省厅已部署' }, ['office']));
    expect(it.data.instructions.map((x) => x.feedback.length)).toEqual([1, 1]);
    expect(run(it, 'archive', {}, ['office'])).toMatchObject({ ok: true, to: 'archived' });
    const lax = { ...DEFAULT_REPORT_CONFIG, requireFeedbackBeforeArchive: false };
    const pending = item('instructed', {
      instructions: [{ ...INSTRUCTION, leaderLevel: 'city', feedback: [] }],
    });
    expect(run(pending, 'archive', {}, ['office'], lax).ok).toBe(true);
  });

  it('names every state, action and level, and has a message for every rule code', () => {
    const groups: [keyof typeof LABELS, readonly string[]][] = [
      ['reportState', REPORT_STATES],
      ['reportAction', REPORT_ACTIONS],
      ['reportLevel', REPORT_LEVELS],
      ['instructionLevel', INSTRUCTION_LEVELS],
    ];
    for (const [group, values] of groups) {
      expect(Object.keys(LABELS[group]).sort(), group).toEqual([...values].sort());
      for (const v of values) {
        const l = (LABELS[group] as Record<string, { zh: string; en: string }>)[v]!;
        expect(l.zh).toMatch(/\p{Script=Han}/u);
        expect(l.en).toMatch(/^[A-Z]/);
      }
    }
    const src = readFileSync(new URL('../src/tracking/opinion-reports.ts', import.meta.url), 'utf8');
    const codes = [...src.matchAll(/issue\([^;]*?'([a-z_]+)'\)/g)].map((m) => m[1]!);
    expect(codes.length).toBeGreaterThan(7);
    for (const c of codes) expect(VALIDATION_MESSAGES, c).toHaveProperty(c);
  });
});
