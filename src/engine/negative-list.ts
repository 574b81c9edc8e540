import {
  NEGATIVE_LIST,
  type EventSpec,
  type JsonObject,
  type NegativeEntry,
  type ProcedureDefinition,
} from '../../workflows/index.js';
import { DomainError } from '../common/errors/domain-error.js';
import { statutoryClassOf } from '../procedures/statutory-class.js';

const refuse = (entry: NegativeEntry) =>
  new DomainError('LIST.NEGATIVE_LIST', { code: entry.code, basis: entry.basis }, entry.text);

const blank = (value: unknown) => typeof value !== 'string' || value.trim() === '';

/**
 * The negative list's checkable entries at start, as hard guards whatever the item's schema says: a
 * matter of a class the list restricts needs the input that makes it lawful, and an item that affixes
 * the seal from a document named at start needs that document named.
 */
export function checkStartAgainstNegativeList(definition: ProcedureDefinition, inputs: JsonObject): void {
  const matterClass = statutoryClassOf(definition.statutoryClass, inputs);
  for (const entry of NEGATIVE_LIST) {
    const check = entry.check;
    if (check?.kind === 'classRequiresInput' && matterClass?.code === check.statutoryClass) {
      if (inputs[check.input] !== check.value) throw refuse(entry);
    }
    if (check?.kind === 'documentNamed') {
      const fromInputs = Object.values(definition.events).some(
        (spec) => spec.marks?.includes(check.mark) && !hasField(spec, check.field),
      );
      if (fromInputs && blank(inputs[check.field])) throw refuse(entry);
    }
  }
}

const hasField = (spec: EventSpec, field: string) => field in ((spec.payload.properties ?? {}) as JsonObject);

/** The entries an act can break, by what the act is (its marks) and what the matter names. */
export function checkActAgainstNegativeList(
  spec: EventSpec,
  payload: JsonObject,
  matter: { inputs: JsonObject; inputSchema: JsonObject },
  actorPersonId: string | null,
): void {
  const { inputs } = matter;
  const marks = spec.marks ?? [];
  for (const entry of NEGATIVE_LIST) {
    const check = entry.check;
    if (check?.kind === 'documentNamed' && marks.includes(check.mark)) {
      if (blank(payload[check.field] ?? inputs[check.field])) throw refuse(entry);
    }
    if (
      check?.kind === 'namedNotDecider' &&
      actorPersonId !== null &&
      marks.some((mark) => check.marks.includes(mark)) &&
      personIdsIn(inputs, matter.inputSchema).has(samePersonId(actorPersonId))
    ) {
      throw refuse(entry);
    }
  }
}

/** A person id as compared: JSON Schema's uuid format also takes capitals and a `urn:uuid:` prefix. */
const samePersonId = (id: string) =>
  id
    .trim()
    .toLowerCase()
    .replace(/^urn:uuid:/, '');

/**
 * The people a matter names: every value its input schema types as a person id (`format: uuid`), at any
 * depth, in lists too (a payee, an applicant, the person responsible), whatever the field is called. Free
 * text is not read: an id typed into a title names nobody, and must not let a starter bar an approver.
 */
function personIdsIn(value: unknown, schema: unknown, found = new Set<string>()): Set<string> {
  const node = (schema ?? {}) as JsonObject;
  if (typeof value === 'string' && node.format === 'uuid') found.add(samePersonId(value));
  else if (Array.isArray(value)) for (const item of value) personIdsIn(item, node.items, found);
  else if (value !== null && typeof value === 'object') {
    const properties = (node.properties ?? {}) as JsonObject;
    for (const [key, child] of Object.entries(value)) personIdsIn(child, properties[key], found);
  }
  return found;
}
