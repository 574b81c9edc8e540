import { compose } from '../compose/compose.js';
import { param, ref } from '../fragments/refs.js';
import { listOf, oneOf, uuid } from '../events/schema.js';
import { deliberation, filing, proposal, publicNotice, resolution } from '../steps/presets.js';
import type { ProcedureDefinition } from '../types.js';
import { PUBLIC_PERIOD, matterInputs } from './shared-parameters.js';

const { machine, events, outcomes } = compose({
  machineId: 'membershipConfirmation',
  steps: [
    {
      key: 'proposal',
      step: proposal('拟定成员确认名单', '出生自然取得；婚嫁、收养、移民安置等一般予以确认'),
    },
    { key: 'deliberation', step: deliberation() },
    { key: 'rosterNotice', step: publicNotice('名单公示', 'draft', param('rosterPublicPeriod')) },
    {
      key: 'resolutionMeeting',
      step: resolution({
        title: '成员大会确认',
        body: 'collectiveMembers',
        ruleSet: { fromInputs: ['grantsNonMemberRights'], table: param('ruleSets') },
      }),
    },
    {
      key: 'resolutionDisclosure',
      step: publicNotice('确认结果公示', 'resolution', param('resolutionPublicPeriod')),
    },
    {
      key: 'filing',
      step: filing('报乡镇和县级部门备案', '成员名册报备；确认的成员自备案之日起记入成员名册', undefined, [
        ref('enterMemberRegister'),
      ]),
    },
  ],
});

export const membershipConfirmationProcedure: ProcedureDefinition = {
  id: 'D9',
  version: 6,
  title: '集体经济组织成员身份确认',
  category: 'D',
  description:
    '成员身份由成员大会三分之二以上同意确认；非成员享有成员权益须全体成员四分之三以上同意；名册报乡镇和县级备案。',
  legalBasis: [
    {
      law: '中华人民共和国农村集体经济组织法',
      version: '2024-06-28',
      article: '第十二条、第十五条、第二十六条第三项',
    },
  ],
  catalog: {
    responsible: '村集体经济组织',
    responsibleRole: 'secretary',
    riskPoints: ['违规确认或剥夺成员身份', '外嫁女、入赘婿等群体权益受损'],
  },
  statutoryClass: {
    fromInput: 'grantsNonMemberRights',
    table: { false: 'membershipConfirmation', true: 'nonMemberRights' },
  },
  startRoles: ['secretary'],
  inputSchema: matterInputs(
    {
      // The people confirmed, each on the village's register (members living elsewhere included).
      personIds: listOf(uuid(), 2000),
      basis: oneOf(['original', 'birth', 'marriage', 'adoption', 'resettlement', 'other']),
      grantsNonMemberRights: { type: 'boolean', default: false },
    },
    ['personIds', 'basis'],
  ),
  parameters: {
    ruleSets: { false: 'collective-assembly', true: 'non-member-rights' },
    rosterPublicPeriod: PUBLIC_PERIOD.sevenDays,
    resolutionPublicPeriod: PUBLIC_PERIOD.sevenDays,
  },
  outcomes,
  events,
  machine,
};
