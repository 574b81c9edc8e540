import { performance } from 'node:perf_hooks';
import pg from 'pg';

export interface StatementCount {
  /** Verb and table, e.g. `SELECT matter FOR UPDATE`; the text itself varies with TypeORM's aliases. */
  statement: string;
  count: number;
  /** Time from issuing the statement to its answer, in milliseconds, summed. */
  ms: number;
}

type Query = (this: pg.Client, ...args: unknown[]) => unknown;

const label = (text: string): string => {
  const compact = text.replace(/\s+/g, ' ').trim();
  const verb = compact.split(' ')[0].toUpperCase();
  if (!['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'WITH'].includes(verb)) return compact.toUpperCase();
  const table = /\b(?:FROM|INTO|UPDATE)\s+"?(\w+)"?/i.exec(compact)?.[1] ?? '?';
  const marks = [
    / FOR (NO KEY )?UPDATE\b/i.test(compact) ? 'FOR UPDATE' : '',
    /\bON CONFLICT DO NOTHING\b/i.test(compact) ? 'ON CONFLICT DO NOTHING' : '',
    /\bSELECT DISTINCT\b/i.test(compact) ? '(DISTINCT)' : '',
    /\bRETURNING\b/i.test(compact) ? 'RETURNING' : '',
  ].filter(Boolean);
  return [verb, table, ...marks].join(' ');
};

/**
 * Counts the statements every `pg` client in this process sends (TypeORM's pool included, since it
 * loads the same `pg`), while it is on: which queries an event costs and how long they take.
 */
export class QueryCensus {
  private readonly counts = new Map<string, StatementCount>();
  private original?: Query;

  start(): void {
    if (this.original) return;
    const original = pg.Client.prototype.query as Query;
    const counts = this.counts;
    this.original = original;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const [config] = args;
      const text = typeof config === 'string' ? config : ((config as { text?: string })?.text ?? '');
      const started = performance.now();
      const result = original.apply(this, args);
      if (result instanceof Promise) {
        const count = (() => {
          const key = label(text);
          const entry = counts.get(key) ?? { statement: key, count: 0, ms: 0 };
          counts.set(key, entry);
          return entry;
        })();
        count.count++;
        void result.then(
          () => (count.ms += performance.now() - started),
          () => (count.ms += performance.now() - started),
        );
      }
      return result;
    } as typeof pg.Client.prototype.query;
  }

  stop(): StatementCount[] {
    if (this.original) pg.Client.prototype.query = this.original as typeof pg.Client.prototype.query;
    this.original = undefined;
    const counted = [...this.counts.values()].sort((a, b) => b.count - a.count || b.ms - a.ms);
    this.counts.clear();
    return counted;
  }
}
