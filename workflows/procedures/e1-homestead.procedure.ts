import { compose } from '../compose/compose.js';
import { text } from '../events/schema.js';
import { param } from '../fragments/refs.js';
import {
  acceptApplication,
  approval,
  publicNotice,
  record,
  resolution,
  townshipDecision,
} from '../steps/presets.js';
import type { ProcedureDefinition } from '../types.js';
import { PUBLIC_PERIOD, matterInputs } from './shared-parameters.js';

const { machine, events, outcomes } = compose({
  machineId: 'homestead',
  steps: [
    {
      key: 'acceptance',
      step: acceptApplication('村级受理', '农户以户为单位书面申请，村集体经济组织或村民小组受理'),
    },
    {
      key: 'memberMeeting',
      step: resolution({
        title: '村民代表会议讨论',
        body: 'representatives',
        ruleSet: 'representative-meeting',
        reviseTo: 'acceptance',
        abandonTo: 'rejected',
      }),
    },
    { key: 'villageNotice', step: publicNotice('本集体内公示', 'resolution', param('villagePublicPeriod')) },
    {
      key: 'villageSign',
      step: approval('村级审查签署意见', '村级组织审查申请材料并签署意见', {
        event: 'VILLAGE_SIGN',
        title: '村级签署意见',
        roles: ['vc_chair', 'secretary'],
        fields: { opinion: text(2000) },
        required: ['opinion'],
      }),
    },
    {
      key: 'townshipApproval',
      step: townshipDecision(
        '乡镇联审并审批',
        '乡镇农业农村、自然资源等部门联审，乡镇政府审批，核发宅基地批准书',
      ),
    },
    {
      key: 'siteCheck',
      step: record('“三到场”实地核查', '乡镇组织到场丈量批放、定位放线、竣工验收', {
        event: 'RECORD_SITE_CHECK',
        title: '登记实地核查',
        roles: ['township_officer'],
        fields: { checkedOn: { type: 'string', format: 'date' }, result: text(2000) },
        required: ['checkedOn', 'result'],
      }),
    },
    { key: 'completionCheck', step: townshipDecision('竣工验收', '乡镇组织竣工验收', 'siteCheck') },
    { key: 'resultDisclosure', step: publicNotice('审批结果公开', 'result', param('resultPublicPeriod')) },
  ],
});

export const homesteadProcedure: ProcedureDefinition = {
  id: 'E1',
  version: 4,
  title: '宅基地和村民建房申请',
  category: 'E',
  description: '农户申请，村民代表会议讨论并在本集体内公示，村级审查签字后报乡镇联审审批，实行“三到场”。',
  legalBasis: [
    {
      law: '中华人民共和国土地管理法',
      version: '2019-08-26',
      article: '第六十二条',
      note: '一户一宅，乡镇审批',
    },
    { law: '农业农村部 自然资源部关于规范农村宅基地审批管理的通知', version: '农经发〔2019〕6号' },
  ],
  catalog: {
    responsible: '村民委员会（村集体经济组织）',
    responsibleRole: 'vc_chair',
    riskPoints: ['一户多宅、超标准占地', '出卖出租住宅后再申请', '未批先建、少批多建'],
  },
  startRoles: ['villager'],
  inputSchema: matterInputs(
    { household: text(50), area: { type: 'number', minimum: 1, maximum: 1000 }, site: text(200) },
    ['household', 'area'],
  ),
  parameters: { villagePublicPeriod: PUBLIC_PERIOD.sevenDays, resultPublicPeriod: PUBLIC_PERIOD.sevenDays },
  outcomes,
  events,
  machine,
};
