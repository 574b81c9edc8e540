import http from 'node:http';

/**
 * A JSON client over keep-alive connections, one per concurrent client, as a real API client would
 * hold them. node:http rather than fetch: it costs less CPU, and the client shares the cores with the
 * server and the database, so a heavier client would lower what the server is measured to do.
 */
export class JsonClient {
  private readonly agent: http.Agent;
  private readonly base: URL;
  /** The base URL's path (`/api`): routes are given relative to it, as in the other benches' samplers. */
  private readonly prefix: string;

  constructor(baseUrl: string, connections: number) {
    this.base = new URL(baseUrl);
    this.prefix = this.base.pathname.replace(/\/$/, '');
    this.agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  }

  /** POSTs `body`; resolves with the parsed answer when the status is the expected one, else rejects. */
  post(relativePath: string, token: string, body: unknown, expected = 200): Promise<unknown> {
    const path = this.prefix + relativePath;
    const data = Buffer.from(JSON.stringify(body));
    return new Promise((resolve, reject) => {
      const request = http.request(
        {
          agent: this.agent,
          host: this.base.hostname,
          port: this.base.port,
          path,
          method: 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'content-length': data.length,
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if (response.statusCode === expected) resolve(text ? JSON.parse(text) : null);
            else reject(new Error(`POST ${path} answered ${response.statusCode}: ${text.slice(0, 500)}`));
          });
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(data);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
