import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Metrics } from '../metrics.js';

interface RequestContext {
  requestId: string;
}

const context = new AsyncLocalStorage<RequestContext>();

/** The id of the request being served, for every log line written while serving it. */
export const currentRequestId = (): string | undefined => context.getStore()?.requestId;

/** A caller's (or the proxy's) id is kept when it is short and plain, so one id follows a request end to end. */
const SAFE_ID = /^[\w.-]{8,64}$/;

/** The route's template (`/api/villages/:villageId/board`), never the path with its ids: bounded labels. */
const routeOf = (request: Request) => {
  const template = (request.route as { path?: unknown } | undefined)?.path;
  return typeof template === 'string' ? `${request.baseUrl}${template}` : 'unmatched';
};

/**
 * Gives each request an id (answered in `X-Request-Id`, carried by every log line), and when it is
 * answered logs one line and counts it. The line has the path without its query: a query may carry
 * what should not sit in logs.
 */
export function observeRequests(metrics: Metrics, log: (entry: object) => void) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const offered = request.headers['x-request-id'];
    const requestId = typeof offered === 'string' && SAFE_ID.test(offered) ? offered : randomUUID();
    response.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    response.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeOf(request);
      metrics.observeRequest(request.method, route, response.statusCode, seconds);
      context.run({ requestId }, () =>
        log({
          event: 'http',
          method: request.method,
          path: request.path,
          route,
          status: response.statusCode,
          ms: Math.round(seconds * 1000),
        }),
      );
    });
    context.run({ requestId }, next);
  };
}
