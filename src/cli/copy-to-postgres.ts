import 'reflect-metadata';
import { COPY_USAGE, copyToPostgres, CopyRefused, parseCopyArgs } from './copy-to-postgres-command.js';
import { UsageError } from './verify-chain-command.js';

/**
 * `npm run db:copy-to-postgres -- --from <PGlite folder> --to <postgres://…>`: moves the embedded
 * database into a new PostgreSQL database, verified, without the app.
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.length === 0 || args.includes('--help')) {
    process.stdout.write(`${COPY_USAGE}\n`);
    return args.length === 0 ? 2 : 0;
  }
  return copyToPostgres(parseCopyArgs(args), (line) => process.stdout.write(`${line}\n`));
}

main().then(
  (status) => process.exit(status),
  (error: unknown) => {
    const known = error instanceof UsageError || error instanceof CopyRefused;
    const message = known || error instanceof Error ? error.message : String(error);
    process.stderr.write(`${known ? '' : 'copy failed, nothing committed: '}${message}\n`);
    if (error instanceof UsageError) process.stderr.write(`\n${COPY_USAGE}\n`);
    process.exit(2);
  },
);
