import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app-setup.js';
import { AdjustableClock, SystemClock } from './common/clock.js';
import { ConfigError, loadConfig } from './config/app-config.js';
import { DemoSeedService } from './demo/demo-seed.service.js';
import { printDemoLogins } from './demo/demo-logins.js';

async function bootstrap(): Promise<void> {
  const config = loadConfig(process.env);
  const clock = config.clock === 'adjustable' ? new AdjustableClock() : new SystemClock();
  const app = await createApp({ config, clock });
  const logger = new Logger('micropower');
  // Registers the built-in procedures and starts the scheduler before the demo seed runs matters.
  await app.init();
  if (config.demoSeed) {
    const logins = await app.get(DemoSeedService).seedIfEmpty();
    if (logins) {
      printDemoLogins(
        logins,
        config.database.kind === 'pglite'
          ? `delete ${config.database.dataDir}`
          : 'drop the database named in DATABASE_URL',
      );
    }
  }
  await app.listen(config.port);
  const where =
    config.database.kind === 'pglite'
      ? `embedded PGlite at ${config.database.dataDir}`
      : 'PostgreSQL (DATABASE_URL)';
  logger.log(`Listening on http://localhost:${config.port}/api (OpenAPI: /api/docs) — data: ${where}`);
}

// In ESM, call bootstrap unconditionally (an import.meta guard makes `nest start` exit silently).
bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
