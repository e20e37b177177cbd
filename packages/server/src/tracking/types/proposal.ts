import {
  type Cosigner,
  LABELS,
  type MachineDef,
  newProposalData,
  ProposalActionPayloads,
  type ProposalData,
  type ProposalInput,
  type ProposalKind,
  type ProposalPatch,
  type ProposalState,
  proposalMachine,
  proposalNextDeadline,
  type SubmitterKind,
} from '@yiting/domain';
import { and, eq, inArray, lt, lte, notInArray, or, type SQL, sql } from 'drizzle-orm';
import { trackedItems } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { allocateNumber } from '../../usecases/doc-numbers.ts';
import { authorParties, personalScopeSql } from '../parties.ts';
import type { Env, ItemData, ItemRow, ItemTypeDef, Notice, SignerRow } from '../registry.ts';
import { assertPeople, authorOf, checkCosigners, requireName, sectorOf } from './authors.ts';
import { proposalDeadlines } from './proposal-deadlines.ts';

export const PROPOSAL_TYPES = ['proposal', 'suggestion'] as const;

/** Submitted by an organisation rather than by a person (who would be its proposer). */
const ORGANISATIONS: SubmitterKind[] = ['sector', 'party', 'organisation', 'committee', 'delegation'];

const iso = (v: string | null) => (v ? new Date(v) : null);
const data = (row: { data: unknown }) => row.data as ProposalData;
const kindWord = (row: ItemRow) => LABELS.proposalKind[row.type as ProposalKind]?.zh ?? '提案';
const notice = (to: Notice['to'], zh: string, when?: Notice['when']): Notice => ({
  to,
  zh,
  ...(when && { when }),
});

function submitterKindOf(given: SubmitterKind | undefined, current: SubmitterKind, cosigners: number) {
  if (given) return given;
  if (cosigners > 0 && current === 'individual') return 'joint';
  if (cosigners === 0 && current === 'joint') return 'individual';
  return current;
}

/** Proposals in this body that a merge may name. */
async function proposalsOf(env: Env, ids: string[]) {
  return env.tx
    .select({ id: trackedItems.id, data: trackedItems.data })
    .from(trackedItems)
    .where(
      and(
        eq(trackedItems.bodyId, env.actor.bodyId),
        inArray(trackedItems.type, [...PROPOSAL_TYPES]),
        inArray(trackedItems.id, ids),
      ),
    );
}

/**
 * What a reviewer compares a proposal with: the proposals that reached the office (not drafts, not
 * those still collecting signatures) of its session and the sessions before, without those already
 * merged into it. Items without a session (entered between terms) are compared with all.
 */
function similarTo(row: ItemRow): SQL | undefined {
  const merged = data(row).mergedFrom;
  const t = trackedItems;
  return and(
    notInArray(t.state, ['draft', 'collecting_signatures']),
    merged.length ? notInArray(t.id, merged) : undefined,
    row.sessionTerm === null
      ? undefined
      : or(
          sql`${t.sessionTerm} is null`,
          lt(t.sessionTerm, row.sessionTerm),
          and(
            eq(t.sessionTerm, row.sessionTerm),
            row.sessionMeeting === null
              ? undefined
              : or(sql`${t.sessionMeeting} is null`, lte(t.sessionMeeting, row.sessionMeeting)),
          ),
        ),
  );
}

/** 提案 (CPPCC) and 代表建议 (NPC): one machine; `type` is the kind, so numbers run per kind. */
export const proposalType: ItemTypeDef = {
  types: PROPOSAL_TYPES,
  name: 'proposal',
  machine: proposalMachine as unknown as MachineDef<string, string, unknown>,
  payloads: ProposalActionPayloads,
  config: (c) => c.proposal,
  scope: (actor) => personalScopeSql(actor, { signers: true, units: true }),
  similarTo,
  parties: (actor, item, units) =>
    authorParties(
      actor,
      'proposal.manage',
      item,
      units,
      data(item).cosigners.map((c) => c.personId),
    ),
  columns: (raw, state, row) => {
    const d = raw as ProposalData;
    const next = proposalNextDeadline({ state: state as ProposalState, version: row.version, data: d });
    return {
      leadUnitId: d.units.find((u) => u.role === 'lead')?.unitId ?? null,
      deadline: next?.date ?? null,
      closedAt: iso(d.closedAt),
      isKey: d.key,
      supervisorPersonId: d.supervisorPersonId,
      submitterKind: d.submitterKind,
    };
  },
  assignment: {
    actions: ['assign', 'reassign'],
    unitRefs: (p) => {
      if (typeof p.unitId === 'string') return [{ id: p.unitId, path: 'payload.unitId' }];
      if (p.mode === 'separate')
        return (p.unitIds as string[]).map((id, i) => ({ id, path: `payload.unitIds.${i}` }));
      return [
        { id: p.leadUnitId as string, path: 'payload.leadUnitId' },
        ...((p.coUnitIds as string[] | undefined) ?? []).map((id, i) => ({
          id,
          path: `payload.coUnitIds.${i}`,
        })),
      ];
    },
    units: (_p, d) => (d as ProposalData).units.map((u) => ({ unitId: u.unitId, role: u.role })),
  },
  fileFields: ['fileIds'],
  signers: (raw, row) => {
    const d = raw as ProposalData;
    const out = new Map<string, SignerRow>();
    if (row.proposerPersonId)
      out.set(row.proposerPersonId, {
        personId: row.proposerPersonId,
        role: 'lead',
        status: 'confirmed',
        at: iso(d.submittedAt) ?? row.createdAt,
      });
    const status = (c: Cosigner, dropped: boolean): SignerRow['status'] =>
      c.status === 'declined'
        ? 'declined'
        : c.status === 'confirmed'
          ? 'confirmed'
          : dropped
            ? 'dropped'
            : 'invited';
    for (const [list, dropped] of [
      [d.cosigners, false],
      [d.droppedCosigners, true],
    ] as const)
      for (const c of list)
        if (!out.has(c.personId))
          out.set(c.personId, {
            personId: c.personId,
            role: 'cosigner',
            status: status(c, dropped),
            at: iso(c.at),
          });
    return [...out.values()];
  },
  // 第 N 号 within the session (届次·会次) and kind, given at acceptance (立案).
  number: async (env, row, action) => {
    if (action !== 'accept' || row.number || row.sessionTerm === null || row.sessionMeeting === null)
      return null;
    // Sessions, not years, number proposals: the session is the sequence's name and its year is 0.
    const prefix = `${row.type}:${row.sessionTerm}-${row.sessionMeeting}`;
    const { seq } = await allocateNumber(env.tx, env.actor.bodyId, prefix, 0);
    return {
      number: `${row.sessionTerm}-${row.sessionMeeting}-${String(seq).padStart(4, '0')}`,
      seqNo: seq,
    };
  },
  references: async (env, row, action, p) => {
    if (action === 'merge') {
      const targetId = p.targetId as string;
      if (targetId === row.id)
        throw new AppError('validation_failed', undefined, [
          { path: 'payload.targetId', message: 'merge_self' },
        ]);
      if (!(await proposalsOf(env, [targetId])).length)
        throw new AppError('validation_failed', undefined, [
          { path: 'payload.targetId', message: 'unknown_item' },
        ]);
    }
    // A target records only items merged into it (the merge itself fires this).
    if (action === 'absorb') {
      const ids = p.itemIds as string[];
      const found = new Map((await proposalsOf(env, ids)).map((r) => [r.id, data(r).mergedInto]));
      const bad = ids.map((id, i) => ({ id, i })).filter(({ id }) => found.get(id) !== row.id);
      if (bad.length)
        throw new AppError(
          'validation_failed',
          undefined,
          bad.map(({ i }) => ({ path: `payload.itemIds.${i}`, message: 'unknown_item' })),
        );
    }
    if (action === 'mark_key' && typeof p.supervisorPersonId === 'string')
      await assertPeople(env.tx, env.actor.bodyId, [
        { id: p.supervisorPersonId, path: 'payload.supervisorPersonId' },
      ]);
  },
  effects: (row, action, p) =>
    action === 'merge'
      ? [
          {
            id: p.targetId as string,
            action: 'absorb',
            payload: { itemIds: [row.id] },
            path: 'payload.targetId',
            message: 'merge_target_invalid',
          },
        ]
      : [],
  // Converted with consent into a public-opinion report: a draft for the author (or the office) to trim
  // to the report's limit and submit, linked both ways.
  spawns: (row, action) => {
    const d = data(row);
    if (action !== 'accept_conversion' || d.conversion?.to !== 'opinion_report') return [];
    const kind = d.submitterKind;
    return [
      {
        type: 'opinion_report',
        input: {
          title: row.title,
          content: row.content,
          category: row.category,
          sector: row.sector,
          submitterKind: !ORGANISATIONS.includes(kind)
            ? 'member'
            : kind === 'delegation'
              ? 'organisation'
              : kind,
          submitterName: (row.data as ItemData).submitterName ?? null,
          proposerPersonId: row.proposerPersonId,
        },
        data: { convertedFromId: row.id },
        record: (id) => ({ conversion: { to: 'opinion_report', itemId: id } }),
      },
    ];
  },
  notices: {
    submit: notice('cosigners', '邀请您联名', (_f, to) => to === 'collecting_signatures'),
    close_signatures: notice('proposer', '联名征集期满，已提交审查'),
    accept: notice('proposer', '已立案'),
    reject: notice('proposer', '不予立案'),
    return_for_revision: notice('proposer', '退回修改'),
    offer_conversion: notice('proposer', '拟转办，请确认是否同意'),
    merge: notice('proposer', '已并案办理'),
    assign: notice('units', '新交办'),
    reassign: notice('units', '改派交办'),
    dismiss_objection: notice('units', '异议未被采纳，请签收办理'),
    return_reply: notice('units', '答复被退回，请修改'),
    approve_reply: notice('proposer', '已答复，请评价办理结果'),
    rate: notice('units', '提案人不满意，请重新办理', (_f, to) => to === 'handling'),
    urge: notice('units', '催办通知'),
    approve_extension: notice('units', '延期申请已批准'),
    reject_extension: notice('units', '延期申请未获批准'),
  },
  noticeTitle: (row, zh) => `${kindWord(row)}${zh}：${row.title}`,
  deadlines: proposalDeadlines,

  create: async (env, raw) => {
    const input = raw as ProposalInput;
    const { tx, actor } = env;
    const cosignerIds = input.cosignerIds ?? [];
    const submitterKind = submitterKindOf(input.submitterKind, 'individual', cosignerIds.length);
    const organisation = ORGANISATIONS.includes(submitterKind);
    const author = authorOf(env, 'proposal.manage', input.proposerPersonId, !organisation);
    requireName(organisation, input.submitterName);
    if (author.personId)
      await assertPeople(tx, actor.bodyId, [{ id: author.personId, path: 'proposerPersonId' }]);
    await checkCosigners(tx, actor.bodyId, author.personId, cosignerIds);
    const term = input.sessionTerm ?? env.config.proposalSession?.term ?? null;
    const meeting = input.sessionMeeting ?? env.config.proposalSession?.meeting ?? null;
    if (term === null || meeting === null)
      throw new AppError('validation_failed', undefined, [
        { path: term === null ? 'sessionTerm' : 'sessionMeeting', message: 'required' },
      ]);
    const d: ProposalData & ItemData = {
      ...newProposalData(input.kind, submitterKind, cosignerIds),
      submitterName: input.submitterName ?? null,
      enteredOnBehalf: author.onBehalf,
    };
    return {
      type: input.kind,
      columns: {
        title: input.title,
        content: input.content,
        category: input.category ?? null,
        sector: input.sector ?? (await sectorOf(tx, actor.bodyId, author.personId)),
        submitterKind,
        proposerPersonId: author.personId,
        sessionTerm: term,
        sessionMeeting: meeting,
      },
      data: d,
      eventPayload: { title: input.title, kind: input.kind, cosignerIds, onBehalf: author.onBehalf },
    };
  },

  // The proposer (or the office) edits a draft, or a proposal returned for revision; names only in a draft.
  edit: {
    states: ['draft', 'returned'],
    parties: ['proposer', 'office'],
    apply: async (env, row, raw) => {
      const patch = raw as ProposalPatch;
      const d = data(row);
      if (patch.cosignerIds !== undefined && row.state !== 'draft')
        throw new AppError('invalid_state', 'co-signers change only in a draft');
      const cosignerIds = patch.cosignerIds ?? d.cosigners.map((c) => c.personId);
      if (patch.cosignerIds)
        await checkCosigners(env.tx, env.actor.bodyId, row.proposerPersonId, cosignerIds);
      const submitterKind = submitterKindOf(patch.submitterKind, d.submitterKind, cosignerIds.length);
      const submitterName =
        patch.submitterName !== undefined ? patch.submitterName : (row.data as ItemData).submitterName;
      const organisation = ORGANISATIONS.includes(submitterKind);
      requireName(organisation, submitterName as string | null);
      if (!organisation && !row.proposerPersonId)
        throw new AppError('validation_failed', undefined, [
          { path: 'submitterKind', message: 'invalid_value' },
        ]);
      const kept = new Map(d.cosigners.map((c) => [c.personId, c]));
      return {
        columns: {
          ...(patch.title !== undefined && { title: patch.title }),
          ...(patch.content !== undefined && { content: patch.content }),
          ...(patch.category !== undefined && { category: patch.category }),
          ...(patch.sector !== undefined && { sector: patch.sector }),
          submitterKind,
        },
        data: {
          ...d,
          submitterKind,
          submitterName: submitterName ?? null,
          cosigners: cosignerIds.map(
            (personId) => kept.get(personId) ?? { personId, status: 'pending' as const, at: null },
          ),
        },
      };
    },
  },
};
