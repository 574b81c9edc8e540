import type { OpenAPIObject, OperationObject, ResponseObject } from '@nestjs/swagger';
import {
  DOCUMENT_FILE,
  documentText,
  goldenProblem,
  TYPES_FILE,
  typesText,
} from '../support/api-description-files.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ERROR_BODY = '#/components/schemas/ErrorBodyDto';

const operationsOf = (document: OpenAPIObject) =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    (['get', 'post', 'put', 'patch', 'delete'] as const).flatMap((method) => {
      const operation: OperationObject | undefined = item[method];
      return operation ? [{ key: `${method.toUpperCase()} ${path}`, operation }] : [];
    }),
  );

const refsIn = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.flatMap(refsIn)
    : typeof value === 'object' && value !== null
      ? Object.entries(value).flatMap(([key, child]) =>
          key === '$ref' && typeof child === 'string' ? [child] : refsIn(child),
        )
      : [];

/** What an operation's description lacks: a success answer with its content, and its coded refusals. */
function answerProblems(operation: OperationObject): string[] {
  const responses = operation.responses as Record<string, ResponseObject>;
  const problems: string[] = [];
  const successes = Object.entries(responses).filter(([status]) => status.startsWith('2'));
  if (successes.length === 0) problems.push('no success answer');
  for (const [status, response] of successes) {
    const schemas = Object.values(response.content ?? {}).map((media) => media.schema);
    if (status !== '204' && (schemas.length === 0 || schemas.some((schema) => !schema)))
      problems.push(`${status} without a schema`);
  }
  for (const [status, response] of Object.entries(responses).filter(([code]) => !code.startsWith('2'))) {
    const schema = response.content?.['application/json']?.schema as { $ref?: string } | undefined;
    if (schema?.$ref !== ERROR_BODY) problems.push(`${status} is not the coded error shape`);
  }
  const declares = (status: string) => status in responses;
  if (operation.security && !declares('401')) problems.push('secured, but no 401');
  const validated = (operation.parameters ?? []).length > 0 || operation.requestBody;
  if (validated && !declares('400')) problems.push('takes input, but no 400');
  return problems;
}

describe('The API description (/api/docs-json)', () => {
  let t: TestApp;
  let document: OpenAPIObject;

  beforeAll(async () => {
    t = await startTestApp();
    document = (await t.api().get('/docs-json').expect(200)).body as OpenAPIObject;
  });
  afterAll(async () => {
    await t.close();
  });

  it('is the committed test/golden/openapi.json', async () => {
    expect(goldenProblem(DOCUMENT_FILE, await documentText(document))).toBeNull();
  });

  it('gives the committed client types, test/golden/openapi-types.ts', async () => {
    expect(goldenProblem(TYPES_FILE, await typesText(document))).toBeNull();
  });

  it('states every operation’s answer, and its refusals in the coded error shape', () => {
    const problems = operationsOf(document).flatMap(({ key, operation }) =>
      answerProblems(operation).map((problem) => `${key}: ${problem}`),
    );
    expect(problems).toEqual([]);
  });

  it('points only at schemas it states', () => {
    const stated = new Set(Object.keys(document.components?.schemas ?? {}));
    const dangling = refsIn(document).filter(
      (ref) => !ref.startsWith('#/components/schemas/') || !stated.has(ref.split('/').at(-1)!),
    );
    expect([...new Set(dangling)]).toEqual([]);
  });
});
