import type { components, paths } from '../golden/openapi-types.js';

/**
 * A plain fetch wrapper typed by the types openapi-typescript generates from the committed API
 * description: what a client author gets from `/api/docs-json`, no more. A path, a body or a field the
 * description does not state fails to compile.
 */

type Method = 'get' | 'post';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
export type PathWith<M extends Method> = {
  [P in keyof paths]: paths[P][M] extends { responses: unknown } ? P : never;
}[keyof paths];

type ParametersOf<O> = O extends { parameters: infer A } ? A : never;
type JsonBodyOf<O> = O extends { requestBody: { content: { 'application/json': infer B } } } ? B : never;
type ResponsesOf<O> = O extends { responses: infer R } ? R : never;
type SuccessOf<O> = ResponsesOf<O>[Extract<keyof ResponsesOf<O>, 200 | 201 | 204>];

/** What a call sends: the path's ids, its query, and its JSON body, each where the operation takes one. */
export type RequestOf<O> = (ParametersOf<O> extends { path: infer A } ? { path: A } : { path?: never }) &
  (ParametersOf<O> extends { query?: infer Q } ? { query?: Q } : { query?: never }) &
  ([JsonBodyOf<O>] extends [never] ? { body?: never } : { body: JsonBodyOf<O> }) & {
    headers?: Record<string, string>;
  };

/** The JSON of the success answer (undefined for 204, text for a file). */
export type AnswerOf<O> =
  SuccessOf<O> extends { content: { 'application/json': infer J } }
    ? J
    : SuccessOf<O> extends { content: Record<string, infer T> }
      ? T
      : undefined;

export type ErrorBody = components['schemas']['ErrorBodyDto'];

/** A refusal, with the coded error body the description promises for it. */
export class ApiRefusal extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(`${status} ${body.code}: ${body.message}`);
  }
}

export interface TypedApi {
  get<P extends PathWith<'get'>>(
    path: P,
    request: RequestOf<Operation<P, 'get'>>,
  ): Promise<AnswerOf<Operation<P, 'get'>>>;
  post<P extends PathWith<'post'>>(
    path: P,
    request: RequestOf<Operation<P, 'post'>>,
  ): Promise<AnswerOf<Operation<P, 'post'>>>;
}

interface LooseRequest {
  path?: Record<string, string>;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
}

export function typedApi(baseUrl: string, token?: string): TypedApi {
  const call = async (method: Method, template: string, request: LooseRequest): Promise<never> => {
    const path = template.replace(/\{(\w+)\}/g, (_, name: string) =>
      encodeURIComponent(request.path?.[name] ?? ''),
    );
    const url = new URL(path, baseUrl);
    for (const [name, value] of Object.entries(request.query ?? {}))
      if (value !== undefined) url.searchParams.set(name, String(value));
    const response = await fetch(url, {
      method: method.toUpperCase(),
      headers: {
        ...(token && { authorization: `Bearer ${token}` }),
        ...(request.body !== undefined && { 'content-type': 'application/json' }),
        ...request.headers,
      },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
    });
    const text = await response.text();
    const json = /json/.test(response.headers.get('content-type') ?? '');
    const body: unknown = text === '' ? undefined : json ? JSON.parse(text) : text;
    if (!response.ok) throw new ApiRefusal(response.status, body as ErrorBody);
    return body as never;
  };
  return {
    get: (path, request) => call('get', path, request as LooseRequest),
    post: (path, request) => call('post', path, request as LooseRequest),
  };
}
