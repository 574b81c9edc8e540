import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Express, Request, Response } from 'express';
import { ExpressServerAdapter } from '../../src/common/http/express-server-adapter.js';

describe(ExpressServerAdapter.name, () => {
  let sut: ExpressServerAdapter;
  let server: Server;
  let seen: { request: object; response: object } | undefined;

  beforeAll(async () => {
    sut = new ExpressServerAdapter();
    const app = sut.getInstance<Express>();
    app.set('trust proxy', 'loopback');
    app.get('/who', (request: Request, response: Response) => {
      response.status(201).json({ ip: request.ip, protocol: request.protocol, query: request.query });
    });
    sut.initHttpServer({});
    server = sut.getHttpServer();
    // As Node hands them over, before Express's own handler runs.
    server.prependListener('request', (request: object, response: object) => {
      seen = {
        request: Object.getPrototypeOf(request) as object,
        response: Object.getPrototypeOf(response) as object,
      };
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`, { headers });

  it("builds each request and response on Express's own prototypes, so Express need not swap them", async () => {
    await get('/who');
    const app = sut.getInstance<Express>();
    expect(seen?.request).toBe(app.request);
    expect(seen?.response).toBe(app.response);
  });

  it("keeps Express's request and response methods and its app settings", async () => {
    const response = await get('/who?page=2', {
      'x-forwarded-for': '203.0.113.7',
      'x-forwarded-proto': 'https',
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ ip: '203.0.113.7', protocol: 'https', query: { page: '2' } });
  });
});
