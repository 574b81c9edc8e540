import type { TestApp } from '../../support/test-app.js';

export type Method = 'GET' | 'POST';

/** An endpoint as Express matches it: `GET /api/villages/:villageId/matters`. */
export type RouteKey = `${Method} /${string}`;

/** Swagger UI's own files and the description itself: the library's routes, public by design. */
const SWAGGER_OWN = /^\/api\/docs([-/].*)?$/;

interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>;
}

/** An operation of the API description, with the query parameters and headers it declares. */
export interface DescribedRoute {
  key: RouteKey;
  query: string[];
  headers: string[];
}

/** Every operation the API describes at GET /api/docs-json, so a new endpoint enters the matrix. */
export async function describedRoutes(t: TestApp): Promise<DescribedRoute[]> {
  const document = (await t.api().get('/docs-json').expect(200)).body as OpenApiDocument;
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => {
      const named = (place: string) =>
        (operation.parameters ?? []).filter((parameter) => parameter.in === place).map(({ name }) => name);
      return {
        key: `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}` as RouteKey,
        query: named('query'),
        headers: named('header').map((name) => name.toLowerCase()),
      };
    }),
  );
}

interface RouterLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/**
 * Every route Express holds, the web pages (left out of the description) included. Nest mounts each
 * handler for one method; layers for every method are the global prefix's exclusions, not endpoints.
 */
export function mountedRoutes(t: TestApp): RouteKey[] {
  const express = t.app.getHttpAdapter().getInstance() as { router: { stack: RouterLayer[] } };
  return express.router.stack.flatMap(({ route }) => {
    const methods = Object.keys(route?.methods ?? {});
    if (!route || methods.length !== 1 || SWAGGER_OWN.test(route.path)) return [];
    return [`${methods[0].toUpperCase()} ${route.path}` as RouteKey];
  });
}

export const methodOf = (key: RouteKey): Method => key.split(' ')[0] as Method;
export const pathOf = (key: RouteKey): string => key.split(' ')[1];
export const isApi = (key: RouteKey): boolean => pathOf(key).startsWith('/api/');
export const paramsOf = (key: RouteKey): string[] =>
  [...pathOf(key).matchAll(/:(\w+)/g)].map((match) => match[1]);
