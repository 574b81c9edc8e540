import type { SchemaObject } from '@nestjs/swagger';
import {
  BUILTIN_PROCEDURES,
  STEP_PALETTE,
  villageItem,
  villageItemFromSteps,
  type JsonObject,
  type ProcedureDefinition,
  type VillageItemOptions,
} from '../../workflows/index.js';
import { mergeSchemas, toOpenApiSchema } from './openapi-json-schema.js';

/** The request bodies the API description states from the procedure definitions (see apiDocument). */
export const MATTER_EVENT_SCHEMA = 'MatterEvent';
export const MATTER_START_SCHEMA = 'MatterStart';
/** Schemas Nest states from DTO classes that these bodies point to. */
const ROLE_SCHEMA = 'Role';
const CONFLICT_SCHEMA = 'ConflictDto';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
/** PROPOSE_PLAN → ProposePlan: schema names in the style of the rest of the description. */
const pascal = (type: string) =>
  type
    .toLowerCase()
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');

const ITEM_OPTIONS: VillageItemOptions = {
  code: 'X1',
  title: '本村事项',
  category: 'C',
  description: '村自定事项的模板',
  startRoles: ['villager'],
  basis: '村规民约',
};

/**
 * What a village's own items (X…) can hold besides the base catalog's acts: the simple template, and one
 * item with every step of the editor's palette.
 */
function villageItemTemplates(): ProcedureDefinition[] {
  const everyStep = villageItemFromSteps({
    ...ITEM_OPTIONS,
    steps: STEP_PALETTE.map(({ kind }) => ({ kind })),
  }).definition;
  if (!everyStep) throw new Error('the step palette no longer builds an item with every step');
  return [villageItem({ ...ITEM_OPTIONS, supervised: true }), everyStep];
}

interface EventType {
  title: string;
  payload: JsonObject;
  /** A person may send it; otherwise only the server does, when its time comes. */
  sendable: boolean;
  procedures: string[];
}

/** Each event type once, its payload folded over every procedure that has it. */
function eventTypes(definitions: readonly ProcedureDefinition[]): Map<string, EventType> {
  const types = new Map<string, EventType>();
  for (const definition of definitions) {
    for (const [type, spec] of Object.entries(definition.events)) {
      const payload = toOpenApiSchema(spec.payload).schema;
      const sendable = spec.roles.some((role) => role !== 'system');
      const known = types.get(type);
      types.set(
        type,
        known
          ? {
              ...known,
              payload: mergeSchemas(known.payload, payload),
              sendable: known.sendable || sendable,
              procedures: known.procedures.includes(definition.id)
                ? known.procedures
                : [...known.procedures, definition.id],
            }
          : { title: spec.title, payload, sendable, procedures: [definition.id] },
      );
    }
  }
  return new Map([...types].sort(([a], [b]) => a.localeCompare(b)));
}

const hasRequired = (schema: JsonObject) => Array.isArray(schema.required) && schema.required.length > 0;

function eventSchemas(definitions: readonly ProcedureDefinition[]): Record<string, JsonObject> {
  const schemas: Record<string, JsonObject> = {};
  const variants: Record<string, string> = {};
  for (const [type, event] of eventTypes(definitions)) {
    const name = pascal(type);
    if (`${name}Payload` in schemas) throw new Error(`two event types are both named ${name}`);
    schemas[`${name}Payload`] = {
      ...event.payload,
      description:
        `${event.title} (${type}): the payload as the base catalog and the village templates state it ` +
        `(${event.procedures.join(', ')}); a matter's availableActions give its own procedure's schema.` +
        (event.sendable ? '' : ' Sent by the server when its time comes, never by a client.'),
    };
    if (!event.sendable) continue;
    schemas[`${name}Event`] = {
      type: 'object',
      description: event.title,
      properties: {
        type: { type: 'string', enum: [type] },
        payload: ref(`${name}Payload`),
        // Acting in this role, when the caller holds several.
        as: ref(ROLE_SCHEMA),
      },
      required: hasRequired(event.payload) ? ['type', 'payload'] : ['type'],
      additionalProperties: false,
    };
    variants[type] = `#/components/schemas/${name}Event`;
  }
  schemas[MATTER_EVENT_SCHEMA] = {
    description:
      'An act on a matter: its type and the payload that type takes. Items added at run time may define ' +
      'acts of their own; a matter’s availableActions name them with their payload schema.',
    oneOf: Object.values(variants).map(($ref) => ({ $ref })),
    discriminator: { propertyName: 'type', mapping: variants },
  };
  return schemas;
}

function startSchemas(definitions: readonly ProcedureDefinition[]): Record<string, JsonObject> {
  const schemas: Record<string, JsonObject> = {};
  const variants: Record<string, string> = {};
  for (const definition of definitions) {
    const { schema, droppedConditions } = toOpenApiSchema(definition.inputSchema);
    schemas[`${definition.id}Inputs`] = {
      ...schema,
      description:
        `The inputs of ${definition.id} ${definition.title}.` +
        (droppedConditions
          ? ' The server also checks conditions between them (the if/then of its inputSchema).'
          : ''),
    };
    schemas[`${definition.id}Start`] = {
      type: 'object',
      description: definition.title,
      properties: {
        procedureId: { type: 'string', enum: [definition.id] },
        inputs: ref(`${definition.id}Inputs`),
        conflicts: {
          type: 'array',
          items: ref(CONFLICT_SCHEMA),
          maxItems: 100,
          description: 'declared conflicts of interest (回避)',
        },
      },
      required: ['procedureId', 'inputs'],
      additionalProperties: false,
    };
    variants[definition.id] = `#/components/schemas/${definition.id}Start`;
  }
  schemas[MATTER_START_SCHEMA] = {
    description:
      'A new matter on a catalog item, with the inputs that item takes. A village’s own items (X…) ' +
      'start the same way with the inputs their catalog entry names (GET /api/catalog/{code}).',
    oneOf: Object.values(variants).map(($ref) => ({ $ref })),
    discriminator: { propertyName: 'procedureId', mapping: variants },
  };
  return schemas;
}

/**
 * The schemas of every event payload and every item's inputs, and the two request bodies built on them:
 * a generated client then knows what each event type and each item takes.
 */
export function procedureSchemas(): Record<string, SchemaObject> {
  return {
    ...eventSchemas([...BUILTIN_PROCEDURES, ...villageItemTemplates()]),
    ...startSchemas(BUILTIN_PROCEDURES),
  };
}

/** The DTO schemas the bodies point to: Nest states them only where some operation uses them. */
export const SCHEMAS_REFERRED_TO = [ROLE_SCHEMA, CONFLICT_SCHEMA];
