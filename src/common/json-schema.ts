import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import formatsModule from 'ajv-formats';

// ajv-formats is CommonJS: under ESM the default import is `module.exports`, whose `default` is the plugin.
const addFormats = formatsModule.default;

/**
 * One configuration of Ajv for every JSON Schema in the system (payloads, inputs, definitions):
 * strict (unknown keywords are errors), all errors reported, defaults filled in.
 */
export function createAjv(): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    strictSchema: true,
    strictNumbers: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    useDefaults: true,
  });
  addFormats(ajv, ['date', 'date-time', 'uuid']);
  return ajv;
}

export interface SchemaProblem {
  field: string;
  problem: string;
}

export function describeSchemaErrors(errors: ErrorObject[] | null | undefined): SchemaProblem[] {
  return (errors ?? []).map((error) => {
    const missing = (error.params as { missingProperty?: string }).missingProperty;
    const extra = (error.params as { additionalProperty?: string }).additionalProperty;
    const base = error.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const field = [base, missing ?? extra].filter(Boolean).join('.') || '(root)';
    return { field, problem: extra ? 'is not allowed' : (error.message ?? 'is invalid') };
  });
}

export type { Ajv, ValidateFunction };
