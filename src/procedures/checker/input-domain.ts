import type { JsonObject, JsonSchema, JsonValue, MachineData, NamedRef } from '../../../workflows/index.js';
import { MEETING_BODIES } from '../../../workflows/index.js';
import { createAjv, type ValidateFunction } from '../../common/json-schema.js';
import type { DefinitionIssue } from './issue.js';

/** More combinations than this are refused, never cut: a check that skips inputs proves nothing. */
export const MAX_PROBES = 4096;

/** A probe's value for an input the matter was started without. */
const MISSING: unique symbol = Symbol('missing');
type Candidate = JsonValue | typeof MISSING;

/** What the machine, the category rules and the item's class compare an input with. */
interface Readings {
  values: JsonValue[];
  thresholds: number[];
}

/** Every guard and action in a definition part, nested guards included. */
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

/** A table key's part as the input would hold it: the text itself, or the JSON it spells. */
export function keyParts(part: string): JsonValue[] {
  try {
    return [part, JSON.parse(part) as JsonValue];
  } catch {
    return [part];
  }
}

/** Where an item's routing, meetings, requirements and class read its inputs, with what they compare. */
export interface InputReaders {
  machine: MachineData;
  /** Inputs whose amount decides whether a requirement applies, with the amounts. */
  thresholds: { input: string; atLeast: number }[];
  /** An input naming the matter's statutory class, with the values that name one. */
  classInput?: { input: string; values: JsonValue[] };
  /** The input schema's conditions (allOf of if/then/else). */
  conditions: JsonSchema[];
}

function collectReadings(readers: InputReaders): Map<string, Readings> {
  const readings = new Map<string, Readings>();
  const reading = (input: string) => {
    let found = readings.get(input);
    if (!found) readings.set(input, (found = { values: [], thresholds: [] }));
    return found;
  };
  for (const ref of refsOf(readers.machine as unknown as JsonValue)) {
    const params = ref.params ?? {};
    const input = params.input as string;
    switch (ref.type) {
      case 'inputEquals':
        reading(input).values.push(params.value);
        break;
      case 'inputIn':
        reading(input).values.push(...(params.values as JsonValue[]));
        break;
      case 'inputAtLeast':
      case 'inputBelow':
        reading(input).thresholds.push(params.value as number);
        break;
      case 'openMeeting': {
        const body = params.body as JsonObject | string;
        if (body && typeof body === 'object')
          reading(body.fromInput as string).values.push(...Object.keys(MEETING_BODIES));
        const ruleSet = params.ruleSet as JsonObject | string;
        if (ruleSet && typeof ruleSet === 'object') {
          const fromInputs = ruleSet.fromInputs as string[];
          const keys = Object.keys((ruleSet.table ?? {}) as JsonObject);
          fromInputs.forEach((name, index) => {
            reading(name).values.push(...keys.flatMap((key) => keyParts(key.split('/')[index] ?? '')));
          });
        }
        break;
      }
    }
  }
  for (const { input, atLeast } of readers.thresholds) reading(input).thresholds.push(atLeast);
  if (readers.classInput) reading(readers.classInput.input).values.push(...readers.classInput.values);
  for (const ref of mentionedInConditions(readers.conditions)) reading(ref.name).values.push(...ref.values);
  return readings;
}

/** Properties the input schema's conditions name, with the constants and choices they test. */
function mentionedInConditions(conditions: JsonSchema[]): { name: string; values: JsonValue[] }[] {
  const found: { name: string; values: JsonValue[] }[] = [];
  const visit = (schema: JsonValue) => {
    if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return;
    for (const name of (schema.required as string[] | undefined) ?? []) found.push({ name, values: [] });
    for (const [name, property] of Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>)) {
      const values = [
        ...(property.const !== undefined ? [property.const] : []),
        ...(Array.isArray(property.enum) ? property.enum : []),
      ];
      found.push({ name, values });
    }
    for (const key of ['if', 'then', 'else', 'not']) visit(schema[key]);
    for (const key of ['allOf', 'anyOf', 'oneOf'])
      for (const child of (schema[key] as JsonValue[] | undefined) ?? []) visit(child);
  };
  conditions.forEach(visit);
  return found;
}

/**
 * Keywords an input condition may use. The probes try each value a condition names (`const`, `enum`),
 * anything else, and leaving the input out: a condition on a pattern, a length or a range would tell
 * apart values no probe tries, and could hide a combination a matter may start with.
 */
const CONDITION_KEYS = new Set([
  'if',
  'then',
  'else',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'properties',
  'required',
  'const',
  'enum',
  'title',
  'description',
  '$comment',
]);

function unsupportedInCondition(schema: JsonValue, path: string): { key: string; path: string }[] {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return [];
  const found: { key: string; path: string }[] = [];
  for (const [key, child] of Object.entries(schema)) {
    if (!CONDITION_KEYS.has(key)) found.push({ key, path: `${path}.${key}` });
    else if (key === 'if' || key === 'then' || key === 'else' || key === 'not')
      found.push(...unsupportedInCondition(child, `${path}.${key}`));
    else if (key === 'allOf' || key === 'anyOf' || key === 'oneOf')
      (Array.isArray(child) ? child : []).forEach((part, index) =>
        found.push(...unsupportedInCondition(part, `${path}.${key}[${index}]`)),
      );
    else if (key === 'properties' && child && typeof child === 'object' && !Array.isArray(child))
      for (const [name, property] of Object.entries(child))
        found.push(...unsupportedInCondition(property, `${path}.properties.${name}`));
  }
  return found;
}

/** Values worth trying as "anything else" when no compared value applies. */
const OTHER_POOL: JsonValue[] = [
  'x',
  '其他情况',
  'xx',
  '2026-01-01',
  '00000000-0000-4000-8000-000000000000',
  '',
  0,
  1,
  true,
  false,
  null,
  [],
  {},
];

/** Numbers on and around each threshold, and between neighbours: one in every interval guards can tell apart. */
function numbersAround(criticals: number[]): number[] {
  const sorted = [...new Set(criticals)].sort((a, b) => a - b);
  const around = sorted.flatMap((value) => [value - 1, value - 0.5, value, value + 0.5, value + 1]);
  const between = sorted.slice(1).map((value, index) => (value + sorted[index]) / 2);
  return [...around, ...between, ...between.map(Math.floor), ...between.map(Math.ceil)];
}

/**
 * The values of one input that every guard reading it can tell apart: each compared value, a value on
 * either side of every threshold and in every gap, "anything else", and the input left out where that is
 * allowed. Values its schema refuses are not tried; one value stands for each class of equivalent ones.
 */
function domainOf(
  name: string,
  reading: Readings,
  schema: JsonSchema | undefined,
  required: boolean,
  validate: ValidateFunction | null,
): Candidate[] {
  const valid = (value: JsonValue) => (validate ? validate(structuredClone(value)) : false);
  const missingAllowed = !required && schema?.default === undefined;
  if (!schema) return [MISSING];
  const compared = reading.values;
  const thresholds = [...new Set(reading.thresholds)].sort((a, b) => a - b);
  const numericCompared = compared.filter((value): value is number => typeof value === 'number');
  const around = numbersAround([...thresholds, ...numericCompared, 0]);
  const candidates: JsonValue[] = [
    ...compared,
    ...(schema.const !== undefined ? [schema.const] : []),
    ...(Array.isArray(schema.enum) ? schema.enum : []),
    ...around,
    ...multiplesAround(schema, thresholds),
    ...(schema.default !== undefined ? [schema.default] : []),
    ...OTHER_POOL,
  ];
  // Looked up, not scanned: a definition may compare an input with thousands of values or thresholds.
  const comparedIndex = new Map<string, number>();
  compared.forEach((value, index) => {
    const key = JSON.stringify(value);
    if (!comparedIndex.has(key)) comparedIndex.set(key, index);
  });
  const classOf = (value: JsonValue) => {
    const equal = comparedIndex.get(JSON.stringify(value)) ?? -1;
    return `${equal}:${bandOf(thresholds, typeof value === 'number' ? value : 0)}`;
  };
  const picked = new Map<string, JsonValue>();
  for (const value of candidates) {
    const key = classOf(value);
    if (!picked.has(key) && valid(value)) picked.set(key, value);
  }
  if (mayBeAnyNumber(schema)) {
    // An amount band none of the samples fits (a `multipleOf`, an `anyOf` of ranges…) is tried anyway
    // with a number inside it, rather than miss the paths only such amounts take: the schema is not
    // solved here, and a band it truly excludes costs at most a stricter check.
    for (const value of around) {
      const key = classOf(value);
      if (key.startsWith('-1:') && !picked.has(key)) picked.set(key, value);
    }
  }
  const closed =
    schema.const !== undefined ||
    Array.isArray(schema.enum) ||
    ['boolean', 'number', 'integer', 'null'].includes(schema.type as string);
  const hasOther = [...picked.values()].some((value) => !comparedIndex.has(JSON.stringify(value)));
  if (!closed && !hasOther) {
    // A pattern or format none of the samples fit: try "anything else" anyway rather than miss a path.
    picked.set('other', otherThan(name, schema, compared));
  }
  const domain: Candidate[] = [...picked.values()];
  if (missingAllowed) domain.push(MISSING);
  return domain;
}

/** How many of the (sorted, distinct) thresholds an amount reaches. */
function bandOf(thresholds: number[], amount: number): number {
  let low = 0;
  let high = thresholds.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (thresholds[middle] <= amount) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A schema that admits numbers without listing them: any of its amount bands may hold a matter. */
function mayBeAnyNumber(schema: JsonSchema): boolean {
  if (schema.const !== undefined || Array.isArray(schema.enum)) return false;
  const types = schema.type === undefined ? ['number'] : [schema.type].flat();
  return types.some((type) => type === 'number' || type === 'integer');
}

/** With `multipleOf`, the multiples next to each threshold: the samples around it may all miss them. */
function multiplesAround(schema: JsonSchema, thresholds: number[]): number[] {
  const step = schema.multipleOf;
  if (typeof step !== 'number' || !(step > 0)) return [];
  return thresholds.flatMap((threshold) => {
    const below = Math.floor(threshold / step);
    return [below - 1, below, below + 1, below + 2].map((times) => times * step);
  });
}

/** A value of the schema's type that equals none of the compared ones, valid or not. */
function otherThan(name: string, schema: JsonSchema, compared: JsonValue[]): JsonValue {
  let text = `${name}-其他`;
  while (compared.some((value) => value === text)) text += '-';
  if (schema.type === 'array') return [text];
  if (schema.type === 'object') return { [text]: true };
  return text;
}

function sample(schema: JsonSchema): JsonValue {
  if (schema.default !== undefined) return schema.default;
  if (schema.const !== undefined) return schema.const;
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

const TOP_LEVEL_KEYS = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'allOf',
  'title',
  'description',
  '$comment',
]);

export interface InputExploration {
  /** Input combinations to search the machine with; every combination a matter could start with is like one. */
  probes: JsonObject[];
  /** The inputs that steer the machine, for naming a path's condition in a message. */
  steering: string[];
  issues: DefinitionIssue[];
}

/**
 * The inputs to search the machine's graph with: the product of each steering input's domain (see
 * `domainOf`), kept only where the input schema's conditions allow it, a sample for the other inputs.
 * More than `MAX_PROBES` combinations is refused.
 */
export function exploreInputs(inputSchema: JsonSchema, readers: InputReaders): InputExploration {
  const issues: DefinitionIssue[] = [];
  const unsupported = Object.keys(inputSchema).filter((key) => !TOP_LEVEL_KEYS.has(key));
  const conditions = ((inputSchema.allOf ?? []) as JsonSchema[]).filter((condition) => condition);
  for (const key of unsupported) {
    issues.push({
      code: 'INPUT.SCHEMA_UNSUPPORTED',
      message: `输入模式的顶层不支持 ${key}：只能使用 properties、required 和 allOf 中的 if/then/else 条件`,
      path: `inputSchema.${key}`,
    });
  }
  conditions.forEach((condition, index) => {
    for (const { key, path } of unsupportedInCondition(condition, `inputSchema.allOf[${index}]`)) {
      issues.push({
        code: 'INPUT.SCHEMA_UNSUPPORTED',
        message: `输入模式的条件只能比较取值（const、enum）和是否填写（required），不支持 ${key}`,
        path,
      });
    }
  });
  if (issues.length > 0) return { probes: [], steering: [], issues };
  const properties = (inputSchema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((inputSchema.required ?? []) as string[]);
  const readings = collectReadings({ ...readers, conditions });
  const ajv = createAjv();
  const compile = (schema: JsonSchema) => {
    try {
      return ajv.compile(schema);
    } catch {
      return null;
    }
  };
  /** A property's own check (its schema may carry a `default`, which strict Ajv refuses at a root). */
  const compileProperty = (schema: JsonSchema): ValidateFunction | null => {
    const wrapped = compile({ type: 'object', properties: { value: schema } });
    if (!wrapped) return null;
    return ((value: JsonValue) => wrapped({ value })) as unknown as ValidateFunction;
  };
  const steering = [...readings.keys()].sort();
  const domains = steering.map((name) =>
    domainOf(
      name,
      readings.get(name)!,
      properties[name],
      required.has(name),
      properties[name] ? compileProperty(properties[name]) : null,
    ),
  );
  const size = domains.reduce((product, domain) => product * domain.length, 1);
  if (size > MAX_PROBES) {
    const counts = steering.map((name, index) => `${name}（${domains[index].length} 种）`).join('、');
    issues.push({
      code: 'CHECK.TOO_MANY_COMBINATIONS',
      message: `影响流程走向的输入组合有 ${size} 种，超过检查上限 ${MAX_PROBES} 种，无法逐一核验：${counts}。请减少影响流程的输入或其取值（如改用枚举）`,
      path: 'inputSchema',
    });
    return { probes: [], steering, issues };
  }
  const base: JsonObject = {};
  for (const [name, schema] of Object.entries(properties))
    if (!readings.has(name)) base[name] = sample(schema);
  const conditionsHold = conditions.length > 0 ? compile({ allOf: conditions }) : null;
  let combos: Record<string, Candidate>[] = [{}];
  steering.forEach((name, index) => {
    combos = combos.flatMap((combo) => domains[index].map((value) => ({ ...combo, [name]: value })));
  });
  const probes: JsonObject[] = [];
  for (const combo of combos) {
    const steered: JsonObject = {};
    for (const [name, value] of Object.entries(combo)) if (value !== MISSING) steered[name] = value;
    if (conditionsHold && !conditionsHold(structuredClone(steered))) continue;
    probes.push({ ...base, ...steered });
  }
  if (probes.length === 0) {
    issues.push({
      code: 'INPUT.NO_VALID_INPUT',
      message: '按输入模式及其条件，没有任何输入组合可以发起该事项',
      path: 'inputSchema',
    });
  }
  return { probes, steering, issues };
}
