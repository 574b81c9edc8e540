import type { TestApp } from '../support/test-app.js';
import type { MemberKey, VillageWorld } from './village.factory.js';

/** A photo of a tally sheet (计票单), as a clerk's phone would upload it. */
const TALLY_SHEET = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

/** The counter and the scrutineer; a scrutineer who is not on the roster sits in (列席) first. */
type Counters = { counter: MemberKey; scrutineer: MemberKey; sitsIn?: boolean };
const BY_DEFAULT: Counters = { counter: 'villager1', scrutineer: 'supervisor', sitsIn: true };

/**
 * A secret ballot as villages hold one: on paper, counted by the counter (计票人, here villager1), who
 * enters the counts with a photo of the tally sheet, and confirmed by the scrutineer (监票人): by default
 * the supervision committee's chair, sitting in, since a scrutineer must have been at the meeting.
 */
export async function countPaperBallots(
  t: TestApp,
  world: VillageWorld,
  matterPath: string,
  counts: { yes: number; no: number; abstain: number },
  by: Counters = BY_DEFAULT,
): Promise<void> {
  await countOnPaper(t, world, matterPath, 'RECORD_COUNT', counts, by);
}

export type SubjectRating = {
  subject: string;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
};

/** A 民主测评's paper ballots, counted subject by subject and confirmed the same way. */
export async function countAppraisalBallots(
  t: TestApp,
  world: VillageWorld,
  matterPath: string,
  count: { ballotsReturned: number; ratings: SubjectRating[] },
  by: Counters = BY_DEFAULT,
): Promise<void> {
  await countOnPaper(t, world, matterPath, 'RECORD_APPRAISAL_COUNT', count, by);
}

async function countOnPaper(
  t: TestApp,
  world: VillageWorld,
  matterPath: string,
  type: string,
  counts: object,
  by: Counters,
): Promise<void> {
  const counter = world.people[by.counter];
  const scrutineer = world.people[by.scrutineer];
  const sheet = await t
    .api(counter.token)
    .upload(
      `/villages/${world.villageId}/attachments?filename=${encodeURIComponent('计票单.png')}`,
      TALLY_SHEET,
      'image/png',
    )
    .expect(201);
  const send = async (token: string, event: string, payload: object) => {
    const response = await t.api(token).post(`${matterPath}/events`, { type: event, payload });
    if (response.status !== 200)
      throw new Error(`${event} answered ${response.status}: ${JSON.stringify(response.body)}`);
  };
  if (by.sitsIn) await send(scrutineer.token, 'SIT_IN', { note: '列席并担任监票人' });
  await send(counter.token, type, {
    ...counts,
    counter: counter.personId,
    scrutineer: scrutineer.personId,
    tallySheet: [(sheet.body as { id: string }).id],
  });
  await send(scrutineer.token, 'CONFIRM_COUNT', { note: '核对选票无误' });
}
