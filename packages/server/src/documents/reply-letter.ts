import type { Party, ProposalData, ProposalKind } from '@yiting/domain';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { bodies, itemEvents, itemUnits, people, units } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import type { BodyTrackingConfig } from '../tracking/config.ts';
import type { ItemRow } from '../tracking/registry.ts';
import { type Block, type OfficialDocument, renderOfficialDocument } from './gbt9704.ts';
import { bookTitle, chineseDate, chineseNumber, paragraphs } from './wording.ts';

/**
 * The handling unit's reply letter (答复函) to a proposal (提案) or a deputy suggestion (代表建议): the unit
 * writes to the proposer in the GB/T 9704 letter format, under its own name, with the result category at
 * the top left, as the office files it and the proposer receives it.
 */

/** Everything the letter says, read from the item, the unit's approved reply and the body. */
export interface ReplyLetterFacts {
  body: { name: string; shortName: string | null; kind: string; level: string; regionName: string };
  item: {
    kind: ProposalKind;
    title: string;
    sessionTerm: number | null;
    sessionMeeting: number | null;
    seqNo: number | null;
  };
  /** Whom the letter answers: the lead proposer (with co-signers: 「等」), or the submitting organisation. */
  to: { kind: 'person' | 'joint' | 'organisation'; name: string | null };
  unit: { name: string; kind: string; phone: string | null; signer: string | null };
  reply: { category: string; text: string; at: Date; by: string | null };
  /** Co-handling units (会办单位) of the lead unit's letter, copied. */
  coUnits: string[];
  /** The body's own 抄送 list, replacing the standard one. */
  copyTo: string[] | null;
}

/** 政协江门市第十四届委员会第三次会议 / 江门市第十七届人大第三次会议: the session an item was numbered in. */
export function sessionName(f: Pick<ReplyLetterFacts, 'body' | 'item'>): string | null {
  const { sessionTerm: term, sessionMeeting: meeting } = f.item;
  if (!term || !meeting) return null;
  const t = `第${chineseNumber(term)}届`;
  const m = `第${chineseNumber(meeting)}次会议`;
  const national = f.body.level === 'national';
  if (f.item.kind === 'proposal')
    return national ? `政协${t}全国委员会${m}` : `政协${f.body.regionName}${t}委员会${m}`;
  return national ? `${t}全国人大${m}` : `${f.body.regionName}${t}人大${m}`;
}

/** 抄送 by default: the body's committee that handles such items and, for a government department, the
 * government's supervision office (督查室); a town presidium itself. */
function standardCopies(f: ReplyLetterFacts): string[] {
  const short = f.body.shortName ?? f.body.name;
  const own =
    f.body.kind === 'town_npc_presidium'
      ? short
      : f.item.kind === 'proposal'
        ? `${short}提案委员会`
        : `${short}代表工作委员会`;
  return f.unit.kind === 'department' ? [own, `${f.body.regionName}人民政府督查室`] : [own];
}

/** The letter as GB/T 9704 elements; pure, so that the wording is testable without a database. */
export function composeReplyLetter(f: ReplyLetterFacts): OfficialDocument {
  const proposal = f.item.kind === 'proposal';
  const word = proposal ? '提案' : '建议';
  const session = sessionName(f);
  const no = f.item.seqNo ? `第${String(f.item.seqNo).padStart(4, '0')}号` : '';
  // 关于…提案的答复 (政协), 对…建议的答复 (人大), as each writes it.
  const lead = proposal ? '关于' : '对';
  const title =
    session && no ? `${lead}${session}${no}${word}的答复` : `${lead}${bookTitle(f.item.title)}的答复`;
  // A long title breaks after the session, not inside the number.
  const titleLines = session && no ? [`${lead}${session}`, `${no}${word}的答复`] : undefined;

  const organisation = f.to.kind === 'organisation';
  const name = f.to.name ?? '';
  const role = proposal ? '委员' : '代表';
  const addressee = organisation
    ? `${name}：`
    : `${proposal ? '尊敬的' : ''}${name}${f.to.kind === 'joint' ? '等' : ''}${role}：`;

  const body: Block[] = paragraphs(f.reply.text);
  // The customary opening, unless the unit wrote its own.
  if (!f.reply.text.includes('收悉'))
    body.unshift({
      kind: 'p',
      text: `${organisation ? '贵单位' : '您'}提出的${bookTitle(f.item.title)}收悉，现答复如下：`,
    });

  const contact = [
    f.reply.by ? `联系人：${f.reply.by}` : null,
    f.unit.phone ? `联系电话：${f.unit.phone}` : null,
  ].filter(Boolean);
  return {
    format: 'letter',
    mark: f.unit.name,
    number: '',
    headLeft: [`答复类别：${f.reply.category}`],
    signer: f.unit.signer ?? undefined,
    title,
    titleLines,
    addressee,
    body,
    signature: f.unit.name,
    date: chineseDate(f.reply.at),
    note: contact.length ? contact.join('，') : undefined,
    copyTo: [...(f.copyTo ?? standardCopies(f)), ...f.coUnits],
  };
}

/**
 * Who may download a unit's letter: the office, leaders (the supervising one too), the proposer and the
 * co-signers it answers, and the liaisons of that unit; not another handling unit's liaison.
 */
export function mayReadReplyLetter(
  parties: readonly Party[],
  actor: { roles: readonly string[]; unitId: string | null },
  unitId: string,
): boolean {
  if (parties.some((p) => READERS.has(p))) return true;
  return actor.roles.includes('liaison') && actor.unitId === unitId;
}
const READERS = new Set<Party>(['office', 'leader', 'supervisor', 'proposer', 'cosigner']);

const noReply = () =>
  new AppError('invalid_state', 'the unit has no approved reply', [
    { path: 'unitId', message: 'no_reply_yet' },
  ]);

/**
 * Reads the facts of one unit's reply: 404 when the unit does not handle the item; 409 invalid_state
 * until the office has approved the unit's reply (a reply returned, or re-handled and not yet answered
 * again, has none). The text is the unit's latest reply: the re-handled one after an unsatisfied rating.
 */
export async function replyLetterFacts(
  db: Db,
  row: ItemRow,
  unitId: string,
  config: BodyTrackingConfig,
): Promise<ReplyLetterFacts> {
  const d = row.data as ProposalData & { submitterName?: string | null };
  const handling = d.units.find((u) => u.unitId === unitId);
  if (!handling) throw new AppError('not_found', 'the unit does not handle this item');
  if (!handling.reply || !handling.finalCategory) throw noReply();
  const [event] = await db
    .select({ at: itemEvents.at, payload: itemEvents.payload, by: itemEvents.actorName })
    .from(itemEvents)
    .where(
      and(
        eq(itemEvents.itemId, row.id),
        eq(itemEvents.action, 'submit_reply'),
        eq(itemEvents.actorUnitId, unitId),
      ),
    )
    .orderBy(desc(itemEvents.seq))
    .limit(1);
  const text = (event?.payload as { summary?: string } | undefined)?.summary;
  if (!event || !text) throw noReply();

  const [body] = await db
    .select({
      name: bodies.name,
      shortName: bodies.shortName,
      kind: bodies.kind,
      level: bodies.level,
      regionName: bodies.regionName,
    })
    .from(bodies)
    .where(eq(bodies.id, row.bodyId));
  const [unit] = await db
    .select({ name: units.name, kind: units.kind, phone: units.phone, signer: itemUnits.responsibleLeader })
    .from(units)
    .leftJoin(itemUnits, and(eq(itemUnits.unitId, units.id), eq(itemUnits.itemId, row.id)))
    .where(eq(units.id, unitId));
  if (!body || !unit) throw new AppError('not_found', 'the unit does not handle this item');

  // Every kind but a member's or deputy's own (alone or jointly) is an organisation's, by its name.
  const organisation = !['individual', 'joint'].includes(d.submitterKind) && !!d.submitterName;
  const proposer =
    !organisation && row.proposerPersonId
      ? (
          await db
            .select({ name: people.name })
            .from(people)
            .where(and(eq(people.id, row.proposerPersonId), eq(people.bodyId, row.bodyId)))
        )[0]?.name
      : undefined;
  const coUnitIds =
    handling.role === 'lead' ? d.units.filter((u) => u.role === 'co').map((u) => u.unitId) : [];
  const coUnits = coUnitIds.length
    ? (await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, coUnitIds)))
        .sort((a, b) => coUnitIds.indexOf(a.id) - coUnitIds.indexOf(b.id))
        .map((u) => u.name)
    : [];
  return {
    body,
    item: {
      kind: row.type as ProposalKind,
      title: row.title,
      sessionTerm: row.sessionTerm,
      sessionMeeting: row.sessionMeeting,
      seqNo: row.seqNo,
    },
    to: organisation
      ? { kind: 'organisation', name: d.submitterName ?? null }
      : {
          kind: d.cosigners.some((c) => c.status === 'confirmed') ? 'joint' : 'person',
          name: proposer ?? null,
        },
    unit,
    reply: { category: handling.reply.category, text, at: event.at, by: event.by },
    coUnits,
    copyTo: config.proposalReplyCopyTo,
  };
}

export async function renderReplyLetter(db: Db, row: ItemRow, unitId: string, config: BodyTrackingConfig) {
  const doc = composeReplyLetter(await replyLetterFacts(db, row, unitId, config));
  return { doc, buffer: await renderOfficialDocument(doc) };
}
