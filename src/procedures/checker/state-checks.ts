import type { NamedRef, ProcedureDefinition, StateNodeData } from '../../../workflows/index.js';
import { createAjv, describeSchemaErrors } from '../../common/json-schema.js';
import { ALWAYS, displayPath, outgoingEdges, resolveTarget, type StateTreeNode } from '../state-graph.js';
import {
  CONTEXT_ACTION_SPECS,
  EFFECT_SPECS,
  RESERVED_CONTEXT_KEYS,
  GUARD_SPECS,
  STATE_NODE_KEYS,
  TRANSITION_KEYS,
  type KnownNames,
  type NamedSpec,
} from '../vocabulary.js';
import type { DefinitionIssue, Where } from './issue.js';

const ajv = createAjv();
const STATE_KEY = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const ACTION_SPECS: Record<string, NamedSpec> = { ...EFFECT_SPECS, ...CONTEXT_ACTION_SPECS };
/** Guards that read only the matter's context: the only ones an eventless (routing) transition may use. */
const CONTEXT_GUARDS = new Set([
  'inputEquals',
  'inputIn',
  'inputAtLeast',
  'inputBelow',
  'routeIs',
  'allOf',
  'anyOf',
  'not',
]);

export function checkStateNode(
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
  for (const child of node.children) {
    // XState reads `.` as a path separator, `#` as an id and `\` as an escape: such a key names another
    // state than the checker sees, so the graph checked would not be the graph run. Keys are plain
    // identifiers. Checked on the parent, which is always in the tree.
    if (!STATE_KEY.test(child.key)) {
      issues.push({
        code: 'STATE.KEY_INVALID',
        message: `状态 ${state} 下的状态名 ${child.key} 只能由字母、数字和下划线组成，并以字母开头`,
        state,
      });
    }
  }
  if (
    (data.type === 'atomic' && node.children.length > 0) ||
    (data.type === 'compound' && node.children.length === 0)
  ) {
    // XState follows the declared type: an "atomic" state with children is entered without them, so the
    // matter would rest where the checker, which enters the children, never looks (and take its events).
    issues.push({
      code: 'STATE.TYPE_MISMATCH',
      message: `状态 ${state} 声明为 ${data.type}，但${node.children.length > 0 ? '含有' : '没有'}子状态`,
      state,
    });
  }
  if (node.path !== '' && !data.meta?.title) {
    issues.push({ code: 'STATE.NO_TITLE', message: `状态 ${state} 缺少中文标题 meta.title`, state });
  }
  if (data.type === 'final') {
    if (node.parent?.path !== '') {
      issues.push({ code: 'STATE.NESTED_FINAL', message: `结束状态 ${state} 只能位于顶层`, state });
    }
    // XState never leaves a top-level final state, not even by an eventless transition: a final that
    // "routes on" would hide, from the search, every path that ends there.
    if (node.children.length > 0 || data.on || data.always) {
      issues.push({
        code: 'STATE.FINAL_WITH_TRANSITIONS',
        message: `结束状态 ${state} 不能有子状态、事件或自动路由`,
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
    const where = { state, path: `${state}.entry/exit[${index}]` };
    if (Object.hasOwn(CONTEXT_ACTION_SPECS, ref.type)) {
      // Entering or leaving a state must not change the route or records: only acts do, where traced.
      issues.push({
        code: 'ACTION.NOT_ON_ENTRY',
        message: `状态 ${state} 的进入或离开动作不能使用 ${ref.type}`,
        ...where,
      });
    } else issues.push(...checkNamedRef(ref, EFFECT_SPECS, 'ACTION', where, known));
  }
  if (node.path === '') {
    for (const key of Object.keys((data as { context?: object }).context ?? {})) {
      if (RESERVED_CONTEXT_KEYS.has(key)) {
        issues.push({
          code: 'STATE.CONTEXT_RESERVED',
          message: `流程的初始上下文不能预设 ${key}`,
          state,
          path: `context.${key}`,
        });
      }
    }
  }
  if (data.always && node.children.length > 0) {
    issues.push({
      code: 'STATE.ROUTING_NOT_ATOMIC',
      message: `自动路由只能放在不含子状态的状态上：${state}`,
      state,
    });
  }
  issues.push(...checkEventless(node, state));
  for (const edge of outgoingEdges(node)) {
    const eventless = edge.event === ALWAYS;
    const where = {
      state,
      event: edge.event,
      path: eventless ? `${state}.always[${edge.index}]` : `${state}.on.${edge.event}[${edge.index}]`,
    };
    if (!eventless) usedEvents.add(edge.event);
    if (!eventless && !(edge.event in definition.events)) {
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

/**
 * Eventless transitions route a matter on its inputs the moment a state is entered: each needs a target,
 * only context guards make sense, and the last must have no guard so the matter never stops there.
 */
function checkEventless(node: StateTreeNode, state: string): DefinitionIssue[] {
  const always = node.data.always ?? [];
  if (always.length === 0) return [];
  const issues: DefinitionIssue[] = [];
  always.forEach((transition, index) => {
    const where = { state, path: `${state}.always[${index}]` };
    if (!transition.target) {
      issues.push({
        code: 'TRANSITION.ALWAYS_NO_TARGET',
        message: `状态 ${state} 的自动路由缺少目标`,
        ...where,
      });
    }
    if (transition.guard && !readsOnlyContext(transition.guard)) {
      issues.push({
        code: 'GUARD.NEEDS_EVENT',
        message: `状态 ${state} 的自动路由只能依据事项输入和办理路径判断`,
        ...where,
      });
    }
  });
  if (always[always.length - 1].guard) {
    issues.push({
      code: 'STATE.ROUTING_INCOMPLETE',
      message: `状态 ${state} 的自动路由缺少兜底路径（最后一条不应有条件）`,
      state,
    });
  }
  if (node.data.on && Object.keys(node.data.on).length > 0) {
    issues.push({ code: 'STATE.ROUTING_WITH_EVENTS', message: `路由状态 ${state} 不应再处理事件`, state });
  }
  return issues;
}

const readsOnlyContext = (guard: NamedRef): boolean => {
  if (!CONTEXT_GUARDS.has(guard.type)) return false;
  const nested =
    guard.type === 'not'
      ? [guard.params?.guard as unknown as NamedRef]
      : guard.type === 'allOf' || guard.type === 'anyOf'
        ? (guard.params?.guards as unknown as NamedRef[])
        : [];
  return nested.every(readsOnlyContext);
};

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
  // Own names only: `__proto__` or `toString` would otherwise find Object's and crash the check.
  const spec = Object.hasOwn(specs, ref.type) ? specs[ref.type] : undefined;
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

export function checkOutcomes(
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
