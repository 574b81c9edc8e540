import type { JsonObject, ProcedureDefinition } from '../../workflows/index.js';
import { createAjv, describeSchemaErrors } from '../common/json-schema.js';
import { checkRolesAndEvents, checkTimedEvents } from './checker/event-checks.js';
import { GovernanceCheck } from './checker/governance-check.js';
import type { DefinitionIssue } from './checker/issue.js';
import { checkPeriodFloors } from './checker/period-floors.js';
import { checkOutcomes, checkStateNode } from './checker/state-checks.js';
import { checkXStateReading } from './checker/xstate-reading.js';
import { DEFINITION_SHAPE } from './definition-shape.js';
import { resolveParameters } from './parameters.js';
import { analyseReachability, buildStateTree } from './state-graph.js';
import { DEFAULT_KNOWN_NAMES, type KnownNames } from './vocabulary.js';

export type { DefinitionIssue };

const MAX_STATES = 400;
const validateShape = createAjv().compile(DEFINITION_SHAPE);

export interface CheckOptions {
  known?: KnownNames;
  /**
   * `admission` (the default): everything, governance and the law included, as for a definition about to
   * be registered or admitted to a list. `structure`: only what running it needs, for versions stored
   * earlier whose matters must be able to finish (new matters on them still need admission).
   */
  scope?: 'admission' | 'structure';
}

/**
 * Checks a definition (from `workflows/` or arriving as JSON at run time) before it may be built or run.
 * Returns no issues when it is sound.
 */
export function checkDefinition(input: unknown, options: CheckOptions = {}): DefinitionIssue[] {
  const known = options.known ?? DEFAULT_KNOWN_NAMES;
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

  issues.push(...checkRolesAndEvents(definition), ...checkTimedEvents(definition, machine));
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
  const misread = checkXStateReading(machine, nodes);
  if (misread.length > 0) return [...issues, ...misread];

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
  if (issues.length > 0 || options.scope === 'structure') return issues;
  return [...new GovernanceCheck(definition, machine, nodes).run(), ...checkPeriodFloors(definition, nodes)];
}
