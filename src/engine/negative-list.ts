import { NEGATIVE_LIST, type JsonObject, type NegativeEntry } from '../../workflows/index.js';
import { DomainError } from '../common/errors/domain-error.js';

const refuse = (entry: NegativeEntry) =>
  new DomainError('LIST.NEGATIVE_LIST', { code: entry.code, basis: entry.basis }, entry.text);

const blank = (value: unknown) => typeof value !== 'string' || value.trim() === '';

/**
 * The negative list's entries the engine can check, as hard guards: a matter that would break one is
 * refused with the entry's own words, whatever else its schema says.
 */
export function checkStartAgainstNegativeList(procedureId: string, inputs: JsonObject): void {
  for (const entry of NEGATIVE_LIST) {
    const check = entry.check;
    if (check?.kind === 'inputPresent' && check.procedureId === procedureId && blank(inputs[check.input])) {
      throw refuse(entry);
    }
  }
}

export function checkActAgainstNegativeList(
  procedureId: string,
  eventType: string,
  inputs: JsonObject,
  actorPersonId: string | null,
): void {
  for (const entry of NEGATIVE_LIST) {
    const check = entry.check;
    if (
      check?.kind === 'payeeNotApprover' &&
      check.procedureId === procedureId &&
      check.approvalEvent === eventType &&
      actorPersonId !== null &&
      inputs[check.payeeInput] === actorPersonId
    ) {
      throw refuse(entry);
    }
  }
}
