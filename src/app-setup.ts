import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { apiDocument } from './api-document.js';
import { AppModule, type AppOptions } from './app.module.js';
import { ExpressServerAdapter } from './common/http/express-server-adapter.js';
import { securityHeaders } from './common/http/security-headers.js';
import { observeRequests } from './common/http/request-context.js';
import { refuseUnsafeInput } from './common/input-guard.js';
import { Metrics } from './common/metrics.js';
import { createLogger } from './common/request-logger.js';

/** Builds the HTTP app the same way for `main.ts` and for the e2e tests. */
export async function createApp(
  options: AppOptions,
  logLevels: false | ('log' | 'warn' | 'error')[] = ['log', 'warn', 'error'],
) {
  const logger = logLevels && createLogger(options.config.logFormat, logLevels);
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(options),
    new ExpressServerAdapter(),
    {
      logger,
      bodyParser: false,
      // Start-up errors reach the caller (main prints them; tests assert them) instead of exiting.
      abortOnError: false,
    },
  );
  // Behind a TLS proxy: the client's address and https seen through the proxies named here.
  app.set('trust proxy', options.config.trustProxy);
  const requests = new Logger('HTTP');
  app.use(observeRequests(app.get(Metrics), (entry) => requests.log(entry)));
  app.use(securityHeaders(options.config));
  app.useBodyParser('json', { limit: '256kb' });
  // The web console's forms.
  app.useBodyParser('urlencoded', { limit: '256kb', extended: false });
  // Attachments arrive as the raw file with its own Content-Type.
  app.useBodyParser('raw', {
    limit: '5mb',
    type: (request) =>
      Boolean(request.headers['content-type']) &&
      !/json|x-www-form-urlencoded/i.test(request.headers['content-type'] ?? ''),
  });
  // Bodies nested past any definition's depth, and NUL in the address, stop here with a clear refusal.
  app.use(refuseUnsafeInput);
  // Web pages live outside /api: the public board and lists, login, the console, their assets.
  app.setGlobalPrefix('api', {
    exclude: ['', 'login', 'logout', 'password', 'p/{*rest}', 'c/{*rest}', 'c', 'assets/{*rest}'],
  });
  app.enableShutdownHooks();
  app.disable('x-powered-by');
  SwaggerModule.setup('api/docs', app, apiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
