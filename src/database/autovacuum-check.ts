import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';

/**
 * The engine's hot-path statements are prepared once per connection and keep their plans until the
 * tables' statistics change, which autovacuum's ANALYZE sees to as the tables grow. Without it, plans
 * made while a database was young stay with every connection: say so at start, once.
 */
export async function warnIfAutovacuumOff(dataSource: DataSource): Promise<void> {
  const [setting] = await dataSource.query<{ autovacuum: string }[]>('SHOW autovacuum');
  if (setting?.autovacuum === 'off') {
    new Logger('Database').warn(
      'autovacuum is off on this server: run ANALYZE regularly as the tables grow, or plans made ' +
        'while they were small stay with the connections (see README, "The hot path in plain SQL")',
    );
  }
}
