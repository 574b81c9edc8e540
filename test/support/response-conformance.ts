import type { OpenAPIObject, OperationObject, ResponseObject } from '@nestjs/swagger';
import { Ajv, type ValidateFunction } from 'ajv';
import formatsModule from 'ajv-formats';
import type request from 'supertest';

// ajv-formats is CommonJS: under ESM the default import is `module.exports`, whose `default` is the plugin.
const addFormats = formatsModule.default;

type Schema = Record<string, unknown>;

/**
 * OpenAPI 3.0's `nullable` as JSON Schema says it: null, or what the rest of the schema allows (Nest
 * writes a nullable reference as `{ nullable, allOf: [$ref] }`, which a plain validator would refuse).
 */
function withNull(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withNull);
  if (typeof value !== 'object' || value === null) return value;
  const { nullable, ...rest } = value as Schema;
  const converted = Object.fromEntries(Object.entries(rest).map(([key, child]) => [key, withNull(child)]));
  return nullable === true ? { anyOf: [{ type: 'null' }, converted] } : converted;
}

const mediaTypeOf = (header: string | undefined) => (header ?? '').split(';')[0].trim();

/**
 * Checks answers against the API description: the status is one the operation states, the media type
 * is the stated one, and a JSON body is valid against the stated schema. What a generated client trusts.
 */
export class ResponseConformance {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly document: OpenAPIObject) {
    addFormats(this.ajv, ['date', 'date-time', 'uuid']);
    this.ajv.addSchema({ components: withNull(document.components) }, 'api');
  }

  /** What is wrong with an answer to `method` on `path` (the description's template), or null. */
  problemOf(method: string, path: string, response: request.Response): string | null {
    const operation: OperationObject | undefined = this.document.paths[path]?.[method.toLowerCase() as 'get'];
    if (!operation) return `${method} ${path} is not in the description`;
    const status = String(response.status);
    const declared = (operation.responses as Record<string, ResponseObject>)[status];
    if (!declared) return `answered ${status}, which is not stated`;
    if (status === '204') return null;
    const answered = mediaTypeOf(response.headers['content-type']);
    const media = Object.keys(declared.content ?? {});
    const stated = media.find((type) => type === answered || type === '*/*');
    if (!stated) return `answered ${status} as ${answered}, stated ${media.join(', ')}`;
    if (!/json/.test(stated)) return null;
    const validate = this.validator(
      `${method} ${path} ${status}`,
      declared.content![stated].schema as Schema,
    );
    if (validate(response.body)) return null;
    const errors = (validate.errors ?? [])
      .slice(0, 5)
      .map((error) => `${error.instancePath} ${error.message}`);
    return `answered ${status} not as stated: ${errors.join('; ')}`;
  }

  private validator(key: string, schema: Schema): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      // The description's references point into its components, which the validator knows as `api`.
      const rooted = JSON.parse(
        JSON.stringify(withNull(schema)).replaceAll('"#/components/', '"api#/components/'),
      );
      validate = this.ajv.compile(rooted as Schema);
      this.validators.set(key, validate);
    }
    return validate;
  }
}

/** Express's `/api/villages/:villageId` as the description writes it: `/api/villages/{villageId}`. */
export const describedPath = (expressPath: string) => expressPath.replace(/:(\w+)/g, '{$1}');
