import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel.js';
import { isDatabaseUnavailable } from '../common/database-errors.js';
import { Metrics } from '../common/metrics.js';
import { AppConfig } from '../config/app-config.js';
import { openDataSource } from './open-data-source.js';

/** How often the replica's lag is measured. */
const CHECK_MS = 1000;

/**
 * Where the public reads go (the board, the bulletin, a matter's record, feeds, the chain's heads and
 * check, the list history): a streaming replica (`DATABASE_READ_URL`) while it answers and is no further
 * behind the primary than the bound, else the primary. The console and every write, and whatever must see
 * its own writes, use the primary's DataSource directly, never this. A read that meets a replica gone away
 * is done again on the primary, and the replica is left alone until it answers and keeps up again.
 */
@Injectable()
export class ReadSource implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ReadSource.name);
  private replica?: DataSource;
  private usable = false;
  private interval?: NodeJS.Timeout;
  private checking?: Promise<void>;

  constructor(
    private readonly primary: DataSource,
    private readonly config: AppConfig,
    private readonly metrics: Metrics,
  ) {}

  async onModuleInit(): Promise<void> {
    const replica = this.config.readReplica;
    if (!replica) return;
    const { database } = this.config;
    try {
      this.replica = await openDataSource({
        kind: 'postgres',
        url: replica.url,
        poolSize: database.kind === 'postgres' ? database.poolSize : 10,
        // Behind the same kind of pooler as the primary, when there is one.
        namedStatements: database.kind === 'postgres' ? database.namedStatements : true,
      });
    } catch (error) {
      // A replica down at start is a replica down: the primary serves until it answers.
      this.logger.warn(
        `Read replica unreachable at start; reading from the primary: ${(error as Error).message}`,
      );
      return;
    }
    await this.check();
    this.interval = setInterval(() => void this.check(), CHECK_MS);
    this.interval.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.interval);
    await this.checking;
    if (this.replica?.isInitialized) await this.replica.destroy();
  }

  /** Whether reads go to the replica now. */
  get onReplica(): boolean {
    return this.usable;
  }

  /** Runs a public read on the replica when it may serve, else (or when it fails to answer) on the primary. */
  async read<T>(work: (db: EntityManager) => Promise<T>): Promise<T> {
    if (this.usable && this.replica) {
      try {
        const result = await work(this.replica.manager);
        this.served('replica');
        return result;
      } catch (error) {
        if (!isDatabaseUnavailable(error)) throw error;
        this.markUnusable(error);
      }
    }
    this.served('primary');
    return work(this.primary.manager);
  }

  /** A read that needs one snapshot (the chain check), in a read-only transaction on whichever serves. */
  transaction<T>(isolation: IsolationLevel, work: (db: EntityManager) => Promise<T>): Promise<T> {
    return this.read((db) => db.connection.transaction(isolation, work));
  }

  /**
   * Measures how far the replica is behind: caught up when it has replayed everything the primary had
   * written a moment before, else behind by the age of the last transaction it replayed.
   */
  check(): Promise<void> {
    this.checking ??= this.measure().finally(() => (this.checking = undefined));
    return this.checking;
  }

  private async measure(): Promise<void> {
    if (!this.replica) return;
    try {
      const [{ lsn }] = await this.primary.query<{ lsn: string }[]>(
        `SELECT pg_current_wal_lsn()::text AS lsn`,
      );
      const [state] = await this.replica.query<
        { recovering: boolean; caught_up: boolean; behind: number | null }[]
      >(
        `SELECT pg_is_in_recovery() AS recovering,
                COALESCE(pg_last_wal_replay_lsn() >= $1::pg_lsn, false) AS caught_up,
                extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 AS behind`,
        [lsn],
      );
      const maxLag = this.config.readReplica!.maxLagSeconds;
      const usable = state.recovering && (state.caught_up || (state.behind ?? Infinity) <= maxLag);
      if (usable !== this.usable) {
        this.logger.log(
          usable
            ? 'Read replica caught up: public reads go to it'
            : `Read replica behind: reading from the primary`,
        );
      }
      this.usable = usable;
    } catch (error) {
      this.markUnusable(error);
    }
  }

  private served(database: 'replica' | 'primary'): void {
    this.metrics.count('micropower_public_reads_total', 'Public reads, by the database that served them', {
      database,
    });
  }

  private markUnusable(error: unknown): void {
    if (this.usable) {
      this.logger.warn(`Read replica unavailable; reading from the primary: ${(error as Error).message}`);
    }
    this.usable = false;
  }
}
