import type { EntityManager } from 'typeorm';

/** Tables whose rows belong to a state of a matter (their `scope_state`). */
const SCOPED = {
  meeting: { live: ['open'], settled: 'void', stamp: 'closed_at' },
  disclosure: { live: ['awaiting_opinion', 'published'], settled: 'withdrawn', stamp: 'ended_at' },
  timer: { live: ['pending'], settled: 'cancelled', stamp: 'settled_at' },
  obligation: { live: ['open', 'overdue'], settled: 'cancelled', stamp: 'settled_at' },
} as const;

/**
 * Settles a matter's live rows whose state the matter has left otherwise than by their own completion
 * (an objection, a restart): meetings are void, disclosures withdrawn, timers cancelled.
 */
export type ScopedTable = keyof typeof SCOPED;

export async function settleOutsideScope(
  db: EntityManager,
  table: ScopedTable,
  villageId: string,
  matterId: string,
  activeStates: string[],
  now: Date,
): Promise<void> {
  const { live, settled, stamp } = SCOPED[table];
  await db.query(
    `UPDATE ${table} SET status = $5, ${stamp} = $4
     WHERE village_id = $1 AND matter_id = $2 AND status = ANY($6) AND NOT (scope_state = ANY($3))`,
    [villageId, matterId, activeStates, now, settled, live],
  );
}
