import { assign, setup, type AnyStateMachine } from 'xstate';
import type { EventSpec, JsonObject, MachineData, ProcedureDefinition } from '../../workflows/index.js';
import { DomainError } from '../common/errors/domain-error.js';
import { compileSchema, type ValidateFunction } from '../common/json-schema.js';
import { checkDefinition, type CheckOptions } from './definition-checker.js';
import { GUARD_IMPLEMENTATIONS, type GuardArgs } from './guards.js';
import type { MatterContext, MatterEvent } from './matter-event.js';
import { resolveParameters } from './parameters.js';
import { EFFECT_SPECS } from './vocabulary.js';

export interface BuiltEvent {
  spec: EventSpec;
  validatePayload: ValidateFunction;
}

/** A definition made executable: the XState machine plus validators for its inputs and payloads. */
export interface BuiltProcedure {
  definition: ProcedureDefinition;
  parameters: JsonObject;
  config: MachineData;
  machine: AnyStateMachine;
  events: ReadonlyMap<string, BuiltEvent>;
  validateInputs: ValidateFunction;
}

const guards = Object.fromEntries(
  Object.entries(GUARD_IMPLEMENTATIONS).map(([name, implementation]) => [
    name,
    (args: GuardArgs, params: JsonObject) => implementation(args, params ?? {}),
  ]),
);

/** Effects do nothing inside XState: `transition()` hands them back for the engine to carry out. */
const effects = Object.fromEntries(Object.keys(EFFECT_SPECS).map((name) => [name, () => {}]));

/**
 * The one builder from definition to machine, for files in `workflows/` and for definitions arriving as
 * JSON at run time. Refuses a definition the checker finds fault with: in full (`admission`) for what is
 * about to be registered, for what running needs (`structure`) for versions stored earlier.
 */
export function buildProcedure(
  definition: ProcedureDefinition,
  overrides: JsonObject = {},
  scope: CheckOptions['scope'] = 'admission',
): BuiltProcedure {
  const parameters = { ...definition.parameters, ...overrides };
  const effective = { ...definition, parameters };
  const issues = checkDefinition(effective, { scope });
  if (issues.length > 0) {
    throw new DomainError(
      'PROCEDURE.DEFINITION_INVALID',
      { procedureId: definition.id, issues },
      issues[0].message,
    );
  }
  const config = resolveParameters(
    definition.machine as unknown as JsonObject,
    parameters,
  ) as unknown as MachineData;
  const staticContext = config.context ?? {};
  const machine = setup({
    // XState's idiom: the assertion only carries types.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
    types: {} as { context: MatterContext; events: MatterEvent; input: JsonObject },
    guards,
    actions: {
      ...effects,
      remember: assign(({ event }, params: { key: string }) => ({
        [params.key]: { ...event.payload, by: event.actor.personId, role: event.actor.role, at: event.at },
      })),
      markRoute: assign((_, params: { route: string; title: string }) => ({
        route: { name: params.route, title: params.title },
      })),
    },
  }).createMachine({
    // The config is data checked above; XState's types cannot follow data built at run time.
    ...(config as unknown as Record<string, never>),
    context: ({ input }) => ({ ...structuredClone(staticContext), inputs: input ?? {} }),
  }) as unknown as AnyStateMachine;

  const events = new Map<string, BuiltEvent>(
    Object.entries(definition.events).map(([type, spec]) => [
      type,
      { spec, validatePayload: compileSchema(spec.payload) },
    ]),
  );
  return {
    definition,
    parameters,
    config,
    machine,
    events,
    validateInputs: compileSchema(definition.inputSchema),
  };
}
