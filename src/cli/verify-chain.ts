import 'reflect-metadata';
import { ConfigError, loadConfig } from '../config/app-config.js';
import { openDataSource } from '../database/open-data-source.js';
import { parseVerifyArgs, UsageError, verifyChains, VERIFY_USAGE } from './verify-chain-command.js';

/**
 * `npm run verify -- <villageId>|--all`: checks trace chains straight from the database the app is
 * configured for (DATABASE_URL, or the embedded folder while the app is stopped), without the app.
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.length === 0 || args.includes('--help')) {
    process.stdout.write(`${VERIFY_USAGE}\n`);
    return args.length === 0 ? 2 : 0;
  }
  const options = parseVerifyArgs(args);
  const dataSource = await openDataSource(loadConfig(process.env).database);
  try {
    return await verifyChains(dataSource, options, (line) => process.stdout.write(`${line}\n`));
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (status) => process.exit(status),
  (error: unknown) => {
    const known = error instanceof UsageError || error instanceof ConfigError;
    // 42P01: undefined table, i.e. a database the app never migrated.
    const empty = (error as { code?: string }).code === '42P01';
    const message = empty
      ? 'This database holds no micropower tables: start the app on it once, or check DATABASE_URL.'
      : known
        ? error.message
        : String(error);
    process.stderr.write(`${message}\n`);
    if (error instanceof UsageError) process.stderr.write(`\n${VERIFY_USAGE}\n`);
    process.exit(2);
  },
);
