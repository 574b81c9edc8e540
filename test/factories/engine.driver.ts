import { EngineService, type ConflictDeclaration } from '../../src/engine/engine.service.js';
import type { MatterView } from '../../src/engine/matter-view.service.js';
import { localDate } from '../../src/time/calendar.js';
import type { TestApp } from '../support/test-app.js';
import { majorMatterInputs } from './matter.driver.js';
import { actorOf, type MemberKey, type VillageWorld } from './village.factory.js';

export interface StartOptions {
  procedureId?: string;
  by?: MemberKey;
  conflicts?: ConflictDeclaration[];
}

/** Drives a matter through EngineService directly (no HTTP), for medium tests. */
export class EngineDriver {
  private constructor(
    readonly t: TestApp,
    readonly world: VillageWorld,
    readonly matterId: string,
  ) {}

  static async start(
    t: TestApp,
    world: VillageWorld,
    inputs: object = {},
    options: StartOptions = {},
  ): Promise<EngineDriver> {
    const procedureId = options.procedureId ?? 'A1';
    const { view } = await t.get(EngineService).start({
      villageId: world.villageId,
      actor: actorOf(world, options.by ?? 'secretary'),
      procedureId,
      inputs: { ...(procedureId === 'A1' ? majorMatterInputs() : {}), ...inputs },
      conflicts: options.conflicts,
    });
    return new EngineDriver(t, world, view.id);
  }

  async sendAs(who: MemberKey, as: string, type: string, payload: object = {}): Promise<MatterView> {
    const { view } = await this.t.get(EngineService).send({
      villageId: this.world.villageId,
      matterId: this.matterId,
      actor: actorOf(this.world, who),
      type,
      payload: payload as never,
      asRole: as,
    });
    return view;
  }

  async send(who: MemberKey, type: string, payload: object = {}): Promise<MatterView> {
    const { view } = await this.t.get(EngineService).send({
      villageId: this.world.villageId,
      matterId: this.matterId,
      actor: actorOf(this.world, who),
      type,
      payload: payload as never,
    });
    return view;
  }

  /** Declares a conflict of interest (回避) in the matter, as `who`. */
  async declareConflict(who: MemberKey, conflict: ConflictDeclaration): Promise<MatterView> {
    const { view } = await this.t.get(EngineService).declareConflict({
      villageId: this.world.villageId,
      matterId: this.matterId,
      actor: actorOf(this.world, who),
      conflict,
    });
    return view;
  }

  today(): string {
    return localDate(this.t.clock.now(), 'Asia/Shanghai');
  }

  personId(who: MemberKey): string {
    return this.world.people[who].personId;
  }

  /** Convenes, records everyone present, has every roster member vote yes, closes the vote. */
  async passMeeting(voters: MemberKey[]): Promise<MatterView> {
    await this.send('secretary', 'CONVENE_MEETING', { heldOn: this.today(), ballot: 'open' });
    await this.send('committee1', 'RECORD_ATTENDANCE', { present: voters.map((who) => this.personId(who)) });
    for (const who of voters) await this.send(who, 'CAST_BALLOT', { choice: 'yes' });
    return this.send('secretary', 'CLOSE_VOTE');
  }

  /** The shortest lawful way to the resolution meeting: merged proposal, two votes passed. */
  async toResolutionMeeting(): Promise<MatterView> {
    await this.send('secretary', 'PROPOSE_PLAN', { plan: '方案', mergeWithDeliberation: true });
    await this.passMeeting(['secretary', 'committee1', 'committee2']);
    return this.passMeeting(['secretary', 'committee1', 'party1', 'party2']);
  }

  /** The shortest lawful way to a published resolution in its public period. */
  async toResolutionPublic(): Promise<MatterView> {
    await this.toResolutionMeeting();
    await this.passMeeting(['secretary', 'committee1', 'committee2', 'rep1', 'rep2', 'rep3']);
    await this.send('committee1', 'SUBMIT_DISCLOSURE', { title: '决议公开', body: '正文' });
    return this.send('supervisor', 'GIVE_OPINION', { opinion: '同意公开' });
  }

  /** Proposes (merged) and convenes the two-committee meeting with attendance recorded. */
  async atTwoCommitteeMeeting(
    options: { ballot?: 'open' | 'secret'; present?: MemberKey[] } = {},
  ): Promise<void> {
    await this.send('secretary', 'PROPOSE_PLAN', { plan: '方案', mergeWithDeliberation: true });
    await this.send('secretary', 'CONVENE_MEETING', {
      heldOn: this.today(),
      ballot: options.ballot ?? 'open',
    });
    const present = options.present ?? ['secretary', 'committee1', 'committee2'];
    await this.send('committee1', 'RECORD_ATTENDANCE', { present: present.map((who) => this.personId(who)) });
  }
}
