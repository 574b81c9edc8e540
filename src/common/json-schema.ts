import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import formatsModule from 'ajv-formats';
import { problemWords } from './schema-problem-words.js';

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
  ajv.addFormat('yuan', { type: 'number', validate: isYuan });
  return ajv;
}

/**
 * An amount to the fen: at most two decimals as the number is written back (JavaScript writes the
 * shortest form that reads back the same, so 1234.5 and 0.07 pass and 0.001 and 0.30000000000000004 do
 * not). Amounts are bounded by their schemas far below where that form turns exponential.
 */
export const isYuan = (value: number): boolean => /^-?\d+(\.\d{1,2})?$/.test(String(value));

/** Distinct schemas kept compiled; past this the oldest is dropped (a village's drafts are checked too). */
const MAX_COMPILED = 2000;
const compiled = new Map<string, { schema: object; validate: ValidateFunction }>();
let sharedAjv: Ajv | undefined;

/**
 * The schema compiled once per process, whoever asks: the checker and the builder compile the same
 * payload schemas, and the base items share most of theirs (every meeting's events), so a process
 * starting with all procedures compiled each one several times. Equal schemas (as JSON) share one
 * validator; a schema naming an `$id` is compiled on its own, as an id can be registered only once.
 * Throws as `Ajv.compile` does for a schema that is not valid.
 */
export function compileSchema(schema: object): ValidateFunction {
  const key = JSON.stringify(schema);
  if (key.includes('"$id"')) return createAjv().compile(schema);
  const found = compiled.get(key);
  if (found) return found.validate;
  sharedAjv ??= createAjv();
  const validate = sharedAjv.compile(schema);
  if (compiled.size >= MAX_COMPILED) {
    const [oldestKey, oldest] = compiled.entries().next().value!;
    compiled.delete(oldestKey);
    sharedAjv.removeSchema(oldest.schema);
  }
  compiled.set(key, { schema, validate });
  return validate;
}

/** A schema check's finding: the field (`amount`, `lines.2.name`), ajv's words, and the same in Chinese. */
export interface SchemaProblem {
  field: string;
  problem: string;
  words?: string;
}

export function describeSchemaErrors(errors: ErrorObject[] | null | undefined): SchemaProblem[] {
  return (errors ?? []).map((error) => {
    const missing = (error.params as { missingProperty?: string }).missingProperty;
    const extra = (error.params as { additionalProperty?: string }).additionalProperty;
    const base = error.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const field = [base, missing ?? extra].filter(Boolean).join('.') || '(root)';
    const problem = extra ? 'is not allowed' : (error.message ?? 'is invalid');
    return { field, problem, words: extra ? '不是这个表单的字段' : problemWords(problem) };
  });
}

export type { Ajv, ValidateFunction };
