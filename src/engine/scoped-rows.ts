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

/**
 * The writes that settle the live rows of every table in `tables` whose state the matter has left: a
 * data-modifying CTE per table, run in the statement that saves the matter's progress, so leaving a state
 * costs no round trip of its own however many modules keep rows by state. Parameters: $1 village,
 * $2 matter, $3 the states still active, $4 now.
 */
export function settleOutsideScopeCtes(tables: readonly ScopedTable[]): string {
  return [...tables]
    .sort()
    .map((table) => {
      const { live, settled, stamp } = SCOPED[table];
      const liveList = live.map((status) => `'${status}'`).join(', ');
      return (
        `${table}_left AS (UPDATE ${table} SET status = '${settled}', ${stamp} = $4 ` +
        `WHERE village_id = $1 AND matter_id = $2 AND status IN (${liveList}) ` +
        `AND NOT (scope_state = ANY($3)))`
      );
    })
    .join(', ');
}
