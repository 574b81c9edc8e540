import { compose } from '../compose/compose.js';
import { oneOf, text } from '../events/schema.js';
import { acceptApplication, approval } from '../steps/presets.js';
import type { ProcedureDefinition } from '../types.js';
import { matterInputs } from './shared-parameters.js';

const { machine, events, outcomes } = compose({
  machineId: 'landTransferFiling',
  steps: [
    {
      key: 'acceptance',
      step: acceptApplication('发包方受理', '村民委员会（发包方）受理流转备案或同意申请'),
    },
    {
      key: 'issuerDecision',
      step: approval(
        '发包方备案或同意',
        '出租、入股或互换报发包方备案；转让土地承包经营权须经发包方同意',
        {
          event: 'ISSUER_CONSENT',
          title: '发包方备案（同意）',
          roles: ['vc_chair', 'committee_member'],
          fields: { note: text(2000) },
        },
        'rejected',
      ),
    },
  ],
});

export const landTransferFilingProcedure: ProcedureDefinition = {
  id: 'D6',
  version: 2,
  title: '土地经营权流转、互换和转让备案',
  category: 'D',
  description: '承包农户自主流转土地经营权；出租、入股、互换报发包方备案，转让承包经营权须经发包方同意。',
  legalBasis: [
    {
      law: '中华人民共和国农村土地承包法',
      version: '2018-12-29',
      article: '第三十三条、第三十四条、第三十六条',
    },
  ],
  exemptions: [
    {
      requirement: 'vote',
      reason: '农户自主流转，发包方备案或同意即可（农村土地承包法第三十四条、第三十六条）',
    },
    { requirement: 'disclosure', reason: '农户之间的流转不属于集体事项公开范围' },
    { requirement: 'supervisorSignOff', reason: '发包方备案不涉及集体资金资产' },
  ],
  catalog: {
    responsible: '村民委员会（发包方）',
    responsibleRole: 'committee_member',
    riskPoints: ['发包方强迫或阻碍农户流转', '借备案收取费用'],
  },
  statutoryClass: 'landTransferFiling',
  startRoles: ['villager'],
  inputSchema: matterInputs({ kind: oneOf(['lease', 'shares', 'swap', 'transfer']), parcel: text(200) }, [
    'kind',
    'parcel',
  ]),
  parameters: {},
  outcomes,
  events,
  machine,
};
