import type { StateValue } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { type JsonObject, type JsonSchema, type ProcedureDefinition } from '../../workflows/index.js';
import { DAY_MS } from '../../src/common/clock.js';
import { statePath } from '../../src/engine/state-path.js';
import { probesFor } from '../../src/procedures/checker/governance-check.js';
import { countAppraisalBallots, countPaperBallots } from './paper-count.js';
import { buildProcedure } from '../../src/procedures/machine-builder.js';
import type { MatterEvent } from '../../src/procedures/matter-event.js';
import { localDate, startOfLocalDay } from '../../src/time/calendar.js';
import { SchedulerService } from '../../src/time/scheduler.service.js';
import { sampleEvents } from '../support/event-samples.js';
import type { TestApp } from '../support/test-app.js';
import { validObject } from './valid-values.js';
import type { MemberKey, VillageWorld } from './village.factory.js';

/** Who answers for each role in a test village, first choice first. */
const PEOPLE_FOR_ROLE: Record<string, MemberKey[]> = {
  secretary: ['secretary'],
  vc_chair: ['secretary'],
  committee_member: ['committee1', 'committee2', 'secretary'],
  party_member: ['party1', 'party2'],
  voting_party_member: ['party1'],
  representative: ['rep1', 'rep2'],
  villager: ['villager1', 'villager2'],
  supervisor: ['supervisor', 'supervisor2'],
  supervisor_chair: ['supervisor'],
  township_officer: ['township'],
  district_admin: ['district'],
};
const TIME_ZONE = 'Asia/Shanghai';
/** Refusals that mean "someone else should do this", not "this step is wrong". */
const TRY_SOMEONE_ELSE = /^(SEPARATION|CONFLICT)\./;

interface Response {
  status: number;
  body: { code?: string; state?: string; details?: JsonObject } & Record<string, unknown>;
}

interface PlannedWalk {
  inputs: JsonObject;
  steps: MatterEvent[];
}

/**
 * Carries any catalog item to any of its outcomes over HTTP, as the village's people would: the path
 * comes from xstate/graph; each step is sent by someone holding the right role; meetings are held with
 * attendance and ballots that make the server's tally come out as the path needs; public periods end
 * by moving the clock and letting the scheduler deliver.
 */
export class CatalogWalker {
  private readonly byPerson: Map<string, MemberKey>;

  constructor(
    private readonly t: TestApp,
    private readonly world: VillageWorld,
  ) {
    this.byPerson = new Map(
      Object.entries(world.people).map(([key, person]) => [person.personId, key as MemberKey]),
    );
  }

  /** Plans a path to the outcome over the inputs that route the machine, then walks it. */
  async walk(definition: ProcedureDefinition, outcome: string): Promise<{ matterId: string; state: string }> {
    const plan = this.plan(definition, outcome);
    const matterId = await this.start(definition, plan.inputs);
    for (const event of plan.steps) await this.take(definition, matterId, event);
    const view = await this.read(matterId);
    return { matterId, state: view.state as string };
  }

  private plan(definition: ProcedureDefinition, outcome: string): PlannedWalk {
    const { machine, config } = buildProcedure(definition);
    const events = sampleEvents(definition, { exclude: ['OBJECT'] });
    for (const probe of probesFor(definition, config)) {
      const inputs = this.inputsFor(definition, probe);
      const [path] = getShortestPaths(machine, {
        events,
        input: inputs,
        serializeState: (state) => JSON.stringify(state.value),
        toState: (state) => statePath(state.value as StateValue) === outcome,
      });
      if (path)
        return {
          inputs,
          steps: (path.steps as unknown as { event: MatterEvent }[]).slice(1).map((step) => step.event),
        };
    }
    throw new Error(`${definition.id}: no path to ${outcome}`);
  }

  /** Valid inputs, keeping the probe's choice for everything that steers the machine. */
  private inputsFor(definition: ProcedureDefinition, probe: JsonObject): JsonObject {
    return validObject(definition.inputSchema, this.hints(), {
      ...this.steering(definition.inputSchema, probe),
      title: `${definition.title}（测试）`,
    });
  }

  /** The values of a sample that can steer a machine (choices, flags, amounts); the rest is made valid. */
  private steering(schema: JsonSchema, sample: JsonObject): JsonObject {
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    return Object.fromEntries(
      Object.entries(sample).filter(([name]) => {
        const property = properties[name];
        return (
          Array.isArray(property?.enum) || ['boolean', 'number', 'integer'].includes(property?.type as string)
        );
      }),
    );
  }

  private hints() {
    return {
      today: localDate(this.t.clock.now(), TIME_ZONE),
      personId: this.world.people.villager1.personId,
    };
  }

  private async start(definition: ProcedureDefinition, inputs: JsonObject): Promise<string> {
    for (const who of this.candidates(definition.startRoles)) {
      const response = await this.post(who, `/villages/${this.world.villageId}/matters`, {
        procedureId: definition.id,
        inputs,
      });
      if (response.status === 201) return response.body.id as string;
    }
    throw new Error(`${definition.id}: nobody could start it`);
  }

  private async take(definition: ProcedureDefinition, matterId: string, event: MatterEvent): Promise<void> {
    if (event.type === 'PUBLIC_PERIOD_ENDED') return this.waitForPeriodEnd(matterId);
    if (event.type === 'CLOSE_VOTE')
      await this.holdVote(matterId, (event.facts.tally as { outcome: string }).outcome);
    if (event.type === 'CLOSE_APPRAISAL') await this.holdAppraisal(matterId, event.facts.appraisalOutcome);
    const spec = definition.events[event.type];
    const payload =
      event.type === 'CONVENE_MEETING'
        ? await this.conveneFor(matterId, event)
        : validObject(spec.payload, this.hints(), this.steering(spec.payload, event.payload));
    if (event.type === 'CONVENE_MEETING') return;
    await this.sendByAnyone(spec.roles, matterId, event.type, payload);
  }

  /** Convenes on the earliest lawful day (with the notice its rule set needs) and moves the clock there. */
  private async conveneFor(matterId: string, event: MatterEvent): Promise<JsonObject> {
    const today = localDate(this.t.clock.now(), TIME_ZONE);
    let payload: JsonObject = { heldOn: today, ballot: event.payload.ballot ?? 'open' };
    for (let attempt = 0; attempt < 3; attempt++) {
      const response = await this.sendEvent('secretary', matterId, 'CONVENE_MEETING', payload);
      if (response.status === 200) break;
      if (response.body.code === 'MEETING.BALLOT_MODE') payload = { ...payload, ballot: 'secret' };
      else if (response.body.code === 'MEETING.NOTICE_TOO_SHORT') {
        payload = {
          ...payload,
          noticeGivenOn: today,
          heldOn: response.body.details!.earliestHeldOn,
        };
      } else throw new Error(`CONVENE_MEETING answered ${response.status}: ${JSON.stringify(response.body)}`);
    }
    const heldOn = payload.heldOn as string;
    if (heldOn > today)
      this.t.clock.set(new Date(startOfLocalDay(heldOn, TIME_ZONE).getTime() + 10 * 3600_000));
    return payload;
  }

  /** Attendance and ballots that make the tally come out as planned. */
  private async holdVote(matterId: string, outcome: string): Promise<void> {
    if (outcome === 'noQuorum') return;
    const meeting = (await this.openMeeting(matterId)) as unknown as {
      ballotMode: 'open' | 'secret';
      roster: { personId: string; entitled: boolean; recused: boolean }[];
    };
    const roster = meeting.roster;
    await this.mustSend('committee1', matterId, 'RECORD_ATTENDANCE', {
      present: roster.map((entry) => entry.personId),
    });
    const voters = roster.filter((candidate) => candidate.entitled && !candidate.recused);
    if (meeting.ballotMode === 'secret') {
      const path = `/villages/${this.world.villageId}/matters/${matterId}`;
      const passed = outcome === 'passed';
      await countPaperBallots(this.t, this.world, path, {
        yes: passed ? voters.length : 0,
        no: passed ? 0 : voters.length,
        abstain: 0,
      });
      return;
    }
    for (const entry of voters) {
      const voter = this.byPerson.get(entry.personId);
      if (voter)
        await this.mustSend(voter, matterId, 'CAST_BALLOT', { choice: outcome === 'passed' ? 'yes' : 'no' });
    }
  }

  /** Everyone present and every subject rated 满意 by every ballot, or nobody present (no quorum). */
  private async holdAppraisal(matterId: string, outcome: unknown): Promise<void> {
    if (outcome === 'noQuorum') return;
    const meeting = (await this.openMeeting(matterId)) as unknown as {
      roster: { personId: string; entitled: boolean }[];
      appraisal: { subjects: { key: string }[] };
    };
    await this.mustSend('committee1', matterId, 'RECORD_ATTENDANCE', {
      present: meeting.roster.map((entry) => entry.personId),
    });
    const ballots = meeting.roster.filter((entry) => entry.entitled).length;
    await countAppraisalBallots(this.t, this.world, `/villages/${this.world.villageId}/matters/${matterId}`, {
      ballotsReturned: ballots,
      ratings: meeting.appraisal.subjects.map(({ key }) => ({
        subject: key,
        satisfied: ballots,
        basicallySatisfied: 0,
        dissatisfied: 0,
      })),
    });
  }

  private async openMeeting(matterId: string): Promise<JsonObject> {
    const meetings = (
      await this.get('secretary', `/villages/${this.world.villageId}/matters/${matterId}/meetings`)
    ).body as unknown as (JsonObject & { status: string })[];
    return meetings.filter((candidate) => candidate.status === 'open').at(-1)!;
  }

  private async waitForPeriodEnd(matterId: string): Promise<void> {
    const before = (await this.read(matterId)).revision;
    for (let day = 0; day < 40; day++) {
      this.t.clock.advance(DAY_MS);
      await this.t.get(SchedulerService).deliverDue();
      if ((await this.read(matterId)).revision !== before) return;
    }
    throw new Error('the public period never ended');
  }

  private async sendByAnyone(
    roles: string[],
    matterId: string,
    type: string,
    payload: JsonObject,
  ): Promise<void> {
    let last: Response | undefined;
    for (const who of this.candidates(roles)) {
      last = await this.sendEvent(who, matterId, type, payload);
      if (last.status === 200) return;
      if (!TRY_SOMEONE_ELSE.test(last.body.code ?? '')) break;
    }
    throw new Error(`${type} answered ${last?.status}: ${JSON.stringify(last?.body)}`);
  }

  private async mustSend(who: MemberKey, matterId: string, type: string, payload: JsonObject): Promise<void> {
    const response = await this.sendEvent(who, matterId, type, payload);
    if (response.status !== 200)
      throw new Error(`${type} by ${who} answered ${response.status}: ${JSON.stringify(response.body)}`);
  }

  private candidates(roles: string[]): MemberKey[] {
    return [...new Set(roles.flatMap((role) => PEOPLE_FOR_ROLE[role] ?? []))];
  }

  private sendEvent(who: MemberKey, matterId: string, type: string, payload: JsonObject): Promise<Response> {
    return this.post(who, `/villages/${this.world.villageId}/matters/${matterId}/events`, { type, payload });
  }

  private async read(matterId: string): Promise<Response['body']> {
    return (await this.get('secretary', `/villages/${this.world.villageId}/matters/${matterId}`)).body;
  }

  private async post(who: MemberKey, path: string, body: object): Promise<Response> {
    const response = await this.t.api(this.world.people[who].token).post(path, body);
    return { status: response.status, body: response.body as Response['body'] };
  }

  private async get(who: MemberKey, path: string): Promise<Response> {
    const response = await this.t.api(this.world.people[who].token).get(path);
    return { status: response.status, body: response.body as Response['body'] };
  }
}
