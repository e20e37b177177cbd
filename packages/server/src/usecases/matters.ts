import type { MatterInput } from '@yiting/domain';
import type { Db } from '../db/client.ts';
import type { Actor } from '../plugins/auth.ts';
import { createItem, editItem, fireItemAction } from './tracked-items.ts';

// Matters go through the one tracked-item engine (usecases/tracked-items.ts, tracking/types/matter.ts);
// these wrappers keep the matter-shaped calls the routes, the demo and the jobs use.

type BodyActor = Actor & { bodyId: string };

/** Creates a draft matter, usually from a research finding or a meeting's agreed item. */
export async function createMatter(opts: { db: Db; actor: BodyActor; input: MatterInput; now?: Date }) {
  return createItem({ ...opts, type: 'matter' });
}

/** Edits the text of a matter that is not yet finished (the office corrects wording, requirements). */
export async function updateMatter(opts: {
  db: Db;
  actor: BodyActor;
  id: string;
  version: number;
  patch: Partial<MatterInput>;
}) {
  return editItem({ ...opts, type: 'matter' });
}

/** Fires one transition of a matter (see fireItemAction). */
export async function fireMatterAction(opts: {
  db: Db;
  actor: BodyActor;
  id: string;
  version: number;
  action: string;
  payload: unknown;
  now?: Date;
}) {
  return fireItemAction({ ...opts, type: 'matter' });
}
