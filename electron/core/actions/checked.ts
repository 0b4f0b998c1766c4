/**
 * The selection a confirmation dialog checked (actions.applicable), kept in memory so the enqueue
 * that follows it (the user's confirmation) neither sends the ids again nor checks them again.
 *
 * - applicable finds, for each selected client in order (duplicates dropped), whether each action
 *   applies to it (by cached status; not already waiting for another action), returns the counts
 *   with an opaque `selection`, and keeps the eligible clients per action with a stamp of the
 *   database's writes (db/write-stamp.ts).
 * - actions.enqueue given that selection uses the eligible clients found then when nothing has
 *   been written since (the same stamp, read inside the enqueue's own transaction); otherwise it
 *   checks the kept ids again, exactly as an enqueue given ids does.
 * - The last few selections per database are kept (the bulk bar asks again when the selection or
 *   the data change). One that is not kept (evicted, or the core restarted) is not_found: the
 *   renderer then sends the ids.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { BulkAction } from '../../../shared/contract/platform';
import { AppError } from '../../../shared/contract/rpc/errors';
import { writeStamp } from '../db/write-stamp';

/** The status a client must have for the action to apply (delete applies to any). */
export const APPLIES_TO: Record<BulkAction, string[] | null> = {
  block: ['active'],
  unblock: ['blocked'],
  delete: null,
};

/** What the enqueue of a kept selection is given: its ids and, per action, the eligible ones when checked. */
export interface CheckedSelection {
  /** The selected ids in order, duplicates dropped. */
  ids: string[];
  /** The clients the action applied to at `stamp`, in selection order. */
  eligible: string[];
  stamp: string;
}

interface Kept {
  ids: string[];
  eligible: Record<BulkAction, string[]>;
  stamp: string;
}

/** Selections kept per database, oldest first; at most this many, and at most this many ids in all. */
const KEEP = 4;
const KEEP_IDS = 400_000;
const keptBy = new WeakMap<Database.Database, Map<string, Kept>>();

/** How many of the ids each action would apply to, with enqueue's rules; the selection is kept. */
export function applicable(
  db: Database.Database,
  ids: readonly string[],
): { block: number; unblock: number; delete: number; selected: number; selection: string } {
  const selection = [...new Set(ids)];
  // The stamp first: a write by another connection after it moves the stamp, never the other way round.
  const stamp = writeStamp(db);
  const rows = db
    .prepare(
      `SELECT c.status, EXISTS (SELECT 1 FROM outbox o WHERE o.client_id = s.value AND o.state IN ('pending','sending'))
       FROM json_each(?) s LEFT JOIN clients c ON c.id = s.value ORDER BY s.key`,
    )
    .raw()
    .all(JSON.stringify(selection)) as [string | null, number][];
  const eligible: Record<BulkAction, string[]> = { block: [], unblock: [], delete: [] };
  const actions = Object.keys(eligible) as BulkAction[];
  rows.forEach(([status, open], i) => {
    if (status === null || open) return;
    for (const a of actions) {
      const applies = APPLIES_TO[a];
      if (!applies || applies.includes(status)) eligible[a].push(selection[i]!);
    }
  });
  const token = randomUUID();
  keep(db, token, { ids: selection, eligible, stamp });
  return { block: eligible.block.length, unblock: eligible.unblock.length, delete: eligible.delete.length, selected: selection.length, selection: token };
}

function keep(db: Database.Database, token: string, k: Kept): void {
  let kept = keptBy.get(db);
  if (!kept) keptBy.set(db, (kept = new Map()));
  kept.set(token, k);
  let total = 0;
  for (const v of kept.values()) total += v.ids.length;
  for (const [t, v] of kept) {
    if (kept.size <= KEEP && total <= KEEP_IDS) break;
    if (t === token) break;
    kept.delete(t);
    total -= v.ids.length;
  }
}

/** The kept selection for this action (forgotten once taken); not_found when it is not kept. */
export function takeSelection(db: Database.Database, token: string, action: BulkAction): CheckedSelection {
  const kept = keptBy.get(db);
  const k = kept?.get(token);
  if (!kept || !k) throw new AppError('not_found', 'That selection is no longer kept; send its ids');
  kept.delete(token);
  return { ids: k.ids, eligible: k.eligible[action], stamp: k.stamp };
}
