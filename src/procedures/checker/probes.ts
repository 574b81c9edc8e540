import type {
  JsonObject,
  JsonSchema,
  JsonValue,
  MachineData,
  NamedRef,
  ProcedureDefinition,
} from '../../../workflows/index.js';
import type { GovernanceRule } from '../../../workflows/catalog/governance-rules.js';

const MAX_PROBES = 512;

/** Every guard and action in a machine, nested guards included. */
function* refsOf(node: JsonValue): Generator<NamedRef> {
  if (Array.isArray(node)) {
    for (const child of node) yield* refsOf(child);
  } else if (node && typeof node === 'object') {
    if (typeof node.type === 'string' && (node.params === undefined || typeof node.params === 'object')) {
      yield node as unknown as NamedRef;
    }
    for (const child of Object.values(node)) yield* refsOf(child);
  }
}

/** The inputs the machine's routing, guards and meeting choices depend on, with thresholds seen. */
function inputsThatMatter(machine: MachineData, rules: GovernanceRule[]) {
  const thresholds = new Map<string, Set<number>>();
  const varied = new Set<string>();
  const threshold = (input: string, value: number) => {
    varied.add(input);
    thresholds.set(input, (thresholds.get(input) ?? new Set()).add(value));
  };
  for (const ref of refsOf(machine as unknown as JsonValue)) {
    const params = ref.params ?? {};
    if ((ref.type === 'inputAtLeast' || ref.type === 'inputBelow') && typeof params.value === 'number') {
      threshold(params.input as string, params.value);
    }
    if (ref.type === 'inputEquals' || ref.type === 'inputIn') varied.add(params.input as string);
    if (ref.type === 'openMeeting') {
      const body = params.body as JsonObject | string;
      const ruleSet = params.ruleSet as JsonObject | string;
      if (typeof body === 'object') varied.add(body.fromInput as string);
      if (typeof ruleSet === 'object') (ruleSet.fromInputs as string[]).forEach((input) => varied.add(input));
    }
  }
  for (const rule of rules) if (rule.when) threshold(rule.when.input, rule.when.atLeast);
  return { thresholds, varied };
}

function sample(schema: JsonSchema): JsonValue {
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  switch (typeof schema.type === 'string' ? schema.type : '') {
    case 'number':
    case 'integer':
      return Number(schema.minimum ?? 0);
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'object':
      return {};
    default:
      return schema.format === 'date' ? '2026-01-01' : 'x';
  }
}

/**
 * Inputs to try: every value of each input that steers the machine (enums, booleans, amounts just below
 * and at each threshold), a sample for the rest.
 */
export function generateProbes(
  definition: ProcedureDefinition,
  machine: MachineData,
  rules: GovernanceRule[],
): JsonObject[] {
  const properties = (definition.inputSchema.properties ?? {}) as Record<string, JsonSchema>;
  const { thresholds, varied } = inputsThatMatter(machine, rules);
  const choices = Object.entries(properties).map(([name, schema]): JsonValue[] => {
    if (!varied.has(name)) return [sample(schema)];
    if (Array.isArray(schema.enum)) return schema.enum;
    if (schema.type === 'boolean') return [false, true];
    if (schema.type === 'number' || schema.type === 'integer') {
      const values = new Set<number>([0]);
      for (const value of thresholds.get(name) ?? []) values.add(Math.max(0, value - 1)).add(value);
      return [...values].sort((a, b) => a - b);
    }
    return [sample(schema)];
  });
  let probes: JsonObject[] = [{}];
  Object.keys(properties).forEach((name, index) => {
    probes = probes.flatMap((probe) => choices[index].map((value) => ({ ...probe, [name]: value })));
    if (probes.length > MAX_PROBES) probes = probes.slice(0, MAX_PROBES);
  });
  return probes;
}
