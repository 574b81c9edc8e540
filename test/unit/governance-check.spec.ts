import type { ProcedureDefinition } from '../../workflows/index.js';
import { majorMatterProcedure } from '../../workflows/procedures/a1-major-matter.procedure.js';
import { villageProjectProcedure } from '../../workflows/procedures/b1-village-project.procedure.js';
import { checkDefinition } from '../../src/procedures/definition-checker.js';

const copy = (definition: ProcedureDefinition) =>
  JSON.parse(JSON.stringify(definition)) as ProcedureDefinition;
const governance = (definition: ProcedureDefinition) =>
  checkDefinition(definition).filter(
    (issue) => issue.code.startsWith('GOVERNANCE') || issue.code.startsWith('SEPARATION'),
  );

/** Removes a top-level step by rewiring every transition into it to where it led. */
function withoutStep(definition: ProcedureDefinition, step: string, leadsTo: string): ProcedureDefinition {
  const mutated = copy(definition);
  const id = mutated.machine.id;
  const json = JSON.stringify(mutated.machine).replaceAll(`"#${id}.${step}"`, `"#${id}.${leadsTo}"`);
  mutated.machine = JSON.parse(json) as ProcedureDefinition['machine'];
  delete mutated.machine.states![step];
  for (const state of Object.values(mutated.machine.states!)) {
    if (state.on?.OBJECT)
      state.on.OBJECT = state.on.OBJECT.filter(
        (transition) => transition.target !== `#${id}.${leadsTo}` || !transition.guard,
      );
  }
  const objection = mutated.events.OBJECT.payload.properties as { backTo: { enum: string[] } };
  objection.backTo.enum = objection.backTo.enum.filter((stage) => stage !== step);
  return mutated;
}

describe('governance checks', () => {
  it('refuses a major matter whose result disclosure was removed, naming the path and the missing step', () => {
    const issues = governance(withoutStep(majorMatterProcedure, 'resultDisclosure', 'closed'));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'GOVERNANCE.MISSING_STEP', state: 'closed' });
    expect(issues[0].message).toContain('实施结果公开');
    expect(issues[0].path).toMatch(/^议题登记与方案拟定 （提出方案）→ .*（实施完毕）→ 办结$/);
  });

  it('refuses a major matter that skips the villagers’ vote', () => {
    const issues = governance(withoutStep(majorMatterProcedure, 'resolutionMeeting', 'resolutionDisclosure'));
    expect(issues[0].message).toContain('村民会议或村民代表会议表决通过');
    expect(issues[0].path).toContain('党员大会审议：表决 （结束表决并计票）→ 决议公开：拟定公开内容');
    // Each kind of matter the law gives the villagers is named with its law: here, land compensation.
    expect(issues.map((issue) => issue.message)).toContainEqual(
      expect.stringMatching(/^法定事项“征地补偿费的使用、分配方案”须经集体经济组织成员大会.*第二十八条/),
    );
  });

  it('refuses a vote held by the wrong body', () => {
    const mutated = copy(majorMatterProcedure);
    const convene = mutated.machine.states!.resolutionMeeting.states!.convening.on!.CONVENE_MEETING[0];
    convene.actions![0].params = { body: 'twoCommittees', ruleSet: 'two-committee-majority' };
    expect(governance(mutated)[0].message).toContain('村民会议或村民代表会议表决通过');
  });

  it('refuses a disclosure published without the supervisors', () => {
    const mutated = copy(majorMatterProcedure);
    mutated.events.GIVE_OPINION = { ...mutated.events.GIVE_OPINION, roles: ['secretary'], marks: [] };
    expect(governance(mutated).map((issue) => issue.message)).toEqual([
      expect.stringContaining('村务监督委员会审核'),
    ]);
  });

  it('refuses a project that lets the two committees decide ¥60,000 alone', () => {
    const mutated = copy(villageProjectProcedure);
    mutated.parameters = { ...mutated.parameters, villagerVoteFrom: 80000 };
    const issues = governance(mutated);
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toContain('村民会议或村民代表会议表决通过（5万元以上）');
    expect(issues[0].message).toContain('amount = 50000');
  });

  it('refuses a project of ¥100,000 without a public tender', () => {
    const mutated = copy(villageProjectProcedure);
    mutated.parameters = { ...mutated.parameters, publicTenderFrom: 200000 };
    expect(governance(mutated).map((issue) => issue.message)).toEqual([
      expect.stringContaining('公开招标（10万元以上）'),
    ]);
  });

  it('accepts a stated exemption, which the item then shows', () => {
    const mutated = withoutStep(majorMatterProcedure, 'resultDisclosure', 'closed');
    mutated.exemptions = [{ requirement: 'disclosure', reason: '测试：结果公开另行办理' }];
    expect(governance(mutated)).toEqual([]);
  });

  it('refuses an event open to both supervisors and cadres', () => {
    const mutated = copy(majorMatterProcedure);
    mutated.events.GIVE_OPINION = {
      ...mutated.events.GIVE_OPINION,
      roles: ['supervisor', 'committee_member'],
    };
    expect(governance(mutated).map((issue) => issue.code)).toEqual(
      expect.arrayContaining(['SEPARATION.SUPERVISOR_AND_CADRE', 'SEPARATION.MARK_ROLES']),
    );
  });
});
