import type { MemberKey, VillageWorld } from '../../factories/village.factory.js';

/** One request of a matter's life, or a wait for the scheduler to move the matter on. */
export type ScriptStep =
  { kind: 'event'; who: MemberKey; type: string; payload: object } | { kind: 'await'; state: string };

export const MAJOR_MATTER_INPUTS = {
  title: '村集体道路硬化工程',
  summary: '硬化村内主干道 1.2 公里',
  topicSource: 'public_suggestion',
  matterClass: 'publicWelfareProject',
  decidingBody: 'representatives',
};

/**
 * A major matter (A1) from proposal to closed as the village's people run it: four meetings with open
 * ballots, two disclosures whose public periods end by the scheduler. `heldOn` is fixed when the script
 * is made, so that a retried request carries the same payload as the first attempt.
 */
export function majorMatterScript(world: VillageWorld, heldOn: string): ScriptStep[] {
  const event = (who: MemberKey, type: string, payload: object = {}): ScriptStep => ({
    kind: 'event',
    who,
    type,
    payload,
  });
  const meeting = (present: MemberKey[], yes: MemberKey[]): ScriptStep[] => [
    event('secretary', 'CONVENE_MEETING', { heldOn, ballot: 'open' }),
    event('committee1', 'RECORD_ATTENDANCE', { present: present.map((who) => world.people[who].personId) }),
    ...yes.map((who) => event(who, 'CAST_BALLOT', { choice: 'yes' })),
    event('secretary', 'CLOSE_VOTE', { minutes: '会议记录' }),
  ];
  const publish = (title: string): ScriptStep[] => [
    event('committee1', 'SUBMIT_DISCLOSURE', { title, body: `${title}：正文` }),
    event('supervisor', 'GIVE_OPINION', { opinion: '程序合规，同意公开' }),
  ];
  const twoCommittees: MemberKey[] = ['secretary', 'committee1', 'committee2'];
  const partyMeeting: MemberKey[] = ['secretary', 'committee1', 'party1', 'party2', 'party3'];
  const representatives: MemberKey[] = [...twoCommittees, 'rep1', 'rep2', 'rep3'];
  return [
    event('secretary', 'PROPOSE_PLAN', { plan: '方案：硬化主干道', mergeWithDeliberation: false }),
    ...meeting(['secretary', 'committee1'], ['secretary', 'committee1']),
    ...meeting(twoCommittees, twoCommittees),
    ...meeting(partyMeeting, ['secretary', 'committee1', 'party1', 'party2']),
    ...meeting(representatives, ['secretary', 'committee1', 'rep1', 'rep2', 'rep3']),
    ...publish('决议公开'),
    { kind: 'await', state: 'implementation' },
    event('committee2', 'REPORT_PROGRESS', { note: '已完成招标' }),
    event('secretary', 'COMPLETE_IMPLEMENTATION', { summary: '工程已验收' }),
    ...publish('实施结果公开'),
    { kind: 'await', state: 'closed' },
  ];
}
