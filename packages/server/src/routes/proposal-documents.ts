import { Id } from '@yiting/domain';
import { z } from 'zod';
import type { TypedApp } from '../app.ts';
import { mayReadReplyLetter, renderReplyLetter } from '../documents/reply-letter.ts';
import { forbidden, notFound } from '../errors.ts';
import { DOCX, sendFile } from '../http.ts';
import { bodyActorOf } from '../plugins/auth.ts';
import { findItem } from '../repositories/tracked-items.ts';
import { trackingConfig } from '../tracking/config.ts';
import { typeDef } from '../tracking/registry.ts';
import type { RouteContext } from './context.ts';

const UnitParams = z.strictObject({ id: Id, unitId: Id });

/** Generated documents of proposals and deputy suggestions: a handling unit's reply letter (.docx). */
export function proposalDocumentRoutes(app: TypedApp, { database }: RouteContext) {
  const db = database.db;
  const def = typeDef('proposal');

  app.get(
    '/proposals/:id/units/:unitId/reply-letter.docx',
    {
      config: { permission: 'proposal.read' },
      schema: {
        tags: ['proposals'],
        params: UnitParams,
        summary: 'A handling unit’s reply letter (答复函) as .docx in the GB/T 9704 letter format',
        description:
          'Issued under the unit’s name to the proposer, with the result category at the top left and the ' +
          'unit’s latest approved reply as its text. For the office, leaders, the proposer and co-signers, and ' +
          'the liaisons of that unit (403 for another unit’s). 404 when the unit does not handle the item; ' +
          '409 invalid_state until the office has approved the unit’s reply.',
      },
    },
    async (req, reply) => {
      const actor = bodyActorOf(req);
      const row = await findItem(db, def, actor, req.params.id);
      if (!row) throw notFound();
      const handling = (row.data as { units: { unitId: string; role: string }[] }).units;
      if (!mayReadReplyLetter(def.parties(actor, row, handling), actor, req.params.unitId)) throw forbidden();
      const { doc, buffer } = await renderReplyLetter(
        db,
        row,
        req.params.unitId,
        await trackingConfig(db, actor.bodyId),
      );
      const name = `${doc.title}-${doc.signature}.docx`;
      return sendFile(reply, DOCX, buffer, `reply-letter-${row.id}.docx`, name);
    },
  );
}
