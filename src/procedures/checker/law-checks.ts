import {
  MEETING_BODIES,
  RULE_SETS,
  type JsonSchema,
  type ProcedureDefinition,
} from '../../../workflows/index.js';
import { STATUTORY_CLASS_CODES } from '../../../workflows/catalog/statutory-classes.js';
import { BODY_FLOOR_RULE_SETS, type MeetingBody, type RuleSet } from '../../../workflows/rule-sets.js';
import { ruleSetAtLeast } from '../rule-strength.js';
import { citation } from './class-rules.js';
import type { DefinitionIssue } from './issue.js';

const KNOWN_CLASSES = new Set(STATUTORY_CLASS_CODES);

/**
 * An item's statutory class must name known classes, and an input that names it must be required and a
 * closed choice: what a matter is by law is never free text, and never left out.
 */
export function checkClassSource(definition: ProcedureDefinition): DefinitionIssue[] {
  const source = definition.statutoryClass;
  if (source === undefined) return [];
  const issue = (message: string): DefinitionIssue => ({
    code: 'GOVERNANCE.CLASS_INVALID',
    message,
    path: 'statutoryClass',
  });
  if (typeof source === 'string') {
    return KNOWN_CLASSES.has(source) ? [] : [issue(`未知的法定事项类别：${source}`)];
  }
  const issues: DefinitionIssue[] = [];
  for (const code of Object.values(source.table ?? {})) {
    if (!KNOWN_CLASSES.has(code)) issues.push(issue(`未知的法定事项类别：${code}`));
  }
  const schema = definition.inputSchema;
  const property = ((schema.properties ?? {}) as Record<string, JsonSchema>)[source.fromInput];
  // A default counts as given: the matter starts with it filled in.
  const required =
    ((schema.required ?? []) as string[]).includes(source.fromInput) || property?.default !== undefined;
  const closed = property && (Array.isArray(property.enum) || property.type === 'boolean');
  if (!property || !required || !closed) {
    issues.push(issue(`法定事项类别取自输入项 ${source.fromInput}，该输入项必须是必填的枚举`));
  } else if (!source.table) {
    const unknown = ((property.enum ?? []) as string[]).filter((value) => !KNOWN_CLASSES.has(value));
    if (unknown.length > 0)
      issues.push(issue(`输入项 ${source.fromInput} 的取值不是法定事项类别：${unknown.join('、')}`));
  }
  return issues;
}

/**
 * Why a meeting may not be held under this rule set, if it may not: the rule set must be one the law
 * gives that body, and no weaker (quorum, pass rule, notice) than the law that constitutes the body.
 */
export function meetingFloorProblem(
  body: string | undefined,
  ruleSet: RuleSet | undefined,
): Pick<DefinitionIssue, 'code' | 'message'> | null {
  if (!body || !Object.hasOwn(MEETING_BODIES, body)) {
    return { code: 'MEETING.BODY_UNRESOLVED', message: `会议主体无法确定或未知：${body ?? '（未填写）'}` };
  }
  const bodyTitle = MEETING_BODIES[body as MeetingBody];
  if (!ruleSet) return { code: 'MEETING.RULE_SET_UNRESOLVED', message: `${bodyTitle}的表决规则无法确定` };
  if (!ruleSet.bodies.includes(body as MeetingBody)) {
    return {
      code: 'GOVERNANCE.RULE_SET_WRONG_BODY',
      message: `表决规则“${ruleSet.title}”不适用于${bodyTitle}（依据：${citation(ruleSet.legalBasis)}）`,
    };
  }
  const floor = RULE_SETS.find((candidate) => candidate.code === BODY_FLOOR_RULE_SETS[body as MeetingBody])!;
  if (!ruleSetAtLeast(ruleSet, floor)) {
    return {
      code: 'GOVERNANCE.RULE_SET_BELOW_LAW',
      message: `${bodyTitle}的表决规则“${ruleSet.title}”弱于法定规则“${floor.title}”（依据：${citation(floor.legalBasis)}）`,
    };
  }
  return null;
}
