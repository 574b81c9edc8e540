import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { STEP_DEADLINE } from '../disclosure/obligation.repository.js';
import type { AppraisalResult } from '../meetings/appraisal.js';

export interface Range {
  from: Date;
  to: Date;
}

type CountRow = { village_id: string; count: string | number } & Record<string, unknown>;

/** Per-village counts for the township's and district's comparison, one grouped query per subject. */
@Injectable()
export class OverviewRepository {
  /** Matters running at some time in the range, by status and by whether they are problems (S1). */
  matters(db: EntityManager, villageIds: string[], range: Range, problemProcedures: string[]) {
    return db.query<(CountRow & { status: string; outcome: string | null; problem: boolean })[]>(
      `SELECT village_id, status, outcome, procedure_id = ANY($4) AS problem, count(*) AS count
         FROM matter
        WHERE village_id = ANY($1) AND created_at < $3 AND (status = 'active' OR updated_at >= $2)
        GROUP BY village_id, status, outcome, problem`,
      [villageIds, range.from, range.to, problemProcedures],
    );
  }

  /**
   * Complaints about the villages: filed, answered (and the days it took), rated and rated satisfied in
   * the range, and those past their step's time limit now. Counts only: nobody's complaint is named here.
   */
  complaints(db: EntityManager, villageIds: string[], range: Range, now: Date, satisfied: string[]) {
    return db.query<
      {
        village_id: string;
        filed: number;
        answered: number;
        answer_days: number;
        overdue_now: number;
        rated: number;
        satisfied: number;
      }[]
    >(
      `SELECT village_id,
              count(*) FILTER (WHERE filed_at >= $2 AND filed_at < $3)::int AS filed,
              count(*) FILTER (WHERE answered_at >= $2 AND answered_at < $3)::int AS answered,
              COALESCE(sum(extract(epoch FROM answered_at - filed_at) / 86400)
                FILTER (WHERE answered_at >= $2 AND answered_at < $3), 0)::float8 AS answer_days,
              count(*) FILTER (WHERE (status = 'filed' AND acknowledge_by <= $4)
                OR (status = 'acknowledged' AND answer_by <= $4)
                OR (status = 'inReview' AND review_by <= $4))::int AS overdue_now,
              count(*) FILTER (WHERE rated_at >= $2 AND rated_at < $3)::int AS rated,
              count(*) FILTER (WHERE rated_at >= $2 AND rated_at < $3 AND rating = ANY($5))::int AS satisfied
         FROM complaint
        WHERE village_id = ANY($1)
        GROUP BY village_id`,
      [villageIds, range.from, range.to, now, satisfied],
    );
  }

  /** Complaints filed in the range by what they are about (matter, disclosure, cadre, unpublished, other). */
  complaintKinds(db: EntityManager, villageIds: string[], range: Range) {
    return db.query<{ village_id: string; subject: string; filed: number }[]>(
      `SELECT village_id, subject, count(*)::int AS filed
         FROM complaint
        WHERE village_id = ANY($1) AND filed_at >= $2 AND filed_at < $3
        GROUP BY village_id, subject`,
      [villageIds, range.from, range.to],
    );
  }

  /** Each village's last 民主测评 counted in the range: its day and the rates the server computed. */
  appraisals(db: EntityManager, villageIds: string[], range: Range) {
    return db.query<{ village_id: string; held_on: string; result: AppraisalResult }[]>(
      `SELECT DISTINCT ON (village_id) village_id, held_on::text AS held_on, appraisal->'result' AS result
         FROM meeting
        WHERE village_id = ANY($1) AND appraisal IS NOT NULL AND status = 'closed' AND outcome = 'counted'
          AND closed_at >= $2 AND closed_at < $3
        ORDER BY village_id, closed_at DESC`,
      [villageIds, range.from, range.to],
    );
  }

  /** Obligations due in the range: step time limits and disclosures, by status and lateness. */
  obligations(db: EntityManager, villageIds: string[], range: Range) {
    return db.query<(CountRow & { step: boolean; status: string; late: boolean })[]>(
      `SELECT village_id, kind = $4 AS step, status, COALESCE(fulfilled_at > due_at, false) AS late,
              count(*) AS count
         FROM obligation
        WHERE village_id = ANY($1) AND due_at >= $2 AND due_at < $3 AND status <> 'cancelled'
        GROUP BY village_id, step, status, late`,
      [villageIds, range.from, range.to, STEP_DEADLINE],
    );
  }

  /** Accepted acts of the given kinds in the range (e.g. the supervisors' and villagers' objections). */
  acts(db: EntityManager, villageIds: string[], range: Range, eventTypes: string[]) {
    return db.query<(CountRow & { event_type: string })[]>(
      `SELECT village_id, event_type, count(*) AS count
         FROM trace
        WHERE village_id = ANY($1) AND at >= $2 AND at < $3 AND accepted AND event_type = ANY($4)
        GROUP BY village_id, event_type`,
      [villageIds, range.from, range.to, eventTypes],
    );
  }
}
