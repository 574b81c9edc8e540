import type { JsonObject } from '../../../workflows/index.js';
import { DAY_MS, type ManualClock } from '../../../src/common/clock.js';
import { EngineService } from '../../../src/engine/engine.service.js';
import { SchedulerService } from '../../../src/time/scheduler.service.js';
import { addDays, localDate, startOfLocalDay } from '../../../src/time/calendar.js';
import type { BenchApp } from '../common/bench-app.js';
import { actorOf, type BenchVillage, type PersonKey } from './village-people.js';

const TIME_ZONE = 'Asia/Shanghai';
/** Each working day of a template starts at 09:00 local; its events follow a minute apart. */
const DAY_STARTS_AT_HOUR = 9;

/** Told how long each event took through EngineService.send, in ms. */
export type EventTimer = (ms: number) => void;

/** Drives one matter through EngineService as the village's office holders would, a step at a time. */
export class MatterDriver {
  private constructor(
    private readonly app: BenchApp<ManualClock>,
    private readonly village: BenchVillage,
    readonly matterId: string,
    private readonly timeEvent?: EventTimer,
  ) {}

  static async start(
    app: BenchApp<ManualClock>,
    village: BenchVillage,
    by: PersonKey,
    procedureId: string,
    inputs: JsonObject,
    timeEvent?: EventTimer,
  ): Promise<MatterDriver> {
    const { view } = await app.get(EngineService).start({
      villageId: village.id,
      actor: actorOf(village, by),
      procedureId,
      inputs,
    });
    tick(app.clock);
    return new MatterDriver(app, village, view.id, timeEvent);
  }

  async send(by: PersonKey, type: string, payload: JsonObject = {}): Promise<void> {
    const started = performance.now();
    await this.app.get(EngineService).send({
      villageId: this.village.id,
      matterId: this.matterId,
      actor: actorOf(this.village, by),
      type,
      payload,
    });
    this.timeEvent?.(performance.now() - started);
    tick(this.app.clock);
  }

  personIds(keys: PersonKey[]): string[] {
    return keys.map((key) => this.village.people[key].personId);
  }

  today(): string {
    return localDate(this.app.clock.now(), TIME_ZONE);
  }

  /** Convenes today, records who came, everyone votes yes, the vote is closed and counted. */
  async passMeeting(voters: PersonKey[], minutes: string): Promise<void> {
    await this.send('secretary', 'CONVENE_MEETING', {
      heldOn: this.today(),
      ballot: 'open',
      place: '村委会议室',
    });
    await this.send('committee1', 'RECORD_ATTENDANCE', { present: this.personIds(voters) });
    for (const voter of voters) await this.send(voter, 'CAST_BALLOT', { choice: 'yes' });
    await this.send('secretary', 'CLOSE_VOTE', { minutes });
  }

  /** Moves to 09:00 of a later local day. */
  laterBy(days: number): void {
    nextMorning(this.app.clock, days);
  }

  /** Lets the days pass until the public period has run out and the scheduler has delivered its end. */
  async periodEnds(): Promise<void> {
    const before = await this.state();
    for (let day = 0; day < 40; day++) {
      this.laterBy(1);
      await this.app.get(SchedulerService).deliverDue();
      if ((await this.state()) !== before) return tick(this.app.clock);
    }
    throw new Error(`The public period of ${this.matterId} never ended`);
  }

  private async state(): Promise<string> {
    const [row] = await this.app.dataSource.query<{ state: string }[]>(
      'SELECT state FROM matter WHERE village_id = $1 AND id = $2',
      [this.village.id, this.matterId],
    );
    return row.state;
  }
}

const tick = (clock: ManualClock) => clock.advance(60_000);

export function nextMorning(clock: ManualClock, days: number): void {
  const date = addDays(localDate(clock.now(), TIME_ZONE), days);
  clock.set(new Date(startOfLocalDay(date, TIME_ZONE).getTime() + DAY_STARTS_AT_HOUR * 3600_000));
}

export const A1_STAGES = [
  'intake',
  'deliberation',
  'partyMeeting',
  'resolutionMeeting',
  'drafting',
  'public',
  'implementation',
  'resultPublic',
  'done',
] as const;
export type A1Stage = (typeof A1_STAGES)[number];

/** A major matter (四议两公开) carried as far as `upTo`. */
export async function majorMatter(
  app: BenchApp<ManualClock>,
  village: BenchVillage,
  upTo: A1Stage,
  timeEvent?: EventTimer,
): Promise<string> {
  const matter = await MatterDriver.start(
    app,
    village,
    'secretary',
    'A1',
    {
      title: '硬化村北主干道',
      summary: '硬化村北主干道 1.2 公里，宽 4.5 米，预算 38 万元，申请一事一议财政奖补。',
      topicSource: 'public_suggestion',
      matterClass: 'publicWelfareProject',
      decidingBody: 'representatives',
    },
    timeEvent,
  );
  const reached = (stage: A1Stage) => stage === upTo;
  if (reached('intake')) return matter.matterId;
  matter.laterBy(2);
  await matter.send('secretary', 'PROPOSE_PLAN', {
    plan: '硬化村北主干道 1.2 公里，宽 4.5 米，C30 混凝土路面，预算 38 万元。',
    mergeWithDeliberation: true,
  });
  matter.laterBy(3);
  if (reached('deliberation')) {
    await matter.send('secretary', 'CONVENE_MEETING', { heldOn: matter.today(), ballot: 'open' });
    await matter.send('committee1', 'RECORD_ATTENDANCE', {
      present: matter.personIds(['secretary', 'committee1', 'committee2']),
    });
    await matter.send('secretary', 'CAST_BALLOT', { choice: 'yes' });
    return matter.matterId;
  }
  await matter.passMeeting(['secretary', 'committee1', 'committee2'], '“两委”联席会议商议，一致同意方案。');
  matter.laterBy(4);
  if (reached('partyMeeting')) {
    await matter.send('secretary', 'CONVENE_MEETING', { heldOn: matter.today(), ballot: 'open' });
    return matter.matterId;
  }
  await matter.passMeeting(
    ['secretary', 'committee1', 'party1', 'party2', 'party3', 'party5'],
    '党员大会审议通过，会后党员分片入户宣传解释。',
  );
  matter.laterBy(5);
  if (reached('resolutionMeeting')) {
    await matter.send('secretary', 'CONVENE_MEETING', { heldOn: matter.today(), ballot: 'open' });
    await matter.send('committee1', 'RECORD_ATTENDANCE', {
      present: matter.personIds(['secretary', 'committee1', 'committee2', 'rep1', 'rep2', 'rep3', 'rep4']),
    });
    return matter.matterId;
  }
  await matter.passMeeting(
    ['secretary', 'committee1', 'committee2', 'rep1', 'rep2', 'rep3', 'rep4'],
    '村民代表会议表决：到会 7 人，赞成 7 人。',
  );
  matter.laterBy(1);
  if (reached('drafting')) return matter.matterId;
  await matter.send('committee1', 'SUBMIT_DISCLOSURE', {
    title: '关于硬化村北主干道的决议',
    body: '经村民代表会议表决（到会 7 人，赞成 7 人），同意硬化村北主干道 1.2 公里，预算 38 万元。',
  });
  matter.laterBy(1);
  await matter.send('supervisor', 'GIVE_OPINION', { opinion: '决策程序符合“四议两公开”要求，同意公开。' });
  if (reached('public')) return matter.matterId;
  await matter.periodEnds();
  if (reached('implementation')) {
    await matter.send('committee1', 'REPORT_PROGRESS', { note: '已完成招标，施工队进场。' });
    return matter.matterId;
  }
  await matter.send('committee1', 'REPORT_PROGRESS', { note: '已完成招标，施工队进场。' });
  matter.laterBy(20);
  await matter.send('committee1', 'REPORT_PROGRESS', { note: '路基完成，开始浇筑路面。' });
  matter.laterBy(15);
  await matter.send('secretary', 'COMPLETE_IMPLEMENTATION', {
    summary: '道路硬化完工，经验收合格，决算 37.6 万元。',
  });
  matter.laterBy(2);
  await matter.send('committee1', 'SUBMIT_DISCLOSURE', {
    title: '村北主干道硬化实施结果',
    body: '工程于本月完工，经验收合格；决算 37.6 万元，其中财政奖补 20 万元，村集体 17.6 万元。',
  });
  matter.laterBy(1);
  await matter.send('supervisor', 'GIVE_OPINION', { opinion: '实施结果与决议一致，同意公开。' });
  if (reached('resultPublic')) return matter.matterId;
  await matter.periodEnds();
  return matter.matterId;
}

/** An expense claim (三签一章), claimed and witnessed only, or carried to its filing. */
export async function expenseClaim(
  app: BenchApp<ManualClock>,
  village: BenchVillage,
  done: boolean,
): Promise<string> {
  const matter = await MatterDriver.start(app, village, 'committee1', 'C1', {
    title: '村道路灯维修费用报销',
    summary: '更换村道路灯 12 盏',
    amount: 4200,
    voucherNo: 'PZ-0412',
    purpose: '村道路灯维修材料费及人工费',
  });
  await matter.send('committee2', 'WITNESS_SIGN', { note: '情况属实' });
  if (!done) return matter.matterId;
  matter.laterBy(1);
  await matter.send('secretary', 'FINANCE_APPROVE', { opinion: '票据合法有效，同意报销。' });
  await matter.send('supervisor', 'SUPERVISOR_SEAL', { opinion: '监委会集体审核，同意。' });
  await matter.send('secretary', 'SECRETARY_SIGN', { note: '同意' });
  await matter.send('secretary', 'VC_CHAIR_SIGN', { note: '同意' });
  matter.laterBy(3);
  await matter.send('township', 'RECORD_FILING', { documentNo: 'SZ-2031', filedOn: matter.today() });
  return matter.matterId;
}

/** A finance disclosure for a month (财务公开), public or carried past its period. */
export async function financeDisclosure(
  app: BenchApp<ManualClock>,
  village: BenchVillage,
  done: boolean,
): Promise<string> {
  const period = localDate(new Date(app.clock.now().getTime() - 20 * DAY_MS), TIME_ZONE).slice(0, 7);
  const matter = await MatterDriver.start(app, village, 'committee1', 'C3', {
    title: `${period} 财务收支公开`,
    period,
  });
  matter.laterBy(1);
  await matter.send('supervisor', 'SUPERVISOR_APPROVE', { opinion: '凭证齐全，收支属实。' });
  await matter.send('committee1', 'SUBMIT_DISCLOSURE', {
    title: `${period} 财务收支情况`,
    body: '本月收入：集体土地租金 36,000 元；支出：村道路灯维修 4,200 元、办公用品 860 元。余额 68,240 元。',
  });
  await matter.send('supervisor', 'GIVE_OPINION', { opinion: '经民主理财小组审核，同意公开。' });
  if (done) await matter.periodEnds();
  return matter.matterId;
}

/** A seal use (印章使用), requested or approved and recorded. */
export async function sealUse(
  app: BenchApp<ManualClock>,
  village: BenchVillage,
  done: boolean,
): Promise<string> {
  const matter = await MatterDriver.start(app, village, 'committee1', 'G1', {
    title: '出具低保申请证明用印',
    kind: 'certificate',
    documentRef: 'ZM-2031',
    purpose: '为村民出具家庭经济状况证明',
  });
  if (!done) return matter.matterId;
  await matter.send('secretary', 'APPROVE_SEAL_USE', { opinion: '同意用印。' });
  await matter.send('committee2', 'RECORD_SEAL_USE', { copies: 1, documentChecked: true });
  return matter.matterId;
}
