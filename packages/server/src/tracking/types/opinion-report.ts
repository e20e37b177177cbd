import {
  countChars,
  type MachineDef,
  newReportData,
  type OpinionReportInput,
  type OpinionReportPatch,
  ReportActionPayloads,
  type ReportData,
  type ReportSubmitterKind,
  reportMachine,
} from '@yiting/domain';
import { ne } from 'drizzle-orm';
import { trackedItems } from '../../db/schema.ts';
import { authorParties, personalScopeSql } from '../parties.ts';
import type { ItemData, ItemTypeDef } from '../registry.ts';
import { assertPeople, authorOf, requireName, sectorOf } from './authors.ts';

const iso = (v: string | null) => (v ? new Date(v) : null);

/** 社情民意信息: one matter per report, edited, approved, forwarded, adopted and instructed by level. */
export const reportType: ItemTypeDef = {
  types: ['opinion_report'],
  name: 'opinion_report',
  machine: reportMachine as unknown as MachineDef<string, string, unknown>,
  payloads: ReportActionPayloads,
  config: (c) => c.report,
  scope: (actor) => personalScopeSql(actor, { signers: false, units: false }),
  // Compared with reports that reached the office (an author's draft is theirs alone).
  similarTo: () => ne(trackedItems.state, 'draft'),
  parties: (actor, item) => authorParties(actor, 'opinion.manage', item, []),
  // Adoption levels and instructions are counted in statistics and filtered on in lists.
  columns: (raw) => {
    const d = raw as ReportData;
    return {
      closedAt: iso(d.archivedAt),
      adoptionLevels: d.adoptions.map((a) => a.level),
      instructionCount: d.instructions.length,
      submitterKind: d.submitterKind,
    };
  },
  fileFields: [],
  // The editor's text replaces the author's (the machine has checked its length).
  payloadColumns: (action, p) => (action === 'edit' ? { content: p.content as string } : {}),
  notices: {
    decline: { to: 'proposer', zh: '社情民意信息不予采用' },
    forward: { to: 'proposer', zh: '社情民意信息已报送' },
    record_adoption: { to: 'proposer', zh: '社情民意信息被采用' },
    record_instruction: { to: 'proposer', zh: '社情民意信息获领导批示' },
  },

  create: async (env, raw) => {
    const input = raw as OpinionReportInput;
    const submitterKind: ReportSubmitterKind = input.submitterKind ?? 'member';
    const organisation = submitterKind !== 'member';
    const author = authorOf(env, 'opinion.manage', input.proposerPersonId, !organisation);
    requireName(organisation, input.submitterName);
    if (author.personId)
      await assertPeople(env.tx, env.actor.bodyId, [{ id: author.personId, path: 'proposerPersonId' }]);
    const d: ReportData & ItemData = {
      ...newReportData(submitterKind, countChars(input.content)),
      submitterName: input.submitterName ?? null,
      enteredOnBehalf: author.onBehalf,
    };
    return {
      type: 'opinion_report',
      columns: {
        title: input.title,
        content: input.content,
        category: input.category ?? null,
        sector: input.sector ?? (await sectorOf(env.tx, env.actor.bodyId, author.personId)),
        submitterKind,
        proposerPersonId: author.personId,
      },
      data: d,
      eventPayload: { title: input.title, charCount: d.charCount, onBehalf: author.onBehalf },
    };
  },

  edit: {
    states: ['draft'],
    parties: ['proposer', 'office'],
    apply: async (_env, row, raw) => {
      const patch = raw as OpinionReportPatch;
      const d = row.data as ReportData & ItemData;
      const submitterKind = patch.submitterKind ?? d.submitterKind;
      const submitterName = patch.submitterName !== undefined ? patch.submitterName : d.submitterName;
      requireName(submitterKind !== 'member', submitterName as string | null);
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
          charCount: countChars(patch.content ?? row.content),
        },
      };
    },
  },
};
