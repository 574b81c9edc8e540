import { execFile } from 'node:child_process';
import { join } from 'node:path';

export interface ChainVerdict {
  villageId: string;
  ok: boolean;
  checked: number;
}

/**
 * The operator's own check (`npm run verify -- --all`), run as a separate process against the database.
 * Exit status 1 (a broken chain) is a verdict to assert on; anything else but 0 is a failure to check.
 */
export function verifyAllChains(databaseUrl: string): Promise<{ exitCode: number; chains: ChainVerdict[] }> {
  const cli = join(process.cwd(), 'dist', 'src', 'cli', 'verify-chain.js');
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [cli, '--all', '--json'],
      { env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const exitCode = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        if (exitCode !== 0 && exitCode !== 1) {
          reject(new Error(`verify-chain failed (${exitCode}): ${stderr}`));
          return;
        }
        const chains = stdout
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as ChainVerdict);
        resolve({ exitCode, chains });
      },
    );
  });
}
