import {
  availableActions,
  endOfDayCst,
  KeyProgress,
  KeyProgressQuery,
  keyProgress,
  PROPOSAL_STATES,
  Proposal,
  type ProposalData,
  ProposalFormConfig,
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
  summariseKeyProgress,
  warningLevel,
} from '@yiting/domain';
import { and, eq, inArray, not, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { TypedApp } from '../app.ts';
import type { Db } from '../db/client.ts';
import { bodies, trackedItems } from '../db/schema.ts';
import { sendFile, XLSX } from '../http.ts';
import { type Actor, bodyActorOf } from '../plugins/auth.ts';
import { keyProposalRows, latestEvents, proposalSessions } from '../repositories/key-proposals.ts';
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
import { trackingConfig } from '../tracking/config.ts';
import { typeDef } from '../tracking/registry.ts';
import { PROPOSAL_COLUMNS } from '../xlsx/item-columns.ts';
import { keyProposalsWorkbook } from '../xlsx/key-proposals.ts';
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

/**
 * 重点提案 of one session as the progress view shows them: each with its stage and latest event, the
 * stage counts, the sessions to choose from and the supervising leaders to filter by. The leader filter
 * applies after `supervisors` is counted (a session has a few dozen key proposals, not thousands).
 */
async function keyProgressOf(db: Db, actor: Actor & { bodyId: string }, q: KeyProgressQuery) {
  const def = typeDef('proposal');
  const sessions = await proposalSessions(db, def, actor, q.kind);
  const session =
    q.sessionTerm !== undefined && q.sessionMeeting !== undefined
      ? { term: q.sessionTerm, meeting: q.sessionMeeting }
      : (sessions.find((s) => s.keyCount > 0) ?? sessions[0] ?? null);
  const all = session ? await keyProposalRows(db, def, actor, { kind: q.kind, ...session }) : [];
  const names = await personNames(
    db,
    actor.bodyId,
    all.map((r) => r.supervisorPersonId),
  );
  const counts = new Map<string, number>();
  for (const r of all)
    if (r.supervisorPersonId) counts.set(r.supervisorPersonId, (counts.get(r.supervisorPersonId) ?? 0) + 1);
  const supervisors = [...counts]
    .filter(([id]) => names.has(id))
    .map(([personId, count]) => ({ personId, name: names.get(personId)!, count }));
  // A leader's own list; an account without a person supervises nothing (not everything).
  const leader = q.supervisedByMe === 'true' ? actor.account.personId : q.supervisorPersonId;
  const rows =
    q.supervisedByMe === 'true' || leader
      ? all.filter((r) => !!leader && r.supervisorPersonId === leader)
      : all;
  const config = await trackingConfig(db, actor.bodyId);
  const [presented, events] = await Promise.all([
    presentProposals(db, actor, rows, config),
    latestEvents(
      db,
      actor.bodyId,
      rows.map((r) => r.id),
    ),
  ]);
  const items = presented.map((p, i) => {
    const pos = keyProgress({ state: p.state, data: rows[i]!.data as ProposalData });
    const e = events.get(p.id);
    return {
      ...p,
      stage: pos.stage,
      stepsDone: pos.done,
      latestEvent: e ? { action: e.action, at: e.at.toISOString(), actorName: e.actorName } : null,
    };
  });
  return {
    sessions,
    session: session && { term: session.term, meeting: session.meeting },
    supervisors,
    summary: summariseKeyProgress(items),
    items,
  };
}

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
  // The body's own lists and rating rules, so that the action forms offer what the machine accepts.
  app.get(
    '/proposals/config',
    {
      config: { permission: 'proposal.read' },
      schema: {
        tags: ['proposals'],
        summary: 'What the action forms need of the body’s proposal configuration',
        description:
          'The reject reasons, result categories and rating scale the body uses, whether a proposer ' +
          'rates each unit’s attitude and result apart (`rateAttitudeAndResultApart`) or once overall, ' +
          'and the zh/en labels of the body’s own codes.',
        response: { 200: ProposalFormConfig },
      },
    },
    async (req) => {
      const c = (await trackingConfig(database.db, bodyActorOf(req).bodyId)).proposal;
      return {
        rejectReasons: c.rejectReasons,
        resultCategories: c.resultCategories,
        ratingScale: c.ratingScale,
        unsatisfiedRatings: c.unsatisfiedRatings,
        rateAttitudeAndResultApart: c.rateAttitudeAndResultApart,
        labels: c.labels,
      };
    },
  );

  app.get(
    '/proposals/key-progress',
    {
      config: { permission: 'proposal.read' },
      schema: {
        tags: ['proposals'],
        summary: 'Key proposals (重点提案) of a session with their progress, for the progress view',
        description:
          'The latest session with key proposals unless `sessionTerm` and `sessionMeeting` are given. ' +
          'A liaison sees the key proposals assigned to its unit, a member those they signed.',
        querystring: KeyProgressQuery,
        response: { 200: KeyProgress },
      },
    },
    async (req) => keyProgressOf(database.db, bodyActorOf(req), req.query),
  );

  app.get(
    '/proposals/key-progress.xlsx',
    {
      config: { permission: 'proposal.read' },
      schema: {
        tags: ['proposals'],
        summary: 'The key proposals’ progress as .xlsx, with the same filters as /proposals/key-progress',
        querystring: KeyProgressQuery,
      },
    },
    async (req, reply) => {
      const actor = bodyActorOf(req);
      const db = database.db;
      const progress = await keyProgressOf(db, actor, req.query);
      const [body] = await db.select({ name: bodies.name }).from(bodies).where(eq(bodies.id, actor.bodyId));
      const leader =
        req.query.supervisedByMe === 'true' ? actor.account.personId : (req.query.supervisorPersonId ?? null);
      const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
      const s = progress.session;
      const name = `key-${req.query.kind}s${s ? `-${s.term}-${s.meeting}` : ''}-${today}.xlsx`;
      const zhName = `${req.query.kind === 'proposal' ? '重点提案' : '重点督办建议'}${s ? `-${s.term}-${s.meeting}` : ''}-${today}.xlsx`;
      const buf = await keyProposalsWorkbook({
        bodyName: body?.name ?? '',
        progress,
        kind: req.query.kind,
        supervisor: progress.supervisors.find((x) => x.personId === leader)?.name ?? null,
        locale: req.locale,
        exportedOn: today,
      });
      return sendFile(reply, XLSX, buf, name, req.locale === 'en-US' ? name : zhName);
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
      q.final
        ? q.final === 'true'
          ? inArray(trackedItems.state, proposalMachine.final)
          : not(inArray(trackedItems.state, proposalMachine.final))
        : undefined,
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
    export: {
      name: (q) =>
        q.kind === 'suggestion'
          ? { zh: '建议', en: 'Suggestions', ascii: 'suggestions' }
          : q.kind === 'proposal'
            ? { zh: '提案', en: 'Proposals', ascii: 'proposals' }
            : { zh: '提案和建议', en: 'Proposals and suggestions', ascii: 'proposals' },
      columns: PROPOSAL_COLUMNS,
    },
  });
}
