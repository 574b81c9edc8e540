import type { JsonObject, NamedRef, ProcedureDefinition, StateNodeData } from '../../workflows/index.js';
import { ROLES } from '../../workflows/index.js';
import { createAjv, describeSchemaErrors } from '../common/json-schema.js';
import { resolveParameters } from './parameters.js';
import {
  analyseReachability,
  buildStateTree,
  displayPath,
  outgoingEdges,
  resolveTarget,
  type StateTreeNode,
} from './state-graph.js';
import {
  CONTEXT_ACTION_SPECS,
  DEFAULT_KNOWN_NAMES,
  EFFECT_SPECS,
  FACT_SPECS,
  GUARD_SPECS,
  STATE_NODE_KEYS,
  TRANSITION_KEYS,
  type KnownNames,
  type NamedSpec,
} from './vocabulary.js';
import { DEFINITION_SHAPE } from './definition-shape.js';

/** One problem found in a definition, naming the state, event or path at fault. */
export interface DefinitionIssue {
  code: string;
  message: string;
  state?: string;
  event?: string;
  path?: string;
}

const MAX_STATES = 400;
const ajv = createAjv();
const validateShape = ajv.compile(DEFINITION_SHAPE);
const KNOWN_ROLES = new Set<string>(ROLES);
const ACTION_SPECS: Record<string, NamedSpec> = { ...EFFECT_SPECS, ...CONTEXT_ACTION_SPECS };

/**
 * Checks a definition (from `workflows/` or arriving as JSON at run time) before it may be built or run.
 * Returns no issues when it is sound.
 */
export function checkDefinition(input: unknown, known: KnownNames = DEFAULT_KNOWN_NAMES): DefinitionIssue[] {
  if (!validateShape(input)) {
    return describeSchemaErrors(validateShape.errors).map(({ field, problem }) => ({
      code: 'DEFINITION.SHAPE',
      message: `定义结构不正确：${field} ${problem}`,
      path: field,
    }));
  }
  const definition = input as unknown as ProcedureDefinition;
  const issues: DefinitionIssue[] = [];
  const unknownParameters = new Set<string>();
  const machine = resolveParameters(
    definition.machine as unknown as JsonObject,
    definition.parameters,
    (name) => unknownParameters.add(name),
  ) as unknown as ProcedureDefinition['machine'];
  for (const name of unknownParameters) {
    issues.push({
      code: 'PARAMETER.UNKNOWN',
      message: `引用了未声明的参数：${name}`,
      path: `parameters.${name}`,
    });
  }

  issues.push(...checkRolesAndEvents(definition));
  const nodes = buildStateTree(machine);
  if (nodes.size > MAX_STATES) {
    return [...issues, { code: 'STATE.TOO_MANY', message: `状态数量超过 ${MAX_STATES} 个` }];
  }
  const usedEvents = new Set<string>();
  for (const node of nodes.values()) {
    issues.push(...checkStateNode(node, definition, nodes, machine.id, usedEvents, known));
  }
  for (const event of Object.keys(definition.events)) {
    if (!usedEvents.has(event)) {
      issues.push({ code: 'EVENT.UNUSED', message: `事件 ${event} 已声明但没有任何步骤使用`, event });
    }
  }
  if (issues.some((issue) => issue.code === 'TARGET.UNKNOWN' || issue.code.startsWith('STATE.')))
    return issues;

  issues.push(...checkOutcomes(definition, nodes));
  const { reachable, stuck } = analyseReachability(nodes, machine.id);
  for (const node of nodes.values()) {
    if (!reachable.has(node.path)) {
      issues.push({
        code: 'STATE.UNREACHABLE',
        message: `状态 ${node.path} 无法从初始状态到达`,
        state: node.path,
      });
    }
  }
  for (const path of stuck) {
    issues.push({ code: 'STATE.CANNOT_FINISH', message: `从状态 ${path} 无法到达任何结束状态`, state: path });
  }
  return issues;
}

function checkRolesAndEvents(definition: ProcedureDefinition): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  for (const role of definition.startRoles) {
    if (!KNOWN_ROLES.has(role) || role === 'system') {
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
      if (!(fact in FACT_SPECS)) {
        issues.push({ code: 'FACT.UNKNOWN', message: `事件 ${event} 使用了未知事实：${fact}`, event });
      }
    }
    issues.push(
      ...checkSchema(spec.payload, `events.${event}.payload`, 'EVENT.SCHEMA_INVALID').map((issue) => ({
        ...issue,
        event,
      })),
    );
  }
  return issues;
}

function checkSchema(schema: JsonObject, path: string, code: string): DefinitionIssue[] {
  if (schema.type !== 'object' || schema.additionalProperties !== false) {
    return [{ code, message: `${path} 必须是 type: object 且 additionalProperties: false 的对象模式`, path }];
  }
  try {
    createAjv().compile(schema);
    return [];
  } catch (error) {
    return [{ code, message: `${path} 不是有效的 JSON Schema：${(error as Error).message}`, path }];
  }
}

function checkStateNode(
  node: StateTreeNode,
  definition: ProcedureDefinition,
  nodes: Map<string, StateTreeNode>,
  machineId: string,
  usedEvents: Set<string>,
  known: KnownNames,
): DefinitionIssue[] {
  const state = displayPath(node.path);
  const issues: DefinitionIssue[] = [];
  const data: StateNodeData = node.data;
  for (const key of Object.keys(data)) {
    if (!STATE_NODE_KEYS.has(key) && !(node.path === '' && (key === 'id' || key === 'context'))) {
      const why = key === 'after' ? '（期限须使用持久化定时器）' : '';
      issues.push({
        code: 'STATE.KEY_UNSUPPORTED',
        message: `状态 ${state} 使用了不支持的属性 ${key}${why}`,
        state,
      });
    }
  }
  if (node.path !== '' && !data.meta?.title) {
    issues.push({ code: 'STATE.NO_TITLE', message: `状态 ${state} 缺少中文标题 meta.title`, state });
  }
  if (data.type === 'final') {
    if (node.parent?.path !== '') {
      issues.push({ code: 'STATE.NESTED_FINAL', message: `结束状态 ${state} 只能位于顶层`, state });
    }
    if (node.children.length > 0 || data.on) {
      issues.push({
        code: 'STATE.FINAL_WITH_TRANSITIONS',
        message: `结束状态 ${state} 不能有子状态或事件`,
        state,
      });
    }
  }
  if (node.children.length > 0 && !node.children.some((child) => child.key === data.initial)) {
    issues.push({
      code: 'STATE.BAD_INITIAL',
      message: `复合状态 ${state} 的 initial 必须指向其子状态`,
      state,
    });
  }
  for (const [index, ref] of (data.entry ?? []).concat(data.exit ?? []).entries()) {
    issues.push(
      ...checkNamedRef(ref, ACTION_SPECS, 'ACTION', { state, path: `${state}.entry/exit[${index}]` }, known),
    );
  }
  for (const edge of outgoingEdges(node)) {
    const where = { state, event: edge.event, path: `${state}.on.${edge.event}[${edge.index}]` };
    usedEvents.add(edge.event);
    if (!(edge.event in definition.events)) {
      issues.push({
        code: 'EVENT.UNDECLARED',
        message: `状态 ${state} 处理了未声明的事件 ${edge.event}`,
        ...where,
      });
    }
    for (const key of Object.keys(edge.transition)) {
      if (!TRANSITION_KEYS.has(key)) {
        issues.push({
          code: 'TRANSITION.KEY_UNSUPPORTED',
          message: `转换使用了不支持的属性 ${key}`,
          ...where,
        });
      }
    }
    const { target, guard, actions } = edge.transition;
    if (target === undefined && (actions ?? []).length === 0) {
      // XState refuses (`can` is false) a transition that neither moves nor does anything.
      issues.push({
        code: 'TRANSITION.NO_EFFECT',
        message: `事件 ${edge.event} 的转换既无目标也无动作`,
        ...where,
      });
    }
    if (target !== undefined && !resolveTarget(nodes, machineId, node, target)) {
      issues.push({
        code: 'TARGET.UNKNOWN',
        message: `事件 ${edge.event} 的目标状态 ${target} 不存在`,
        ...where,
      });
    }
    if (guard) issues.push(...checkGuard(guard, where, known));
    for (const action of actions ?? [])
      issues.push(...checkNamedRef(action, ACTION_SPECS, 'ACTION', where, known));
  }
  return issues;
}

type Where = Pick<DefinitionIssue, 'state' | 'event' | 'path'>;

function checkGuard(guard: NamedRef, where: Where, known: KnownNames): DefinitionIssue[] {
  const issues = checkNamedRef(guard, GUARD_SPECS, 'GUARD', where, known);
  if (issues.length > 0) return issues;
  const nested =
    guard.type === 'not'
      ? [guard.params?.guard as unknown as NamedRef]
      : guard.type === 'allOf' || guard.type === 'anyOf'
        ? (guard.params?.guards as unknown as NamedRef[])
        : [];
  return nested.flatMap((inner) => checkGuard(inner, where, known));
}

function checkNamedRef(
  ref: NamedRef,
  specs: Record<string, NamedSpec>,
  kind: 'GUARD' | 'ACTION',
  where: Where,
  known: KnownNames,
): DefinitionIssue[] {
  const label = kind === 'GUARD' ? '条件' : '动作';
  const spec = specs[ref.type];
  if (!spec) {
    return [{ code: `${kind}.UNKNOWN`, message: `未知的${label}：${String(ref.type)}`, ...where }];
  }
  const validate = ajv.compile(spec.params);
  if (!validate(ref.params ?? {})) {
    const detail = describeSchemaErrors(validate.errors)
      .map(({ field, problem }) => `${field} ${problem}`)
      .join('；');
    return [{ code: `${kind}.PARAMS`, message: `${label} ${ref.type} 的参数不正确：${detail}`, ...where }];
  }
  return (spec.check?.(ref.params ?? {}, known) ?? []).map((message) => ({
    code: `${kind}.PARAMS`,
    message: `${label} ${ref.type}：${message}`,
    ...where,
  }));
}

function checkOutcomes(
  definition: ProcedureDefinition,
  nodes: Map<string, StateTreeNode>,
): DefinitionIssue[] {
  const finals = [...nodes.values()].filter((node) => node.data.type === 'final').map((node) => node.path);
  const declared = Object.keys(definition.outcomes);
  const issues: DefinitionIssue[] = [];
  for (const path of finals) {
    if (!declared.includes(path)) {
      issues.push({
        code: 'OUTCOME.MISSING',
        message: `结束状态 ${path} 没有在 outcomes 中说明结果`,
        state: path,
      });
    }
  }
  for (const path of declared) {
    if (!finals.includes(path)) {
      issues.push({
        code: 'OUTCOME.NOT_FINAL',
        message: `outcomes 中的 ${path} 不是顶层结束状态`,
        state: path,
      });
    }
  }
  if (finals.length === 0) issues.push({ code: 'OUTCOME.NONE', message: '流程没有任何结束状态' });
  return issues;
}
