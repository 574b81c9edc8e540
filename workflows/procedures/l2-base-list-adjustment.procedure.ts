import { object, text } from '../events/schema.js';
import { ref, remember } from '../fragments/refs.js';
import type { EventSpec, JsonSchema, MachineData, ProcedureDefinition } from '../types.js';
import { ADJUSTMENT_OUTCOMES, adjustmentInputs } from './l1-list-adjustment.procedure.js';

/** A change to the district's base list: the same kinds as a village's, on base codes (A1 … H99). */
const change: JsonSchema = {
  type: 'object',
  required: ['kind', 'code'],
  additionalProperties: false,
  properties: {
    kind: { type: 'string', enum: ['addItem', 'changeParameters', 'retireItem'] },
    code: { type: 'string', pattern: '^[A-H][0-9]{1,2}$' },
    definition: { type: 'object' },
    fromBase: { type: 'string', pattern: '^[A-H][0-9]{1,2}$' },
    title: text(100, 2),
    parameters: { type: 'object' },
    reason: text(2000),
  },
};

const events: Record<string, EventSpec> = {
  APPROVE_BASE_CHANGE: {
    title: '审核通过，发布新版基本目录',
    roles: ['district_admin'],
    payload: object({ opinion: text(2000) }, ['opinion']),
    marks: ['approval'],
    distinctFrom: ['START'],
  },
  REJECT_BASE_CHANGE: {
    title: '审核不通过',
    roles: ['district_admin'],
    payload: object({ reason: text(2000) }, ['reason']),
    distinctFrom: ['START'],
  },
  WITHDRAW_REQUEST: {
    title: '撤回调整草案',
    roles: ['district_admin'],
    payload: object({ reason: text(2000) }, ['reason']),
  },
};

const machine: MachineData = {
  id: 'baseListAdjustment',
  initial: 'review',
  context: {},
  description: '区级起草基本目录调整，另一名审核人审核通过后发布新版基本目录。',
  states: {
    review: {
      meta: { title: '区级审核' },
      on: {
        APPROVE_BASE_CHANGE: [
          { target: 'approved', actions: [remember('approval'), ref('publishBaseListChange')] },
        ],
        REJECT_BASE_CHANGE: [{ target: 'rejected', actions: [remember('rejection')] }],
        WITHDRAW_REQUEST: [{ target: 'withdrawn', actions: [remember('withdrawal')] }],
      },
    },
    approved: { type: 'final', meta: { title: '批准，新版基本目录按生效日期施行' } },
    rejected: { type: 'final', meta: { title: '不予调整，基本目录不变' } },
    withdrawn: { type: 'final', meta: { title: '草案已撤回' } },
  },
};

export const baseListAdjustmentProcedure: ProcedureDefinition = {
  id: 'L2',
  version: 1,
  title: '区级基本目录动态调整',
  category: 'L',
  description:
    '区级起草基本目录的调整（增加或停用事项、调整参数），由起草人以外的审核人审核通过后发布新版基本目录，自生效日起施行；各村清单随之更新。',
  legalBasis: [
    {
      law: '关于推行村级小微权力清单制度的通知',
      localPractice: true,
      note: '基本目录由区级统一制定、动态调整',
    },
  ],
  catalog: {
    responsible: '区委组织部、区民政局等清单主管部门',
    responsibleRole: 'district_admin',
    riskPoints: ['未经审核擅自调整基本目录', '删减法定程序'],
  },
  exemptions: [
    { requirement: 'supervisorSignOff', reason: '基本目录由区级审定，不设村务监督委员会环节' },
    { requirement: 'townshipApproval', reason: '基本目录由区级制定，乡镇执行' },
  ],
  startRoles: ['district_admin'],
  inputSchema: adjustmentInputs(change),
  parameters: {},
  outcomes: { ...ADJUSTMENT_OUTCOMES },
  events,
  machine,
};
