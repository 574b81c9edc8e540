import { EMPTY_PAYLOAD, isoDate, listOf, object, oneOf, text, uuid } from '../events/schema.js';
import { param, ref, remember } from '../fragments/refs.js';
import { STEP_DEADLINE_EVENTS } from '../steps/deadline.js';
import type { EventSpec, MachineData, ProcedureDefinition } from '../types.js';
import { matterInputs } from './shared-parameters.js';

/** Who finds problems and checks their rectification: the supervision committee and the township. */
const CHECKERS = ['supervisor', 'township_officer'];
/** The person a problem names does the work, whatever their post. */
const RESPONSIBLE = ['secretary', 'committee_member', 'villager'];

export const PROBLEM_CATEGORIES = [
  'procedure',
  'disclosure',
  'finance',
  'assets',
  'conduct',
  'other',
] as const;
export const PROBLEM_SEVERITIES = ['minor', 'serious', 'grave'] as const;

export const PROBLEM_CATEGORY_TITLES: Record<(typeof PROBLEM_CATEGORIES)[number], string> = {
  procedure: '程序不规范',
  disclosure: '公开不及时或不完整',
  finance: '财务管理',
  assets: '集体资产资源',
  conduct: '干部作风',
  other: '其他',
};

export const PROBLEM_SEVERITY_TITLES: Record<(typeof PROBLEM_SEVERITIES)[number], string> = {
  minor: '一般',
  serious: '较重',
  grave: '严重',
};

/** Rework with a new deadline: a rejected rectification, or a re-check that finds the problem back. */
const reworkPayload = object({ reason: text(2000), deadline: isoDate() }, ['reason', 'deadline']);
const rectificationDeadline = ref('startDeadline', {
  title: '整改期限',
  dueDate: { input: 'deadline', payload: 'deadline' },
});

const events: Record<string, EventSpec> = {
  RECORD_RECTIFICATION: {
    title: '报告整改情况',
    roles: RESPONSIBLE,
    payload: object({ measures: text(5000), evidence: listOf(uuid(), 20) }, ['measures']),
    actorFromInput: 'responsiblePersonId',
  },
  VERIFY_RECTIFICATION: {
    title: '核实整改到位',
    roles: CHECKERS,
    payload: object({ opinion: text(2000) }, ['opinion']),
    distinctFrom: ['RECORD_RECTIFICATION'],
  },
  REJECT_RECTIFICATION: { title: '核实未到位，退回重新整改', roles: CHECKERS, payload: reworkPayload },
  RECHECK_DUE: { title: '复查时间已到', roles: ['system'], payload: EMPTY_PAYLOAD },
  CONFIRM_RECHECK: {
    title: '复查通过，销号',
    roles: CHECKERS,
    payload: object({ opinion: text(2000) }, ['opinion']),
    distinctFrom: ['RECORD_RECTIFICATION'],
  },
  RECHECK_FAILED: { title: '复查发现问题反弹，重新整改', roles: CHECKERS, payload: reworkPayload },
  WITHDRAW_PROBLEM: {
    title: '经核查问题不成立，撤销',
    roles: ['township_officer'],
    payload: object({ reason: text(2000) }, ['reason']),
  },
  ...STEP_DEADLINE_EVENTS,
};

const withdraw = {
  WITHDRAW_PROBLEM: [{ target: '#problemRectification.withdrawn', actions: [remember('withdrawal')] }],
};

const machine: MachineData = {
  id: 'problemRectification',
  initial: 'assigned',
  context: {},
  description: '监督发现的问题逐项整改：责任人限期整改，监督委员会或乡镇核实，销号前按期复查。',
  states: {
    assigned: {
      meta: { title: '责任人限期整改' },
      description: '逾期未整改的，报乡镇督办',
      entry: [rectificationDeadline],
      on: {
        RECORD_RECTIFICATION: [
          { target: 'verifying', actions: [remember('rectification'), ref('meetDeadline')] },
        ],
        STEP_DEADLINE_PASSED: [{ actions: [ref('passDeadline')] }],
        ...withdraw,
      },
    },
    verifying: {
      meta: { title: '核实整改情况' },
      on: {
        VERIFY_RECTIFICATION: [{ target: 'rectified', actions: [remember('verification')] }],
        REJECT_RECTIFICATION: [{ target: 'assigned', actions: [remember('rejection')] }],
        ...withdraw,
      },
    },
    rectified: {
      meta: { title: '整改完成，待复查' },
      description: '整改完成一段时间后复查，防止问题反弹',
      entry: [ref('scheduleEvent', { event: 'RECHECK_DUE', period: param('recheckAfter') })],
      on: { RECHECK_DUE: [{ target: 'rechecking' }] },
    },
    rechecking: {
      meta: { title: '复查' },
      on: {
        CONFIRM_RECHECK: [{ target: 'confirmed', actions: [remember('recheck')] }],
        RECHECK_FAILED: [{ target: 'assigned', actions: [remember('recheckFailure')] }],
      },
    },
    confirmed: { type: 'final', meta: { title: '复查通过，销号' } },
    withdrawn: { type: 'final', meta: { title: '问题不成立，撤销' } },
  },
};

export const problemRectificationProcedure: ProcedureDefinition = {
  id: 'S1',
  version: 2,
  title: '监督发现问题整改',
  category: 'S',
  description:
    '村务监督委员会或乡镇发现的问题列入问题台账，明确责任人和整改时限，逐项整改、核实、复查销号；逾期未整改的报乡镇督办。',
  legalBasis: [
    {
      law: '清廉村居建设工作方案',
      version: '长上民字〔2023〕19号',
      article: '二（五）',
      localPractice: true,
      note: '问题台账，逐项整改',
    },
    { law: '中华人民共和国村民委员会组织法', version: '2018-12-29', article: '第三十二条' },
  ],
  catalog: {
    responsible: '村务监督委员会',
    responsibleRole: 'supervisor',
    riskPoints: ['整改不到位即销号', '逾期不整改', '问题反弹'],
  },
  // The township's discipline inspector opens one when a villager's complaint calls for rectification;
  // the supervisors and the township check it.
  startRoles: [...CHECKERS, 'discipline_inspector'],
  inputSchema: matterInputs(
    {
      finding: text(5000),
      category: oneOf(PROBLEM_CATEGORIES),
      severity: oneOf(PROBLEM_SEVERITIES),
      responsiblePersonId: uuid(),
      deadline: isoDate(),
      sourceMatterId: uuid(),
    },
    ['finding', 'category', 'severity', 'responsiblePersonId', 'deadline'],
  ),
  parameters: { recheckAfter: { days: 90, unit: 'calendar', extendPastHolidays: false } },
  outcomes: { confirmed: 'carriedOut', withdrawn: 'dropped' },
  events,
  machine,
};
