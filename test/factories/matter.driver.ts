import type request from 'supertest';
import { countPaperBallots } from './paper-count.js';
import { localDate } from '../../src/time/calendar.js';
import type { TestApp } from '../support/test-app.js';
import type { MemberKey, VillageWorld } from './village.factory.js';

export interface MeetingPlan {
  present: MemberKey[];
  yes?: MemberKey[];
  no?: MemberKey[];
  abstain?: MemberKey[];
  ballot?: 'open' | 'secret';
  heldOn?: string;
  noticeGivenOn?: string;
}

/** Drives one matter over HTTP as the people of a test village. */
export class MatterDriver {
  constructor(
    readonly t: TestApp,
    readonly world: VillageWorld,
    readonly matterId: string,
  ) {}

  static startRequest(
    t: TestApp,
    world: VillageWorld,
    inputs: object = {},
    who: MemberKey = 'secretary',
    headers: Record<string, string> = {},
  ) {
    return t
      .api(world.people[who].token)
      .post(
        `/villages/${world.villageId}/matters`,
        { procedureId: 'A1', inputs: { ...majorMatterInputs(), ...inputs } },
        headers,
      );
  }

  static async start(t: TestApp, world: VillageWorld, inputs: object = {}): Promise<MatterDriver> {
    const response = await MatterDriver.startRequest(t, world, inputs).expect(201);
    return new MatterDriver(t, world, (response.body as { id: string }).id);
  }

  get path(): string {
    return `/villages/${this.world.villageId}/matters/${this.matterId}`;
  }

  personId(who: MemberKey): string {
    return this.world.people[who].personId;
  }

  send(
    who: MemberKey,
    type: string,
    payload: object = {},
    headers: Record<string, string> = {},
    as?: string,
  ): request.Test {
    return this.t
      .api(this.world.people[who].token)
      .post(`${this.path}/events`, { type, payload, ...(as ? { as } : {}) }, headers);
  }

  /** Sends an event that must be accepted; returns the matter as the sender now sees it. */
  async ok(who: MemberKey, type: string, payload: object = {}): Promise<MatterViewBody> {
    const response = await this.send(who, type, payload);
    if (response.status !== 200) {
      throw new Error(`${type} by ${who} answered ${response.status}: ${JSON.stringify(response.body)}`);
    }
    return response.body as MatterViewBody;
  }

  async read(who: MemberKey = 'secretary'): Promise<MatterViewBody> {
    return (await this.t.api(this.world.people[who].token).get(this.path).expect(200)).body as MatterViewBody;
  }

  async trace(who: MemberKey = 'secretary'): Promise<TraceRowBody[]> {
    return (await this.t.api(this.world.people[who].token).get(`${this.path}/trace`).expect(200))
      .body as TraceRowBody[];
  }

  /** Convenes, records attendance, lets each voter cast their own ballot, and closes the vote. */
  async holdMeeting(plan: MeetingPlan): Promise<MatterViewBody> {
    const today = localDate(this.t.clock.now(), 'Asia/Shanghai');
    await this.ok('secretary', 'CONVENE_MEETING', {
      heldOn: plan.heldOn ?? today,
      ballot: plan.ballot ?? 'open',
      ...(plan.noticeGivenOn ? { noticeGivenOn: plan.noticeGivenOn } : {}),
    });
    await this.ok('committee1', 'RECORD_ATTENDANCE', {
      present: plan.present.map((who) => this.personId(who)),
    });
    const votes: [MemberKey, string][] = [
      ...(plan.yes ?? []).map((who): [MemberKey, string] => [who, 'yes']),
      ...(plan.no ?? []).map((who): [MemberKey, string] => [who, 'no']),
      ...(plan.abstain ?? []).map((who): [MemberKey, string] => [who, 'abstain']),
    ];
    if (plan.ballot === 'secret') {
      // A secret ballot is on paper: counted by the counter, confirmed by the scrutineer.
      await countPaperBallots(this.t, this.world, this.path, {
        yes: plan.yes?.length ?? 0,
        no: plan.no?.length ?? 0,
        abstain: plan.abstain?.length ?? 0,
      });
    } else for (const [who, choice] of votes) await this.ok(who, 'CAST_BALLOT', { choice });
    return this.ok('secretary', 'CLOSE_VOTE', { minutes: '会议记录' });
  }

  /** Drafts a disclosure, has the supervision committee approve it; returns the view once public. */
  async publish(title: string): Promise<MatterViewBody> {
    await this.ok('committee1', 'SUBMIT_DISCLOSURE', { title, body: `${title}：正文` });
    return this.ok('supervisor', 'GIVE_OPINION', { opinion: '程序合规，同意公开' });
  }
}

export const majorMatterInputs = () => ({
  title: '村集体道路硬化工程',
  summary: '硬化村内主干道 1.2 公里',
  topicSource: 'public_suggestion',
  matterClass: 'publicWelfareProject',
  decidingBody: 'representatives',
});

/** The parts of a matter view the tests read. */
export interface MatterViewBody {
  id: string;
  state: string;
  status: 'active' | 'done';
  outcome: { state: string; kind: string } | null;
  revision: number;
  record: Record<string, { reason?: string } & Record<string, unknown>>;
  availableActions: { type: string }[];
  meetings: {
    stage: string;
    status: string;
    outcome: string | null;
    ballotMode: string;
    tally: { counts: Record<string, number>; outcome: string } | null;
  }[];
  disclosures: {
    kind: string;
    status: string;
    supervisorOpinion: string | null;
    periodEndsAt: string | null;
  }[];
  deadlines: { eventType: string; dueAt: string }[];
  /** Only on reads: the accepted steps so far. */
  history?: { eventType: string; title: string; actor: { name: string | null; role: string | null } }[];
}

export interface TraceRowBody {
  seq: number;
  eventType: string;
  accepted: boolean;
  actor: { personId: string | null; role: string | null };
  payload: Record<string, unknown>;
  stateBefore: string | null;
  stateAfter: string | null;
  refusal: { code: string; message: string } | null;
}
