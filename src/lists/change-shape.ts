import { SYSTEM_PROCEDURES, type JsonObject } from '../../workflows/index.js';
import { createAjv } from '../common/json-schema.js';
import { validatedCopy } from '../engine/payloads.js';

const requestInputs = SYSTEM_PROCEDURES.find((procedure) => procedure.id === 'L1')!.inputSchema;

/** The changes' shape as the list-adjustment request (L1) takes them, its schema being the one source. */
const validChanges = createAjv().compile({
  type: 'object',
  properties: { changes: (requestInputs.properties as JsonObject).changes },
  required: ['changes'],
});

/**
 * Refuses changes the request itself would refuse (an unknown kind, a code that is no item code, an id
 * that is no UUID, text with U+0000), the same way it refuses them, so the admission check never passes,
 * or stumbles over, what cannot be submitted.
 */
export function requireChangeShape(changes: unknown): void {
  validatedCopy(validChanges, { changes }, 'REQUEST.INVALID');
}
