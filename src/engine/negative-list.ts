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
  inputs: JsonObject,
  actorPersonId: string | null,
): void {
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
      namesPerson(inputs, actorPersonId)
    ) {
      throw refuse(entry);
    }
  }
}

/**
 * Whether one of the matter's inputs is the person's id (a payee, an applicant, the person responsible):
 * read by value, whatever the field is called. Lists are not read: a list of many people (a membership
 * roll) names a group the decider may belong to, not a payment to them.
 */
const namesPerson = (inputs: JsonObject, personId: string) =>
  Object.values(inputs).some((value) => value === personId);
