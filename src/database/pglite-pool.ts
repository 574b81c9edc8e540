import { EventEmitter } from 'node:events';
import type { PGlite, Results } from '@electric-sql/pglite';

type Callback<T> = (error: Error | undefined, result?: T) => void;

interface PgLikeResult {
  rows: unknown[];
  rowCount: number;
  command: string | undefined;
  fields: { name: string; dataTypeID: number }[];
}

/**
 * A `pg`-compatible client over the single PGlite session. It is lent to one TypeORM query runner at a
 * time (like `pg.Pool` with `max: 1`), so a transaction never interleaves with another.
 */
class PgliteClient extends EventEmitter {
  private released = false;

  constructor(
    private readonly db: PGlite,
    private readonly giveBack: () => void,
  ) {
    super();
  }

  /** As pg's: `(text, params?, callback?)`, or a statement config `{ text, values }` (its name unused). */
  query(
    statement: string | { text: string; values?: unknown[] },
    ...rest: unknown[]
  ): Promise<PgLikeResult> | undefined {
    const callback =
      typeof rest[rest.length - 1] === 'function' ? (rest.pop() as Callback<PgLikeResult>) : undefined;
    const text = typeof statement === 'string' ? statement : statement.text;
    const params =
      (typeof statement === 'string' ? (rest[0] as unknown[] | undefined) : statement.values) ?? [];
    const running = this.run(text, params);
    if (!callback) return running;
    running.then(
      (result) => callback(undefined, result),
      (error: Error) => callback(error),
    );
    return undefined;
  }

  release(error?: Error): void {
    if (this.released) return;
    this.released = true;
    // A runner given back after a failure may have left a transaction open: close it before lending again.
    const settle = error ? this.db.exec('ROLLBACK').catch(() => undefined) : Promise.resolve();
    void settle.then(this.giveBack);
  }

  private async run(text: string, params: unknown[]): Promise<PgLikeResult> {
    // Without parameters use the simple protocol, which (like pg) accepts several statements at once.
    const results: Results[] =
      params.length > 0 ? [await this.db.query(text, params)] : await this.db.exec(text);
    const last = results[results.length - 1] ?? { rows: [], fields: [] };
    return {
      rows: last.rows,
      rowCount: last.rowCount ?? last.affectedRows ?? last.rows.length,
      command: last.command,
      fields: last.fields,
    };
  }
}

export class PglitePool extends EventEmitter {
  private readonly waiting: Array<() => void> = [];
  private lent = false;

  constructor(
    private readonly db: PGlite,
    private readonly onEnd: () => Promise<void>,
  ) {
    super();
  }

  get totalCount(): number {
    return 1;
  }

  get idleCount(): number {
    return this.lent ? 0 : 1;
  }

  get waitingCount(): number {
    return this.waiting.length;
  }

  connect(
    callback?: (error: Error | undefined, client?: PgliteClient, release?: (error?: Error) => void) => void,
  ) {
    const acquired = new Promise<PgliteClient>((resolve) => {
      const lend = () => {
        this.lent = true;
        resolve(new PgliteClient(this.db, () => this.giveBack()));
      };
      if (this.lent) this.waiting.push(lend);
      else lend();
    });
    if (!callback) return acquired;
    acquired.then(
      (client) => callback(undefined, client, (error?: Error) => client.release(error)),
      (error: Error) => callback(error),
    );
    return undefined;
  }

  end(callback?: (error?: Error) => void): Promise<void> | undefined {
    const ending = this.onEnd();
    if (!callback) return ending;
    ending.then(
      () => callback(),
      (error: Error) => callback(error),
    );
    return undefined;
  }

  private giveBack(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.lent = false;
  }
}

/** The object TypeORM's postgres driver expects in place of the `pg` module. */
export function pgliteDriverModule(db: PGlite, onEnd: () => Promise<void>) {
  let pool: PglitePool | undefined;
  return {
    Pool: class {
      constructor() {
        pool ??= new PglitePool(db, onEnd);
        return pool;
      }
    },
  };
}
