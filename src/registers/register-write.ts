import type { EntityManager } from 'typeorm';
import type { RegisterColumn } from './register-layout.js';

/** What an import changed, as the caller is answered and the village chain records it. */
export interface ImportSummary {
  rows: number;
  people: { created: number; updated: number; unchanged: number };
  households: { created: number; updated: number };
  roles: { started: number; ended: number };
  members: { entered: number; left: number };
  /** People on the register the file did not list: left as they are. */
  notListed: number;
  /** Lines with no 户号 (a cell merged down from above counts as filled): loaded, but in no household. */
  linesWithoutHousehold: number[];
}

/** One register file being written: where, from which day, what its header has, and the tally so far. */
export interface RegisterWrite {
  db: EntityManager;
  villageId: string;
  /** The day the file's roles and entries hold from. */
  from: string;
  now: Date;
  /** What the file has no column for, it does not say: those facts are left as they are. */
  columns: ReadonlySet<RegisterColumn>;
  summary: ImportSummary;
}
