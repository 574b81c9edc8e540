import type pg from 'pg';
import { int, say, verdict } from '../common/output.js';

export interface DeliveryProof {
  allSettled: boolean;
  exactlyOnce: boolean;
  byProcess: { process: string; timers: number }[];
  firstSettled: Date;
  lastSettled: Date;
  /** When each tenth of the timers had been settled. */
  deciles: Date[];
}

/** The dotted state path of a snapshot's value (`{"resolutionDisclosure": "public"}`), one level deep. */
const STATE_OF_SNAPSHOT = `CASE jsonb_typeof(m.snapshot -> 'value')
  WHEN 'string' THEN m.snapshot ->> 'value'
  WHEN 'object' THEN (SELECT key || '.' || (value #>> '{}') FROM jsonb_each(m.snapshot -> 'value') LIMIT 1) END`;

const count = async (client: pg.ClientBase, sql: string): Promise<Record<string, number>> => {
  const [row] = (await client.query<Record<string, string>>(sql)).rows;
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, Number(value ?? 0)]));
};

/**
 * Proof, from the database alone, that each timer was delivered exactly once: settled once (the timer row,
 * and the settlements the bench's trigger recorded), its event traced once as accepted, and each matter's
 * snapshot agreeing with the last row of its trace; every village's chain still links up.
 */
export async function proveDelivery(
  client: pg.ClientBase,
  total: number,
  /** Those settled when the bench stopped waiting: all of them, unless the time limit passed first. */
  expected: number,
): Promise<DeliveryProof> {
  const statuses = (
    await client.query<{ status: string; n: string }>(
      'SELECT status, count(*) AS n FROM timer GROUP BY status ORDER BY status',
    )
  ).rows;
  say(`timers by status: ${statuses.map((row) => `${row.status} ${int(Number(row.n))}`).join(', ')}`);
  const delivered = Number(statuses.find((row) => row.status === 'delivered')?.n ?? 0);
  const pending = Number(statuses.find((row) => row.status === 'pending')?.n ?? 0);

  const settling = `new_status IN ('delivered', 'refused')`;
  const settled = await count(
    client,
    `SELECT count(*) AS settlements, count(DISTINCT timer_id) AS timers,
            (SELECT count(*) FROM (SELECT timer_id FROM bench_timer_change WHERE ${settling}
               GROUP BY timer_id HAVING count(*) > 1) twice) AS twice
       FROM bench_timer_change WHERE ${settling}`,
  );
  say(
    `settlements recorded by the trigger: ${int(settled.settlements)} for ${int(settled.timers)} timers; ` +
      `timers settled more than once: ${int(settled.twice)}`,
  );
  const changes = (
    await client.query<{ old_status: string; new_status: string; n: string }>(
      `SELECT old_status, new_status, count(*) AS n FROM bench_timer_change GROUP BY 1, 2 ORDER BY 3 DESC`,
    )
  ).rows;
  say(
    `timer status changes: ${changes.map((row) => `${row.old_status}→${row.new_status} ${int(Number(row.n))}`).join(', ')}`,
  );
  const byProcess = (
    await client.query<{ process: string; timers: string }>(
      `SELECT by_process AS process, count(*) AS timers FROM bench_timer_change WHERE ${settling}
      GROUP BY 1 ORDER BY 1`,
    )
  ).rows.map((row) => ({ process: row.process, timers: Number(row.timers) }));
  say(`delivered by: ${byProcess.map((row) => `${row.process} ${int(row.timers)}`).join(', ')}`);

  const traced = await count(
    client,
    `SELECT count(*) FILTER (WHERE accepted = 1) AS once, count(*) FILTER (WHERE accepted = 0) AS never,
            count(*) FILTER (WHERE accepted > 1) AS more, coalesce(sum(refused), 0) AS refused
       FROM (SELECT t.village_id, t.matter_id,
                    count(r.seq) FILTER (WHERE r.accepted) AS accepted, count(r.seq) FILTER (WHERE NOT r.accepted) AS refused
               FROM timer t LEFT JOIN trace r ON r.village_id = t.village_id AND r.matter_id = t.matter_id
                                             AND r.event_type = t.event_type
              GROUP BY 1, 2) per_matter`,
  );
  say(
    `timer events in the trace, per matter: accepted once ${int(traced.once)}, never ${int(traced.never)}, ` +
      `more than once ${int(traced.more)}; refused attempts ${int(traced.refused)}`,
  );
  const agree = await count(
    client,
    `SELECT count(*) AS matters,
            count(*) FILTER (WHERE m.state = last.state_after) AS state,
            count(*) FILTER (WHERE ${STATE_OF_SNAPSHOT} = last.state_after) AS snapshot,
            count(*) FILTER (WHERE m.revision = last.accepted) AS revision
       FROM (SELECT DISTINCT village_id, matter_id FROM timer) t
       JOIN matter m ON m.village_id = t.village_id AND m.id = t.matter_id
       CROSS JOIN LATERAL (
         SELECT (SELECT state_after FROM trace r WHERE r.village_id = m.village_id AND r.matter_id = m.id
                   AND r.accepted ORDER BY r.seq DESC LIMIT 1) AS state_after,
                (SELECT count(*) FROM trace r WHERE r.village_id = m.village_id AND r.matter_id = m.id
                   AND r.accepted) AS accepted) last`,
  );
  say(
    `matters whose row agrees with the last accepted row of their trace: state ${int(agree.state)}, ` +
      `snapshot value ${int(agree.snapshot)}, revision = accepted events ${int(agree.revision)} ` +
      `(of ${int(agree.matters)})`,
  );
  const chains = await count(
    client,
    `SELECT count(*) FILTER (WHERE prev_hash IS DISTINCT FROM previous_hash) AS unlinked,
            count(*) FILTER (WHERE seq <> previous_seq + 1) AS gaps
       FROM (SELECT seq, prev_hash, lag(hash) OVER village AS previous_hash, lag(seq) OVER village AS previous_seq
               FROM trace WINDOW village AS (PARTITION BY village_id ORDER BY seq)) linked
      WHERE previous_seq IS NOT NULL`,
  );
  const heads = await count(
    client,
    `SELECT count(*) AS wrong FROM trace_head h
       CROSS JOIN LATERAL (SELECT seq, hash FROM trace r WHERE r.village_id = h.village_id ORDER BY seq DESC LIMIT 1) last
      WHERE last.seq <> h.seq OR last.hash <> h.hash`,
  );
  say(
    `chains: rows not linked to the one before ${int(chains.unlinked)}, gaps in sequence ${int(chains.gaps)}, ` +
      `heads not at the last row ${int(heads.wrong)}`,
  );

  const times = (
    await client.query<{ first: Date; last: Date; deciles: Date[] }>(
      `SELECT min(settled_at) AS first, max(settled_at) AS last,
            percentile_disc(ARRAY[0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]) WITHIN GROUP (ORDER BY settled_at) AS deciles
       FROM timer WHERE status IN ('delivered', 'refused')`,
    )
  ).rows[0];
  const exactlyOnce =
    settled.twice === 0 &&
    settled.settlements === expected &&
    traced.once === expected &&
    traced.more === 0 &&
    agree.state === total &&
    agree.snapshot === total &&
    agree.revision === total &&
    chains.unlinked === 0 &&
    chains.gaps === 0 &&
    heads.wrong === 0;
  const allSettled = pending === 0 && delivered === total;
  say(
    `all ${int(total)} timers delivered: ${verdict(allSettled)}; ` +
      `each of the ${int(expected)} settled exactly once: ${verdict(exactlyOnce)}`,
  );
  return {
    allSettled,
    exactlyOnce,
    byProcess,
    firstSettled: new Date(times.first),
    lastSettled: new Date(times.last),
    deciles: (times.deciles ?? []).map((value) => new Date(value)),
  };
}
