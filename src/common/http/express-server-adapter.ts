import http from 'node:http';
import type { NestApplicationOptions } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { Express } from 'express';

/** A constructor building `base`'s objects with `prototype` as theirs (Express's request or response). */
function constructedOn<T>(base: T, prototype: object): T {
  function Built(...args: unknown[]): object {
    return Reflect.construct(base as unknown as new (...args: unknown[]) => object, args, Built) as object;
  }
  Built.prototype = prototype;
  return Built as unknown as T;
}

/**
 * Express gives each request its methods by swapping the prototypes of Node's request and response
 * objects, twice a request. V8 then keeps each request's objects alive through the young generation's
 * collections until a full one: 13 KB a request promoted, and each young collection took 3 ms instead of
 * 0.3 ms (a chart's p99 was that pause). Here Node builds the two objects on Express's prototypes from
 * the start, so the swap finds them in place and changes nothing (BENCHMARKS.md, the flowchart).
 */
export class ExpressServerAdapter extends ExpressAdapter {
  override initHttpServer(options: NestApplicationOptions): void {
    if (options.httpsOptions || options.return503OnClosing || options.forceCloseConnections) {
      // Options this app does not use: Nest's own server for them, with the swap.
      super.initHttpServer(options);
      return;
    }
    const app = this.getInstance<Express>();
    this.httpServer = http.createServer(
      {
        IncomingMessage: constructedOn(http.IncomingMessage, app.request),
        ServerResponse: constructedOn(http.ServerResponse, app.response),
      },
      app,
    );
  }
}
