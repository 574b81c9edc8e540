import type { JsonObject, ProcedureDefinition, StepMark } from '../../../workflows/index.js';
import { NEGATIVE_LIST, ROLES } from '../../../workflows/index.js';
import { compileSchema } from '../../common/json-schema.js';
import { FACT_SPECS } from '../vocabulary.js';
import type { DefinitionIssue } from './issue.js';

/**
 * Roles a procedure may name. The discipline inspector handles villagers' complaints about the village's
 * matters and so takes no step in any of them; they may only open the supervisors' own procedures (S).
 */
const KNOWN_ROLES = new Set<string>(ROLES.filter((role) => role !== 'discipline_inspector'));
const SUPERVISOR_ROLES = new Set(['supervisor', 'supervisor_chair']);
const CADRE_ROLES = new Set(['secretary', 'committee_member', 'vc_chair']);

/**
 * Who may approve: the village's cadres or a higher level. An approval counts as the decision a category
 * requires, so it must not be open to any villager, party member or representative (who hold no office
 * to decide by), nor to the supervisors, who review instead.
 */
const APPROVER_ROLES = new Set([...CADRE_ROLES, 'township_officer', 'district_admin']);

/** The roles each mark allows: a sign-off is only a sign-off if the right people give it. */
const MARK_ROLES: Record<StepMark, (role: string) => boolean> = {
  supervisorSignOff: (role) => SUPERVISOR_ROLES.has(role),
  townshipApproval: (role) => role === 'township_officer',
  tenderAward: (role) => role === 'township_officer',
  approval: (role) => APPROVER_ROLES.has(role),
  proposal: (role) => CADRE_ROLES.has(role),
  sealUse: (role) => CADRE_ROLES.has(role),
};

const MARK_TITLES: Record<StepMark, string> = {
  supervisorSignOff: '监督委员会审核',
  townshipApproval: '乡镇审核审批',
  tenderAward: '交易中心定标',
  approval: '审批',
  proposal: '提议',
  sealUse: '用印',
};

/**
 * What the clock does is nobody's act, and nobody's act is the clock's. An event open to `system` (a
 * public period's end, a deadline) is open to it alone: otherwise a cadre could end a period early. And an
 * event the machine schedules (`scheduleEvent`) is one of those: a timer sending a supervisor's opinion
 * or an approval would stand in for the person whose act it is (the engine would refuse it when it fired,
 * leaving the matter waiting on a timer that can never be delivered).
 */
export function checkTimedEvents(definition: ProcedureDefinition, machine: unknown): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  for (const [event, spec] of Object.entries(definition.events)) {
    const people = spec.roles.filter((role) => role !== 'system');
    if (spec.roles.includes('system') && people.length > 0) {
      issues.push({
        code: 'EVENT.SYSTEM_SHARED',
        message: `事件 ${event} 由系统到期自动发生，不能同时开放给 ${people.join('、')}`,
        event,
      });
    }
  }
  for (const event of new Set(scheduledEvents(machine))) {
    const spec = Object.hasOwn(definition.events, event) ? definition.events[event] : undefined;
    if (spec?.roles.length !== 1 || spec.roles[0] !== 'system') {
      issues.push({
        code: 'EVENT.TIMER_NOT_SYSTEM',
        message: `到期自动发生的事件 ${event} 须已声明且只由系统（system）触发，不能代替某人的操作`,
        event,
      });
    }
  }
  return issues;
}

/** The events every `scheduleEvent` action in the machine names, wherever the action stands. */
function scheduledEvents(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(scheduledEvents);
  if (node === null || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const own =
    record.type === 'scheduleEvent' && typeof (record.params as JsonObject | undefined)?.event === 'string'
      ? [(record.params as JsonObject).event as string]
      : [];
  return [...own, ...Object.values(record).flatMap(scheduledEvents)];
}

export function checkRolesAndEvents(definition: ProcedureDefinition): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  for (const role of definition.startRoles) {
    const inspectorOpensRectification = role === 'discipline_inspector' && definition.category === 'S';
    if ((!KNOWN_ROLES.has(role) && !inspectorOpensRectification) || role === 'system') {
      issues.push({ code: 'ROLE.UNKNOWN', message: `发起角色无效：${role}`, path: 'startRoles' });
    }
  }
  issues.push(...checkSchema(definition.inputSchema, 'inputSchema', 'INPUT.SCHEMA_INVALID'));
  for (const [event, spec] of Object.entries(definition.events)) {
    if (spec.roles.length === 0) {
      issues.push({ code: 'EVENT.NO_ROLES', message: `事件 ${event} 没有指定可操作的角色`, event });
    }
    for (const role of spec.roles) {
      if (!KNOWN_ROLES.has(role)) {
        issues.push({ code: 'ROLE.UNKNOWN', message: `事件 ${event} 使用了未知角色：${role}`, event });
      }
    }
    for (const fact of spec.facts ?? []) {
      if (!Object.hasOwn(FACT_SPECS, fact)) {
        issues.push({ code: 'FACT.UNKNOWN', message: `事件 ${event} 使用了未知事实：${fact}`, event });
      }
    }
    issues.push(
      ...checkSchema(spec.payload, `events.${event}.payload`, 'EVENT.SCHEMA_INVALID').map((issue) => ({
        ...issue,
        event,
      })),
    );
    issues.push(...checkSeparation(event, spec.roles, spec.marks ?? [], spec.distinctFrom ?? [], definition));
    if (spec.marks?.includes('sealUse') && !namesDocument(definition, spec.payload)) {
      issues.push({
        code: 'NEGATIVE_LIST.DOCUMENT_UNNAMED',
        message: `事件 ${event} 为用印，须在该步骤或发起时必填文件依据（documentRef）：${SEAL_ENTRY.text}（${SEAL_ENTRY.code}）`,
        event,
      });
    }
    if (spec.actorFromInput && !namesRequiredPerson(definition, spec.actorFromInput)) {
      issues.push({
        code: 'EVENT.ACTOR_INPUT_INVALID',
        message: `事件 ${event} 限定由输入项 ${spec.actorFromInput} 指定的人操作，但该输入项不是必填的人员编号（uuid）`,
        event,
      });
    }
  }
  if (definition.catalog && !KNOWN_ROLES.has(definition.catalog.responsibleRole)) {
    issues.push({
      code: 'ROLE.UNKNOWN',
      message: `责任角色无效：${definition.catalog.responsibleRole}`,
      path: 'catalog',
    });
  }
  return issues;
}

/**
 * Separation of duties in the definition itself: nobody may act both as supervisor and as cadre through
 * one event, and a marked act must be open only to the people the mark stands for.
 */
function checkSeparation(
  event: string,
  roles: string[],
  marks: StepMark[],
  distinctFrom: string[],
  definition: ProcedureDefinition,
): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  if (roles.some((role) => SUPERVISOR_ROLES.has(role)) && roles.some((role) => CADRE_ROLES.has(role))) {
    issues.push({
      code: 'SEPARATION.SUPERVISOR_AND_CADRE',
      message: `事件 ${event} 同时允许监督委员会成员和村“两委”成员操作：监督者不能监督自己`,
      event,
    });
  }
  for (const mark of marks) {
    const wrong = roles.filter((role) => !MARK_ROLES[mark](role));
    if (wrong.length > 0) {
      issues.push({
        code: 'SEPARATION.MARK_ROLES',
        message: `事件 ${event} 标记为“${MARK_TITLES[mark]}”，但允许 ${wrong.join('、')} 操作`,
        event,
      });
    }
  }
  for (const other of distinctFrom) {
    if (other !== 'START' && !(other in definition.events)) {
      issues.push({
        code: 'EVENT.UNDECLARED',
        message: `事件 ${event} 的 distinctFrom 引用了未声明的事件 ${other}`,
        event,
      });
    }
  }
  return issues;
}

const SEAL_ENTRY = NEGATIVE_LIST.find((entry) => entry.check?.kind === 'documentNamed')!;

/** Seal use names its document (N1): a required text in the act's payload or in the matter's inputs. */
function namesDocument(definition: ProcedureDefinition, payload: JsonObject): boolean {
  const field = (SEAL_ENTRY.check as { field: string }).field;
  const requiredText = (schema: JsonObject) => {
    const property = (schema.properties as Record<string, JsonObject> | undefined)?.[field];
    return (
      property?.type === 'string' &&
      Number(property.minLength ?? 0) >= 1 &&
      ((schema.required ?? []) as string[]).includes(field)
    );
  };
  return requiredText(payload) || requiredText(definition.inputSchema);
}

/** An event kept for one named person needs that person's id among the matter's required inputs. */
function namesRequiredPerson(definition: ProcedureDefinition, input: string): boolean {
  const schema = definition.inputSchema as { properties?: Record<string, JsonObject>; required?: string[] };
  return schema.properties?.[input]?.format === 'uuid' && (schema.required ?? []).includes(input);
}

function checkSchema(schema: JsonObject, path: string, code: string): DefinitionIssue[] {
  if (schema.type !== 'object' || schema.additionalProperties !== false) {
    return [{ code, message: `${path} 必须是 type: object 且 additionalProperties: false 的对象模式`, path }];
  }
  try {
    compileSchema(schema);
    return [];
  } catch (error) {
    return [{ code, message: `${path} 不是有效的 JSON Schema：${(error as Error).message}`, path }];
  }
}
