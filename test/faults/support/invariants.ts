import pg from 'pg';
import type { StateValue } from 'xstate';
import { statePath } from '../../../src/engine/state-path.js';
import type { Acknowledged } from './matter-load.js';

interface MatterRow {
  village_id: string;
  id: string;
  state: string;
  revision: number;
  snapshot: { value: StateValue };
}

interface TraceRow {
  matter_id: string;
  actor_person_id: string | null;
  event_type: string;
  accepted: boolean;
  state_after: string | null;
}

interface TimerRow {
  matter_id: string;
  event_type: string;
  status: 'pending' | 'delivered' | 'cancelled' | 'refused';
  due: boolean;
}

export interface Findings {
  /** Each broken promise, in words; empty when the data holds together. */
  violations: string[];
  matters: number;
  traceRows: number;
  timers: Record<TimerRow['status'], number>;
}

/**
 * What must hold after any fault, read straight from the database: each matter's snapshot agrees with
 * its last accepted trace row and its revision counts those rows; every acknowledged step is the trace
 * row its revision says; no timer is left due, and each settled one is traced exactly once.
 */
export async function checkInvariants(databaseUrl: string, acknowledged: Acknowledged[]): Promise<Findings> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const matters = (
      await client.query<MatterRow>('SELECT village_id, id, state, revision, snapshot FROM matter')
    ).rows;
    const trace = (
      await client.query<TraceRow>(
        `SELECT matter_id, actor_person_id, event_type, accepted, state_after
           FROM trace WHERE matter_id IS NOT NULL ORDER BY village_id, seq`,
      )
    ).rows;
    const timers = (
      await client.query<TimerRow>('SELECT matter_id, event_type, status, due_at <= now() AS due FROM timer')
    ).rows;
    const violations = [
      ...snapshotViolations(matters, trace),
      ...acknowledgementViolations(acknowledged, trace),
      ...timerViolations(timers, trace),
    ];
    const count = (status: TimerRow['status']) => timers.filter((timer) => timer.status === status).length;
    return {
      violations,
      matters: matters.length,
      traceRows: trace.length,
      timers: {
        pending: count('pending'),
        delivered: count('delivered'),
        cancelled: count('cancelled'),
        refused: count('refused'),
      },
    };
  } finally {
    await client.end();
  }
}

const acceptedRowsByMatter = (trace: TraceRow[]) => {
  const rows = new Map<string, TraceRow[]>();
  for (const row of trace.filter((row) => row.accepted)) {
    rows.set(row.matter_id, [...(rows.get(row.matter_id) ?? []), row]);
  }
  return rows;
};

function snapshotViolations(matters: MatterRow[], trace: TraceRow[]): string[] {
  const accepted = acceptedRowsByMatter(trace);
  return matters.flatMap((matter) => {
    const rows = accepted.get(matter.id) ?? [];
    const found: string[] = [];
    if (rows.length !== matter.revision) {
      found.push(`matter ${matter.id}: revision ${matter.revision}, but ${rows.length} accepted trace rows`);
    }
    if (rows.at(-1)?.state_after !== matter.state) {
      found.push(
        `matter ${matter.id}: state ${matter.state}, last trace row says ${rows.at(-1)?.state_after}`,
      );
    }
    const snapshotState = statePath(matter.snapshot.value);
    if (snapshotState !== matter.state) {
      found.push(`matter ${matter.id}: state column ${matter.state}, snapshot ${snapshotState}`);
    }
    return found;
  });
}

function acknowledgementViolations(acknowledged: Acknowledged[], trace: TraceRow[]): string[] {
  const accepted = acceptedRowsByMatter(trace);
  return acknowledged.flatMap((ack) => {
    const row = accepted.get(ack.matterId)?.[ack.revision - 1];
    if (row?.event_type === ack.eventType && row.actor_person_id === ack.personId) return [];
    const saw = row ? `${row.event_type} by ${row.actor_person_id}` : 'no row';
    return [`acknowledged ${ack.eventType} (revision ${ack.revision} of ${ack.matterId}): trace has ${saw}`];
  });
}

/** Timers carry no trace id: per matter and event, settled timers and system trace rows must pair up. */
function timerViolations(timers: TimerRow[], trace: TraceRow[]): string[] {
  const tally = new Map<string, { delivered: number; refused: number; accepted: number; rejected: number }>();
  const entry = (matterId: string, eventType: string) => {
    const key = `${matterId} ${eventType}`;
    if (!tally.has(key)) tally.set(key, { delivered: 0, refused: 0, accepted: 0, rejected: 0 });
    return tally.get(key)!;
  };
  for (const timer of timers) {
    if (timer.status === 'delivered') entry(timer.matter_id, timer.event_type).delivered++;
    if (timer.status === 'refused') entry(timer.matter_id, timer.event_type).refused++;
  }
  for (const row of trace.filter((row) => row.actor_person_id === null)) {
    const counts = entry(row.matter_id, row.event_type);
    if (row.accepted) counts.accepted++;
    else counts.rejected++;
  }
  const lost = timers
    .filter((timer) => timer.status === 'pending' && timer.due)
    .map((timer) => `timer ${timer.event_type} of ${timer.matter_id} is due but still pending`);
  const unpaired = [...tally]
    .filter(([, counts]) => counts.delivered !== counts.accepted || counts.refused !== counts.rejected)
    .map(
      ([key, counts]) =>
        `timers ${key}: ${counts.delivered} delivered / ${counts.refused} refused, ` +
        `but ${counts.accepted} accepted / ${counts.rejected} refused system trace rows`,
    );
  return [...lost, ...unpaired];
}
