import { MEETING_BODIES, RULE_SETS } from '../../workflows/index.js';
import type { JsonObject, JsonSchema } from '../../workflows/index.js';

/**
 * The names a definition may use, with the schema of their params. The checker validates definitions
 * against this list; guards and context actions are implemented in `guards.ts` and `machine-builder.ts`,
 * effect actions are carried out by the engine (handlers registered by each module).
 */
export interface NamedSpec {
  description: string;
  params: JsonSchema;
  /** Semantic checks beyond the schema; returns problems in Chinese. */
  check?: (params: JsonObject, known: KnownNames) => string[];
}

export interface KnownNames {
  ruleSets: ReadonlySet<string>;
  bodies: ReadonlySet<string>;
}

export const DEFAULT_KNOWN_NAMES: KnownNames = {
  ruleSets: new Set(RULE_SETS.map((ruleSet) => ruleSet.code)),
  bodies: new Set(Object.keys(MEETING_BODIES)),
};

const schema = (properties: Record<string, JsonSchema>, required: string[]): JsonSchema => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});
const name: JsonSchema = { type: 'string', minLength: 1, maxLength: 64 };
const anyJson: JsonSchema = {};
const guardRef: JsonSchema = { type: 'object', required: ['type'] };
const none = schema({}, []);

export const GUARD_SPECS: Record<string, NamedSpec> = {
  payloadEquals: {
    description: '载荷字段等于给定值',
    params: schema({ field: name, value: anyJson }, ['field', 'value']),
  },
  payloadAbsent: { description: '载荷未填写该字段', params: schema({ field: name }, ['field']) },
  factAtMost: {
    description: '服务器计算的数量不超过给定值',
    params: schema({ fact: name, value: { type: 'number' } }, ['fact', 'value']),
  },
  factEquals: {
    description: '服务器计算的事实等于给定值',
    params: schema({ fact: name, value: anyJson }, ['fact', 'value']),
  },
  inputEquals: {
    description: '事项输入等于给定值',
    params: schema({ input: name, value: anyJson }, ['input', 'value']),
  },
  inputIn: {
    description: '事项输入是给定值之一',
    params: schema({ input: name, values: { type: 'array', minItems: 1 } }, ['input', 'values']),
  },
  inputAtLeast: {
    description: '事项输入的数额不低于给定值',
    params: schema({ input: name, value: { type: 'number' } }, ['input', 'value']),
  },
  inputBelow: {
    description: '事项输入的数额低于给定值',
    params: schema({ input: name, value: { type: 'number' } }, ['input', 'value']),
  },
  routeIs: {
    description: '事项的办理路径是给定路径之一',
    params: schema({ routes: { type: 'array', items: name, minItems: 1 } }, ['routes']),
  },
  voteOutcomeIs: {
    description: '服务器计票结果',
    params: schema({ outcome: { type: 'string', enum: ['passed', 'lost', 'noQuorum'] } }, ['outcome']),
  },
  allOf: {
    description: '全部满足',
    params: schema({ guards: { type: 'array', items: guardRef, minItems: 1 } }, ['guards']),
  },
  anyOf: {
    description: '任一满足',
    params: schema({ guards: { type: 'array', items: guardRef, minItems: 1 } }, ['guards']),
  },
  not: { description: '不满足', params: schema({ guard: guardRef }, ['guard']) },
};

const bodySource: JsonSchema = {
  oneOf: [
    { type: 'string' },
    { type: 'object', properties: { fromInput: name }, required: ['fromInput'], additionalProperties: false },
  ],
};
const ruleSetSource: JsonSchema = {
  oneOf: [
    { type: 'string' },
    {
      type: 'object',
      properties: {
        fromInputs: { type: 'array', items: name, minItems: 1 },
        table: { type: 'object', additionalProperties: { type: 'string' } },
      },
      required: ['fromInputs', 'table'],
      additionalProperties: false,
    },
  ],
};
const period = schema(
  {
    days: { type: 'integer', minimum: 1, maximum: 366 },
    unit: { type: 'string', enum: ['calendar', 'working'] },
    extendPastHolidays: { type: 'boolean' },
  },
  ['days', 'unit'],
);
const kind = schema({ kind: name }, ['kind']);
/** A date named by the event's payload field, else by the matter's input field (e.g. a rectification deadline). */
const dueDate = schema({ input: name, payload: name }, ['input']);

function checkMeetingSources(params: JsonObject, known: KnownNames): string[] {
  const problems: string[] = [];
  const body = params.body;
  if (typeof body === 'string' && !known.bodies.has(body)) problems.push(`未知的会议主体：${body}`);
  const ruleSet = params.ruleSet;
  const codes =
    typeof ruleSet === 'string'
      ? [ruleSet]
      : Object.values(((ruleSet as JsonObject | null)?.table ?? {}) as Record<string, string>);
  for (const code of codes) {
    if (!known.ruleSets.has(code)) problems.push(`未知的表决规则：${code}`);
  }
  return problems;
}

/** Actions the machine names and the engine carries out inside the event's transaction. */
export const EFFECT_SPECS: Record<string, NamedSpec> = {
  openMeeting: {
    description: '召集会议：按会议日期的成员资格确定应到名单，选定表决规则',
    params: schema(
      { body: bodySource, ruleSet: ruleSetSource, ballot: { type: 'string', enum: ['secret'] } },
      ['body', 'ruleSet'],
    ),
    check: checkMeetingSources,
  },
  recordAttendance: { description: '登记到会', params: none },
  recordSitIn: { description: '登记列席', params: none },
  castBallot: { description: '本人投票', params: none },
  recordBallot: { description: '登记举手表决', params: none },
  recordCount: { description: '登记举手或纸质选票的计票结果（计票人、监票人、计票单）', params: none },
  confirmCount: { description: '监票人确认纸质选票的计票结果', params: none },
  closeMeeting: { description: '结束表决，保存计票结果', params: none },
  openAppraisal: {
    description: '民主测评：按会议日期的名册确定测评对象（村“两委”成员和三务公开）',
    params: none,
  },
  recordAppraisalCount: {
    description: '计票人逐项登记测评票的计票结果（计票单随附），待监票人确认',
    params: none,
  },
  closeAppraisal: {
    description: '结束测评：按确认的计票结果计算每名干部和三务公开的满意率，认定不称职',
    params: schema({ incompetentPercent: { type: 'integer', minimum: 1, maximum: 100 } }, [
      'incompetentPercent',
    ]),
  },
  draftDisclosure: { description: '拟定公开内容', params: kind },
  publishDisclosure: {
    description: '监督委员会审核后发布公开，开始公示期',
    params: schema({ kind: name, period }, ['kind', 'period']),
  },
  endDisclosure: { description: '公示期结束', params: kind },
  holdDisclosure: { description: '公示期满但有异议未答复，暂停办结', params: kind },
  expectDisclosure: { description: '登记本事项应当及时公开的义务', params: kind },
  startDeadline: {
    description: '开始办理时限：登记应办事项并设定到期提醒（按期限或按指定日期）',
    params: {
      ...schema({ title: { type: 'string', minLength: 1 }, period, dueDate }, ['title']),
      oneOf: [{ required: ['period'] }, { required: ['dueDate'] }],
    },
  },
  scheduleEvent: {
    description: '设定到期后自动发生的事件（如整改后的复查）',
    params: schema({ event: name, period }, ['event', 'period']),
  },
  passDeadline: { description: '办理时限届满未办结，报乡镇', params: none },
  enterMemberRegister: {
    description: '按确认结果将名单中的人员记入集体经济组织成员名册（非成员享有权益的不记入）',
    params: none,
  },
  publishListChange: { description: '按批准的调整发布新版村级清单，自生效日起施行', params: none },
  publishBaseListChange: { description: '按批准的调整发布新版基本目录，自生效日起施行', params: none },
  meetDeadline: { description: '在办理时限内（或逾期后）办结', params: none },
  fileObjection: { description: '登记村民对公示内容的异议', params: kind },
  answerObjection: {
    description: '答复异议：不成立、成立退回或更正重新公示',
    params: schema(
      { kind: name, outcome: { type: 'string', enum: ['dismissed', 'upheld', 'republished'] } },
      ['kind', 'outcome'],
    ),
  },
};

/**
 * Context keys the engine and the checker rely on: the inputs the matter started with and the route they
 * chose. No act may overwrite them, or a payload could steer a guard the checker reads as fixed.
 */
export const RESERVED_CONTEXT_KEYS: ReadonlySet<string> = new Set(['inputs', 'route']);

/** A record's name in the context: a plain camelCase word. */
const RECORD_KEY = /^[a-z][A-Za-z0-9_]{0,63}$/;

/**
 * Why a `remember` key may not name a record, or null. Besides the reserved keys, no name an object
 * already answers to: XState merges a record into the context with `Object.assign`, so `__proto__` would
 * make the payload the context's prototype and let it answer for `route` (the route guard would then
 * read what the sender typed).
 */
export function recordKeyProblem(key: string): string | null {
  if (RESERVED_CONTEXT_KEYS.has(key)) return `不能以 ${key} 为记录名：它保存事项的输入或办理路径`;
  if (!RECORD_KEY.test(key) || key in Object.prototype) {
    return `记录名 ${key} 只能是以小写字母开头的字母、数字或下划线，且不能是对象的内置属性名`;
  }
  return null;
}

/** Actions that only change the matter's context; XState applies them during the transition. */
export const CONTEXT_ACTION_SPECS: Record<string, NamedSpec> = {
  remember: {
    description: '记录本步骤的内容、操作人和时间',
    params: schema({ key: name }, ['key']),
    check: ({ key }) => {
      const problem = recordKeyProblem(key as string);
      return problem ? [problem] : [];
    },
  },
  markRoute: {
    description: '记录按事项输入确定的办理路径',
    params: schema({ route: name, title: { type: 'string' } }, ['route', 'title']),
  },
};

/** Facts the engine computes from the database and attaches to an event before guards run. */
export const FACT_SPECS: Record<string, string> = {
  tally: '当前会议的计票结果（服务器根据到会和选票计算）',
  actorIsVcChair: '操作人是否兼任村民委员会主任',
  openObjections: '当前公示中尚未答复的异议数',
  appraisalOutcome: '当前民主测评是否达到法定人数（counted 或 noQuorum）',
};

/** Keys a state node may carry; anything else (after, always, invoke) is refused: time is durable. */
export const STATE_NODE_KEYS = new Set([
  'type',
  'description',
  'meta',
  'initial',
  'states',
  'on',
  'always',
  'entry',
  'exit',
]);
export const TRANSITION_KEYS = new Set(['target', 'guard', 'actions', 'reenter', 'description']);
