import {
  availableActions,
  endOfDayCst,
  PROPOSAL_STATES,
  Proposal,
  type ProposalData,
  ProposalInput,
  type ProposalKind,
  ProposalListQuery,
  ProposalPatch,
  type ProposalState,
  ProposalTransitionInput,
  proposalIsActive,
  proposalMachine,
  proposalNextDeadline,
  type SubmitterKind,
  warningLevel,
} from '@yiting/domain';
import { and, eq, inArray, not, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { TypedApp } from '../app.ts';
import { trackedItems } from '../db/schema.ts';
import { bodyActorOf } from '../plugins/auth.ts';
import { todayCst, unitsOfItems } from '../repositories/matters.ts';
import { listPeople, membershipsOf } from '../repositories/people.ts';
import {
  acceptedSql,
  ratingSql,
  receivedSql,
  replySql,
  resultCategorySql,
} from '../repositories/statistics.ts';
import { assignedToUnit, personNames, signersOfItems } from '../repositories/tracked-items.ts';
import { typeDef } from '../tracking/registry.ts';
import type { RouteContext } from './context.ts';
import { itemRoutes, type Presenter } from './tracked-items.ts';

const ACTIVE = PROPOSAL_STATES.filter(proposalIsActive);
// Recorded only through a merge (the engine fires it on the target); never a button of its own.
const HIDDEN_ACTIONS = new Set(['absorb', 'close_signatures']);

/** Warning levels in SQL, as `warningLevel` computes them from the next open deadline. */
function warningSql(level: 'green' | 'yellow' | 'red', yellowDays: number): SQL {
  const active = inArray(trackedItems.state, ACTIVE);
  const red = sql`${trackedItems.deadline} < ${todayCst}`;
  const soon = sql`${trackedItems.deadline} <= ${todayCst} + ${yellowDays}::int`;
  if (level === 'red') return and(active, red)!;
  if (level === 'yellow') return and(active, sql`not ${red}`, soon)!;
  return and(active, sql`(${trackedItems.deadline} is null or not ${soon})`)!;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export const presentProposals: Presenter<Proposal> = async (db, actor, rows, config) => {
  const now = new Date();
  const def = typeDef('proposal');
  const ids = rows.map((r) => r.id);
  const units = await unitsOfItems(db, actor.bodyId, ids);
  const signers = await signersOfItems(db, actor.bodyId, ids);
  const names = await personNames(
    db,
    actor.bodyId,
    rows.flatMap((r) => [r.proposerPersonId, r.supervisorPersonId]),
  );
  return rows.map((r) => {
    const d = r.data as ProposalData & { submitterName?: string | null };
    const state = r.state as ProposalState;
    const mine = units.filter((u) => u.itemId === r.id);
    const unitName = new Map(mine.map((u) => [u.unitId, u.unitName]));
    // Signers in the order they were named: the lead, then the co-signers, then those who dropped off.
    const order = [
      r.proposerPersonId,
      ...d.cosigners.map((c) => c.personId),
      ...d.droppedCosigners.map((c) => c.personId),
    ];
    const itemSigners = signers
      .filter((s) => s.itemId === r.id)
      .sort((a, b) => order.indexOf(a.personId) - order.indexOf(b.personId));
    const snapshot = { state, version: r.version, data: d };
    const next = proposalNextDeadline(snapshot);
    return {
      id: r.id,
      bodyId: r.bodyId,
      kind: r.type as ProposalKind,
      number: r.number,
      sessionTerm: r.sessionTerm,
      sessionMeeting: r.sessionMeeting,
      seqNo: r.seqNo,
      title: r.title,
      content: r.content,
      category: r.category,
      sector: r.sector,
      submitterKind: (r.submitterKind ?? d.submitterKind) as SubmitterKind,
      submitterName: d.submitterName ?? null,
      proposerPersonId: r.proposerPersonId,
      proposerName: r.proposerPersonId ? (names.get(r.proposerPersonId) ?? null) : null,
      signers: itemSigners.map((s) => ({
        personId: s.personId,
        name: s.name,
        role: s.role as 'lead' | 'cosigner',
        status: s.status as 'invited' | 'confirmed' | 'declined' | 'dropped',
        at: iso(s.at),
      })),
      state,
      version: r.version,
      window: d.window,
      signatureDeadline: d.signatureDeadline,
      submittedAt: d.submittedAt,
      acceptedAt: d.acceptedAt,
      returnCount: d.returnCount,
      rejectReason: d.rejectReason,
      conversion: d.conversion,
      mergedInto: d.mergedInto,
      mergedFrom: d.mergedFrom,
      mode: d.mode,
      // Units in the data's order (lead first); names from the unit table.
      units: d.units
        .filter((u) => unitName.has(u.unitId))
        .map((u) => ({ ...u, unitName: unitName.get(u.unitId)! })),
      objections: d.objections,
      assignedAt: d.assignedAt,
      contactDeadline: d.contactDeadline,
      coOpinionDeadline: d.coOpinionDeadline,
      replyDeadline: d.replyDeadline,
      deadline: r.deadline,
      nextDeadline: next,
      warning: warningLevel(
        { deadline: r.deadline ? endOfDayCst(r.deadline) : null, active: proposalIsActive(state) },
        now,
        config.proposal.yellowDays,
      ),
      extensionCount: d.extensionCount,
      pendingExtension: d.pendingExtension,
      round: d.round,
      ratings: d.ratings,
      repliedAt: d.repliedAt,
      key: r.isKey,
      supervisorPersonId: r.supervisorPersonId,
      supervisorName: r.supervisorPersonId ? (names.get(r.supervisorPersonId) ?? null) : null,
      keyMeeting: r.isKey ? (d.keyMeeting ?? null) : null,
      closedAt: iso(r.closedAt),
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      actions: availableActions(proposalMachine, snapshot, {
        now,
        config: config.proposal,
        parties: def.parties(actor, r, mine),
      }).filter((a) => !HIDDEN_ACTIONS.has(a)),
    };
  });
};

/** Who may be asked to co-sign: the body's members and deputies, by name or pinyin. */
const CosignerQuery = z.object({ q: z.string().trim().max(50).optional() });
const Cosigners = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), sector: z.string().nullable() })),
});

/** 提案 and 代表建议 (`kind`), one list: `/api/v1/proposals`. */
export function proposalRoutes(app: TypedApp, { database }: RouteContext) {
  // A member has no person.read, yet names co-signers: this answers names only, never the register.
  app.get(
    '/proposals/cosigner-candidates',
    {
      config: { permission: 'proposal.submit' },
      schema: { tags: ['proposals'], querystring: CosignerQuery, response: { 200: Cosigners } },
    },
    async (req) => {
      const actor = bodyActorOf(req);
      const found = await Promise.all(
        (['member', 'deputy'] as const).map((role) =>
          listPeople(database.db, { bodyId: actor.bodyId, q: req.query.q, role, limit: 20 }),
        ),
      );
      const rows = [...new Map(found.flat().map((r) => [r.id, r])).values()].slice(0, 20);
      const ms = await membershipsOf(
        database.db,
        actor.bodyId,
        rows.map((r) => r.id),
      );
      return {
        items: rows.map((r) => ({
          id: r.id,
          name: r.name,
          sector: ms.find((m) => m.personId === r.id && m.sector)?.sector ?? null,
        })),
      };
    },
  );
  itemRoutes(app, database.db, {
    type: 'proposal',
    path: '/proposals',
    tag: 'proposals',
    read: 'proposal.read',
    submit: 'proposal.submit',
    schemas: {
      item: Proposal,
      input: ProposalInput,
      patch: ProposalPatch,
      query: ProposalListQuery,
      transition: ProposalTransitionInput,
    },
    filters: (q: z.infer<typeof ProposalListQuery>, actor, config) => [
      q.kind ? eq(trackedItems.type, q.kind) : undefined,
      q.state ? eq(trackedItems.state, q.state) : undefined,
      q.sessionTerm ? eq(trackedItems.sessionTerm, q.sessionTerm) : undefined,
      q.sessionMeeting ? eq(trackedItems.sessionMeeting, q.sessionMeeting) : undefined,
      q.category ? eq(trackedItems.category, q.category) : undefined,
      q.sector ? eq(trackedItems.sector, q.sector) : undefined,
      q.submitterKind ? eq(trackedItems.submitterKind, q.submitterKind) : undefined,
      q.proposerPersonId ? eq(trackedItems.proposerPersonId, q.proposerPersonId) : undefined,
      q.unitId ? assignedToUnit(actor.bodyId, q.unitId) : undefined,
      q.key ? eq(trackedItems.isKey, q.key === 'true') : undefined,
      q.warning ? warningSql(q.warning, config.proposal.yellowDays) : undefined,
      // The statistics' figures link here with these (repositories/statistics.ts builds both).
      q.year !== undefined || q.received === 'true' ? receivedSql(actor.bodyId, q.year) : undefined,
      q.received === 'false' ? not(receivedSql(actor.bodyId)) : undefined,
      q.accepted
        ? q.accepted === 'true'
          ? acceptedSql(actor.bodyId)
          : not(acceptedSql(actor.bodyId))
        : undefined,
      q.reply ? replySql(actor.bodyId, q.reply, q.unitId) : undefined,
      q.rating ? ratingSql(actor.bodyId, q.rating, config.proposal.unsatisfiedRatings, q.unitId) : undefined,
      q.resultCategory ? resultCategorySql(q.resultCategory, q.unitId) : undefined,
    ],
    present: presentProposals,
  });
}
