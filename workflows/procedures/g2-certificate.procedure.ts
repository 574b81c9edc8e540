import { compose } from '../compose/compose.js';
import { oneOf, text } from '../events/schema.js';
import { acceptApplication, approval, record } from '../steps/presets.js';
import type { ProcedureDefinition } from '../types.js';
import { matterInputs } from './shared-parameters.js';

/**
 * Certificates a village may still issue. The 2020 national list of 20 certificates villages should not
 * issue (kinship, identity, no criminal record, marriage status…) is absent by design: such requests
 * cannot even be started.
 */
export const RETAINED_CERTIFICATES = [
  'residence',
  'familyHardship',
  'householdComposition',
  'landUse',
  'otherWithLegalBasis',
];

const { machine, events, outcomes } = compose({
  machineId: 'certificate',
  steps: [
    {
      key: 'acceptance',
      step: acceptApplication('受理申请', '核对是否属于保留的证明事项，不属于的告知不予出具'),
    },
    {
      key: 'approval',
      step: approval(
        '审核出具',
        '核实情况后审核出具',
        {
          event: 'ISSUE_CERTIFICATE',
          title: '审核同意出具',
          roles: ['vc_chair', 'secretary', 'committee_member'],
          fields: { opinion: text(1000) },
        },
        'rejected',
      ),
    },
    {
      key: 'sealing',
      step: record('盖章并登记', '登记证明出具台账', {
        event: 'RECORD_SEAL_USE',
        title: '盖章并登记台账',
        roles: ['committee_member'],
        fields: {
          copies: { type: 'integer', minimum: 1, maximum: 100 },
          documentChecked: { type: 'boolean', const: true },
          documentRef: text(200),
        },
        required: ['copies', 'documentChecked', 'documentRef'],
        distinctFrom: ['ISSUE_CERTIFICATE'],
        marks: ['sealUse'],
      }),
    },
  ],
});

export const certificateProcedure: ProcedureDefinition = {
  id: 'G2',
  version: 2,
  title: '出具证明',
  category: 'G',
  description: '只出具有法律依据或保留清单内的证明；国家明确取消的证明事项不予出具。',
  legalBasis: [
    { law: '关于规范村级组织工作事务、机制牌子和证明事项的意见', version: '厅字〔2022〕28号' },
    { law: '民政部等六部门关于村级组织不应出具的证明事项（20项）', version: '2020' },
  ],
  catalog: {
    responsible: '村民委员会',
    responsibleRole: 'vc_chair',
    riskPoints: ['出具已取消的证明事项', '出具虚假证明', '借出具证明收费'],
  },
  startRoles: ['villager'],
  inputSchema: matterInputs({ certificateType: oneOf(RETAINED_CERTIFICATES), purpose: text(500) }, [
    'certificateType',
  ]),
  parameters: {},
  outcomes,
  events,
  machine,
};
