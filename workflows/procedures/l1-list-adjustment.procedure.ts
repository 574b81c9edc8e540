import { flag, isoDate, object, text } from '../events/schema.js';
import { ref, remember } from '../fragments/refs.js';
import type { EventSpec, JsonSchema, MachineData, ProcedureDefinition } from '../types.js';

/** A list item's code: base items A1 … H8, a village's own items X1, X2 … */
export const ITEM_CODE = '^([A-H][0-9]{1,2}|X[0-9]{1,3})$';

/**
 * One change to a village's list. The shape is checked here; what it means (an item that exists, a
 * procedure that passes the checker, parameters the item has) is the admission check's work, before the
 * request may even be submitted.
 */
const change: JsonSchema = {
  type: 'object',
  required: ['kind', 'code'],
  additionalProperties: false,
  properties: {
    kind: { type: 'string', enum: ['addItem', 'changeParameters', 'retireItem', 'setResponsibility'] },
    code: { type: 'string', pattern: ITEM_CODE },
    /** addItem: the procedure as JSON (a definition like those in workflows/) … */
    definition: { type: 'object' },
    /** … or made from a base item, under its own title. */
    fromBase: { type: 'string', pattern: '^[A-H][0-9]{1,2}$' },
    title: text(100, 2),
    /** addItem, changeParameters: values of the item's parameters. */
    parameters: { type: 'object' },
    /** retireItem: why the village no longer holds this power. */
    reason: text(2000),
    /** setResponsibility: the two-committee member who handles the item, and what they do. */
    personId: { type: 'string', format: 'uuid' },
    duty: text(500),
  },
};

/** A list-adjustment request's inputs: what it is, why, from when, and the changes. */
export const adjustmentInputs = (changeSchema: JsonSchema): JsonSchema =>
  object(
    {
      title: text(100, 2),
      summary: text(5000),
      effectiveFrom: isoDate(),
      changes: { type: 'array', items: changeSchema, minItems: 1, maxItems: 50 },
    },
    ['title', 'summary', 'effectiveFrom', 'changes'],
  );

/** Both adjustment procedures end the same three ways. */
export const ADJUSTMENT_OUTCOMES = {
  approved: 'carriedOut',
  rejected: 'rejected',
  withdrawn: 'dropped',
} as const;

const events: Record<string, EventSpec> = {
  SUPERVISOR_OPINION: {
    title: '村务监督委员会提出意见',
    roles: ['supervisor'],
    payload: object({ opinion: text(2000), agree: flag() }, ['opinion', 'agree']),
    marks: ['supervisorSignOff'],
  },
  TOWNSHIP_APPROVE: {
    title: '乡镇审核同意',
    roles: ['township_officer'],
    payload: object({ opinion: text(2000) }, ['opinion']),
    marks: ['townshipApproval'],
  },
  TOWNSHIP_REJECT: {
    title: '乡镇审核不同意',
    roles: ['township_officer'],
    payload: object({ reason: text(2000) }, ['reason']),
  },
  DISTRICT_APPROVE: {
    title: '区级批准，发布新版清单',
    roles: ['district_admin'],
    payload: object({ opinion: text(2000) }, ['opinion']),
    marks: ['approval'],
  },
  DISTRICT_REJECT: {
    title: '区级不予批准',
    roles: ['district_admin'],
    payload: object({ reason: text(2000) }, ['reason']),
  },
  WITHDRAW_REQUEST: {
    title: '撤回调整申请',
    roles: ['secretary'],
    payload: object({ reason: text(2000) }, ['reason']),
  },
};

const withdraw = {
  WITHDRAW_REQUEST: [{ target: '#listAdjustment.withdrawn', actions: [remember('withdrawal')] }],
};

const machine: MachineData = {
  id: 'listAdjustment',
  initial: 'supervisorOpinion',
  context: {},
  description: '村党组织书记提出清单调整，村务监督委员会提出意见，乡镇审核，区级批准后发布新版清单。',
  states: {
    supervisorOpinion: {
      meta: { title: '村务监督委员会提出意见' },
      on: {
        SUPERVISOR_OPINION: [{ target: 'townshipReview', actions: [remember('supervisorOpinion')] }],
        ...withdraw,
      },
    },
    townshipReview: {
      meta: { title: '乡镇审核' },
      on: {
        TOWNSHIP_APPROVE: [{ target: 'districtApproval', actions: [remember('townshipApproval')] }],
        TOWNSHIP_REJECT: [{ target: 'rejected', actions: [remember('townshipRejection')] }],
        ...withdraw,
      },
    },
    districtApproval: {
      meta: { title: '区级审批' },
      on: {
        DISTRICT_APPROVE: [
          { target: 'approved', actions: [remember('districtApproval'), ref('publishListChange')] },
        ],
        DISTRICT_REJECT: [{ target: 'rejected', actions: [remember('districtRejection')] }],
        ...withdraw,
      },
    },
    approved: { type: 'final', meta: { title: '批准，新版清单按生效日期施行' } },
    rejected: { type: 'final', meta: { title: '不予调整，清单不变' } },
    withdrawn: { type: 'final', meta: { title: '申请已撤回' } },
  },
};

export const listAdjustmentProcedure: ProcedureDefinition = {
  id: 'L1',
  version: 1,
  title: '村级小微权力清单动态调整',
  category: 'L',
  description:
    '按“基本目录+X”原则，村级增加自有事项（X）、调整事项参数、停用事项或明确责任人：村党组织书记提出，监督委员会提出意见，乡镇审核，区级批准后发布新版清单，自生效日起施行。',
  legalBasis: [
    {
      law: '关于推行村级小微权力清单制度的通知',
      localPractice: true,
      note: '“基本目录+X”，动态调整，准入审查',
    },
  ],
  catalog: {
    responsible: '村党组织',
    responsibleRole: 'secretary',
    riskPoints: ['擅自增减权力事项', '以调整为名规避民主程序', '调整未经审批即执行'],
  },
  startRoles: ['secretary'],
  inputSchema: adjustmentInputs(change),
  parameters: {},
  outcomes: { ...ADJUSTMENT_OUTCOMES },
  events,
  machine,
};
