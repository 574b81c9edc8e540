import type {
  EventSpec,
  JsonObject,
  JsonSchema,
  JsonValue,
  ProcedureDefinition,
} from '../../workflows/index.js';
import type { MatterEvent } from '../../src/procedures/matter-event.js';

const SAMPLE_UUID = '00000000-0000-4000-8000-000000000001';

/** Values worth trying for one property: every enum value and both booleans; one sample otherwise. */
function variantsOf(schema: JsonSchema): JsonValue[] {
  if (Array.isArray(schema.enum)) return schema.enum;
  if (schema.type === 'boolean') return [true, false];
  if (schema.type === 'string')
    return [schema.format === 'date' ? '2026-03-02' : schema.format === 'uuid' ? SAMPLE_UUID : 'x'];
  if (schema.type === 'integer' || schema.type === 'number') return [Number(schema.minimum ?? 1)];
  if (schema.type === 'array') return [[variantsOf(schema.items as JsonSchema)[0]]];
  return [{}];
}

const product = <T>(lists: T[][]): T[][] =>
  lists.reduce<T[][]>((acc, list) => acc.flatMap((prefix) => list.map((item) => [...prefix, item])), [[]]);

/** Payloads covering each enum and boolean property (absent too, when optional). */
function payloadsOf(schema: JsonSchema): JsonObject[] {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  const choices = Object.entries(properties).map(([name, property]) => {
    const values = variantsOf(property).map((value) => ({ [name]: value }));
    const branching = Array.isArray(property.enum) || property.type === 'boolean';
    if (!branching) return required.has(name) ? values.slice(0, 1) : [{}];
    return required.has(name) ? values : [{}, ...values];
  });
  return product(choices).map((parts) => Object.assign({}, ...parts) as JsonObject);
}

const FACT_VARIANTS: Record<string, JsonValue[]> = {
  tally: ['passed', 'lost', 'noQuorum'].map((outcome) => ({ outcome })),
  actorIsVcChair: [true, false],
  openObjections: [0, 1, 2],
  appraisalOutcome: ['counted', 'noQuorum'],
};

function factsOf(spec: EventSpec): JsonObject[] {
  const names = spec.facts ?? [];
  return product(names.map((name) => FACT_VARIANTS[name] ?? [null])).map((values) =>
    Object.fromEntries(names.map((name, index) => [name, values[index]])),
  );
}

/** Every sample event of a definition: the inputs a path generator may try in any state. */
export function sampleEvents(
  definition: ProcedureDefinition,
  options: { exclude?: string[] } = {},
): MatterEvent[] {
  return Object.entries(definition.events)
    .filter(([type]) => !options.exclude?.includes(type))
    .flatMap(([type, spec]) =>
      payloadsOf(spec.payload).flatMap((payload) =>
        factsOf(spec).map((facts) => ({
          type,
          payload,
          facts,
          actor: { personId: SAMPLE_UUID, role: spec.roles[0] },
          at: '2026-03-02T02:00:00.000Z',
        })),
      ),
    );
}
