import { villageItem, type JsonObject } from '../../workflows/index.js';
import type { LocalTime } from '../common/local-time.js';
import { periodOf } from '../disclosure/periods.js';
import type { EngineService } from '../engine/engine.service.js';
import type { PersonActor } from '../identity/actor.js';
import { addDays } from '../time/calendar.js';

export type DemoPeople = ReadonlyMap<string, PersonActor>;

/**
 * A few matters carried through the engine (traced like any other), so that a newcomer finds the public
 * board, the lists and the supervisors' inbox already in use: last month's finances published, a major
 * matter whose resolution is public, a small project just proposed, a problem the supervisors found.
 */
export async function seedDemoMatters(
  engine: EngineService,
  people: DemoPeople,
  villageId: string,
  time: LocalTime,
): Promise<void> {
  const who = (username: string) => people.get(`dz-${username}`) ?? people.get(username)!;
  const today = time.today();
  const start = async (by: string, procedureId: string, inputs: JsonObject) =>
    (await engine.start({ villageId, actor: who(by), procedureId, inputs })).view.id;
  const send =
    (matterId: string) =>
    async (by: string, type: string, payload: JsonObject = {}) => {
      await engine.submit({ villageId, matterId, actor: who(by), type, payload });
    };
  const meeting = async (act: ReturnType<typeof send>, voters: string[]) => {
    await act('secretary', 'CONVENE_MEETING', { heldOn: today, ballot: 'open' });
    await act('committee1', 'RECORD_ATTENDANCE', { present: voters.map((voter) => who(voter).personId) });
    for (const voter of voters) await act(voter, 'CAST_BALLOT', { choice: 'yes' });
    await act('secretary', 'CLOSE_VOTE', { minutes: '会议记录见附件' });
  };

  const lastMonth = periodOf(addDays(`${today.slice(0, 7)}-01`, -1), 'monthly');
  const finances = send(
    await start('committee1', 'C3', { title: `${lastMonth} 财务收支公开`, period: lastMonth }),
  );
  await finances('supervisor', 'SUPERVISOR_APPROVE', { opinion: '凭证齐全，收支属实' });
  await finances('committee1', 'SUBMIT_DISCLOSURE', {
    title: `${lastMonth} 财务收支情况`,
    body: '本月收入：集体土地租金 36,000 元；支出：村道路灯维修 4,200 元、办公用品 860 元。余额 68,240 元。',
  });
  await finances('supervisor', 'GIVE_OPINION', { opinion: '经民主理财小组审核，同意公开' });

  const road = send(
    await start('secretary', 'A1', {
      title: '硬化村北主干道',
      summary: '硬化村北主干道 1.2 公里，预算 38 万元',
      topicSource: 'public_suggestion',
      matterClass: 'publicWelfareProject',
      decidingBody: 'representatives',
    }),
  );
  await road('secretary', 'PROPOSE_PLAN', {
    plan: '硬化村北主干道 1.2 公里，宽 4.5 米，预算 38 万元，申请一事一议财政奖补。',
    mergeWithDeliberation: true,
  });
  await meeting(road, ['secretary', 'committee1', 'committee2']);
  await meeting(road, ['secretary', 'committee1', 'party1', 'party2', 'party3']);
  await meeting(road, ['secretary', 'committee1', 'committee2', 'rep1', 'rep2', 'rep3', 'rep4']);
  await road('committee1', 'SUBMIT_DISCLOSURE', {
    title: '关于硬化村北主干道的决议',
    body: '经村民代表会议表决（到会 7 人，赞成 7 人），同意硬化村北主干道 1.2 公里，预算 38 万元。',
  });
  await road('supervisor', 'GIVE_OPINION', { opinion: '决策程序符合“四议两公开”要求，同意公开' });

  await start('secretary', 'B1', { title: '村委会院墙修缮', summary: '修缮院墙 30 米', amount: 8000 });

  // The village's own item (X1), added to its list through the adjustment procedure and in force today.
  const listChange = send(
    await start('secretary', 'L1', {
      title: '增加“村级零星小额开支审批”事项',
      summary:
        '500 元以下的零星开支（办公用品、小修小补）须经监督委员会审核、“两委”审批，纳入本村小微权力清单。',
      effectiveFrom: today,
      changes: [
        {
          kind: 'addItem',
          code: 'X1',
          title: '村级零星小额开支审批',
          definition: villageItem({
            code: 'X1',
            title: '村级零星小额开支审批',
            category: 'C',
            description: '500 元以下的零星开支：经手人申请，监督委员会审核，“两委”审批。',
            startRoles: ['committee_member'],
            basis: '东庄村村规民约',
            supervised: true,
          }) as unknown as JsonObject,
        },
        {
          kind: 'setResponsibility',
          code: 'X1',
          personId: who('committee2').personId,
          duty: '审核零星开支票据，登记开支台账',
        },
        {
          kind: 'setResponsibility',
          code: 'A1',
          personId: who('secretary').personId,
          duty: '组织“四议两公开”',
        },
      ],
    }),
  );
  await listChange('supervisor', 'SUPERVISOR_OPINION', {
    opinion: '零星开支纳入清单管理，同意',
    agree: true,
  });
  await listChange('township', 'TOWNSHIP_APPROVE', { opinion: '符合“基本目录+X”要求' });
  await listChange('district', 'DISTRICT_APPROVE', { opinion: '批准' });

  // A finding from the supervisors' quarterly check, in the problem ledger with two weeks to put it right.
  await start('supervisor', 'S1', {
    title: '村务公开栏未公开上季度低保名单',
    finding: '村务公开栏未张贴上季度低保对象名单，阳光村务平台已公开，线下公开不完整。',
    category: 'disclosure',
    severity: 'minor',
    responsiblePersonId: who('committee1').personId,
    deadline: addDays(today, 14),
  });
}
