import { DataSource } from 'typeorm';
import type { JsonObject } from '../../../workflows/index.js';
import { DAY_MS, type AdjustableClock } from '../../../src/common/clock.js';
import { LocalTime } from '../../../src/common/local-time.js';
import { EngineService } from '../../../src/engine/engine.service.js';
import { SchedulerService } from '../../../src/time/scheduler.service.js';
import type { BenchApp } from '../common/bench-app.js';
import type { BenchVillage, MemberKey } from './village-world.js';

/** One act in a matter: who takes it, the event, its payload. */
export interface Act {
  who: MemberKey;
  type: string;
  payload: JsonObject;
}

export interface BenchMatter {
  village: BenchVillage;
  matterId: string;
}

export const MAJOR_MATTER_INPUTS: JsonObject = {
  title: '村集体道路硬化工程',
  summary: '硬化村内主干道 1.2 公里',
  topicSource: 'public_suggestion',
  matterClass: 'publicWelfareProject',
  decidingBody: 'representatives',
};

function meeting(village: BenchVillage, today: string, voters: MemberKey[]): Act[] {
  return [
    { who: 'secretary', type: 'CONVENE_MEETING', payload: { heldOn: today, ballot: 'open' } },
    {
      who: 'committee1',
      type: 'RECORD_ATTENDANCE',
      payload: { present: voters.map((who) => village.people[who].actor.personId) },
    },
    ...voters.map((who): Act => ({ who, type: 'CAST_BALLOT', payload: { choice: 'yes' } })),
    { who: 'secretary', type: 'CLOSE_VOTE', payload: { minutes: '会议记录：全体同意' } },
  ];
}

/**
 * A1 (四议两公开) by its shortest lawful path, from the proposal to the resolution's public period:
 * merged proposal and deliberation, party member meeting, representatives' resolution, disclosure
 * reviewed by the supervision committee. 25 acts, every effect kind of a real matter (meetings,
 * rosters, ballots, tallies, a disclosure, a durable timer).
 */
export function pathToResolutionPublic(village: BenchVillage, today: string): Act[] {
  return [
    {
      who: 'secretary',
      type: 'PROPOSE_PLAN',
      payload: { plan: '方案：分两期硬化', mergeWithDeliberation: true },
    },
    ...meeting(village, today, ['secretary', 'committee1', 'committee2']),
    ...meeting(village, today, ['secretary', 'committee1', 'party1', 'party2']),
    ...meeting(village, today, ['secretary', 'committee1', 'committee2', 'rep1', 'rep2', 'rep3']),
    { who: 'committee1', type: 'SUBMIT_DISCLOSURE', payload: { title: '决议公开', body: '决议全文' } },
    { who: 'supervisor', type: 'GIVE_OPINION', payload: { opinion: '程序合规，同意公开' } },
  ];
}

const REPORTERS: MemberKey[] = ['secretary', 'committee1', 'committee2'];

/**
 * The repeatable act of the implementation step: a cadre records progress (登记实施进展). It changes
 * only the snapshot (the last progress is remembered in the context) and appends a trace row, and may
 * be sent any number of times: the event the benchmark measures, and the one the raw-SQL path mirrors.
 */
export function progressReport(round: number): Act {
  return {
    who: REPORTERS[round % REPORTERS.length],
    type: 'REPORT_PROGRESS',
    payload: { note: `第 ${round + 1} 次进展：路基完成 ${(round % 100) + 1}%，材料已到场` },
  };
}

export async function startMatter(engine: EngineService, village: BenchVillage): Promise<string> {
  const { view } = await engine.start({
    villageId: village.villageId,
    actor: village.people.secretary.actor,
    procedureId: 'A1',
    inputs: MAJOR_MATTER_INPUTS,
  });
  return view.id;
}

export async function sendDirect(engine: EngineService, matter: BenchMatter, act: Act): Promise<void> {
  await engine.submit({
    villageId: matter.village.villageId,
    matterId: matter.matterId,
    actor: matter.village.people[act.who].actor,
    type: act.type,
    payload: act.payload,
  });
}

/** Today in the district's time zone, as meetings are dated. */
export const today = (bench: BenchApp): string => bench.get(LocalTime).today();

/** Starts a matter and takes it to the resolution's public period, one act after another. */
export async function matterInPublicPeriod(bench: BenchApp, village: BenchVillage): Promise<BenchMatter> {
  const engine = bench.get(EngineService);
  const matter = { village, matterId: await startMatter(engine, village) };
  for (const act of pathToResolutionPublic(village, today(bench))) await sendDirect(engine, matter, act);
  return matter;
}

/**
 * Ends every public period: moves the clock past it and delivers the due timers through the scheduler,
 * the way a running server would. Matters whose period ended are then in implementation.
 */
export async function endPublicPeriods(
  bench: BenchApp<AdjustableClock>,
  matters: BenchMatter[],
): Promise<void> {
  bench.clock.advance(30 * DAY_MS);
  await bench.get(SchedulerService).runDue();
  const rows = await bench
    .get(DataSource)
    .query<{ state: string; count: string }[]>(
      `SELECT state, count(*) AS count FROM matter WHERE id = ANY($1) GROUP BY state`,
      [matters.map((matter) => matter.matterId)],
    );
  const elsewhere = rows.filter((row) => row.state !== 'implementation');
  if (elsewhere.length > 0) {
    throw new Error(
      `Matters not in implementation: ${elsewhere.map((r) => `${r.state}×${r.count}`).join(', ')}`,
    );
  }
}

/** The role the engine acts a reporter in: the first of the event's roles they hold. */
export const reporterRole = (who: MemberKey): string =>
  who === 'secretary' ? 'secretary' : 'committee_member';
