import { Injectable } from '@nestjs/common';
import type { AppraisalResult } from '../meetings/appraisal.js';
import type { EntityManager } from 'typeorm';

export interface BoardDisclosure {
  id: string;
  matterId: string;
  matterTitle: string;
  procedureId: string;
  kind: string;
  title: string;
  body: string;
  status: 'published' | 'ended';
  channels: string[];
  attachments: { id: string; filename: string; mediaType: string; size: number; sha256: string }[];
  supervisorOpinion: string | null;
  publishedAt: Date;
  periodEndsAt: Date | null;
  endedAt: Date | null;
  openObjections: number;
}

export interface BoardDecision {
  matterId: string;
  matterTitle: string;
  stage: string;
  body: string;
  ruleSet: string;
  heldOn: string;
  yes: number;
  present: number;
}

const DISCLOSURE_COLUMNS = `
  d.id, d.matter_id AS "matterId", m.title AS "matterTitle", m.procedure_id AS "procedureId", d.kind, d.title,
  d.body, d.status, d.channels, d.attachments, d.supervisor_opinion AS "supervisorOpinion",
  d.published_at AS "publishedAt", d.period_ends_at AS "periodEndsAt", d.ended_at AS "endedAt",
  (SELECT count(*)::int FROM disclosure_objection o
    WHERE o.village_id = d.village_id AND o.disclosure_id = d.id AND o.status = 'open') AS "openObjections"`;

export interface PublicMeeting {
  id: string;
  body: string;
  heldOn: string;
  ballotMode: 'open' | 'secret';
  outcome: string;
  counts: Record<string, number>;
  ruleSet: string;
  /** A 民主测评's rates, computed by the server; who rated whom is never recorded. */
  appraisal: AppraisalResult | null;
}

export interface PublicObjection {
  disclosureId: string;
  content: string;
  status: string;
  answer: string | null;
  filedAt: Date;
}

/** What the public board reads: published disclosures and the decisions taken, per village. */
@Injectable()
export class PublicBoardRepository {
  villages(db: EntityManager): Promise<{ id: string; name: string; township: string; district: string }[]> {
    return db.query(
      `SELECT v.id, v.name, t.name AS township, d.name AS district
       FROM region v JOIN region t ON t.id = v.parent_id JOIN region d ON d.id = t.parent_id
       WHERE v.kind = 'village' ORDER BY d.name, t.name, v.name`,
    );
  }

  disclosures(
    db: EntityManager,
    villageId: string,
    filter: {
      statuses: ('published' | 'ended')[];
      publishedFrom?: Date;
      publishedTo?: Date;
      matterId?: string;
      limit: number;
    },
  ): Promise<BoardDisclosure[]> {
    return db.query(
      `SELECT ${DISCLOSURE_COLUMNS}
       FROM disclosure d JOIN matter m ON m.village_id = d.village_id AND m.id = d.matter_id
       WHERE d.village_id = $1 AND d.status = ANY($2)
         AND ($3::timestamptz IS NULL OR d.published_at >= $3) AND ($4::timestamptz IS NULL OR d.published_at < $4)
         AND ($6::uuid IS NULL OR d.matter_id = $6)
       ORDER BY d.published_at DESC LIMIT $5`,
      [
        villageId,
        filter.statuses,
        filter.publishedFrom ?? null,
        filter.publishedTo ?? null,
        filter.limit,
        filter.matterId ?? null,
      ],
    );
  }

  /**
   * Votes passed in a month: the decisions a bulletin reports, of matters that have a public page (a
   * disclosure published). A decision's own disclosure (决议公开) is the procedure's step: the bulletin
   * neither comes before it nor names a matter the board does not show.
   */
  decisions(db: EntityManager, villageId: string, from: Date, to: Date): Promise<BoardDecision[]> {
    return db.query(
      `SELECT g.matter_id AS "matterId", m.title AS "matterTitle", g.stage, g.body, g.rule_set->>'title' AS "ruleSet",
              g.held_on AS "heldOn", (g.tally->'counts'->>'yes')::int AS yes, (g.tally->'counts'->>'present')::int AS present
       FROM meeting g JOIN matter m ON m.village_id = g.village_id AND m.id = g.matter_id
       WHERE g.village_id = $1 AND g.status = 'closed' AND g.outcome = 'passed' AND g.closed_at >= $2 AND g.closed_at < $3
         AND EXISTS (SELECT 1 FROM disclosure d WHERE d.village_id = g.village_id AND d.matter_id = g.matter_id
                       AND d.status IN ('published', 'ended'))
       ORDER BY g.closed_at`,
      [villageId, from, to],
    );
  }

  /**
   * A matter's closed votes as the public record shows them: the body, the day, the counts the server
   * computed and the outcome. Counts only: who voted what is never public.
   */
  meetingsOfMatter(db: EntityManager, villageId: string, matterId: string): Promise<PublicMeeting[]> {
    return db.query(
      `SELECT g.id, g.body, g.held_on AS "heldOn", g.ballot_mode AS "ballotMode", g.outcome,
              g.tally->'counts' AS counts, g.rule_set->>'title' AS "ruleSet",
              g.appraisal->'result' AS appraisal
       FROM meeting g
       WHERE g.village_id = $1 AND g.matter_id = $2 AND g.status = 'closed' AND g.tally IS NOT NULL
       ORDER BY g.closed_at`,
      [villageId, matterId],
    );
  }

  /** Villagers' objections to a matter's disclosures and their answers; who objected is not public. */
  objectionsOfMatter(db: EntityManager, villageId: string, matterId: string): Promise<PublicObjection[]> {
    return db.query(
      `SELECT o.disclosure_id AS "disclosureId", o.content, o.status, o.answer, o.filed_at AS "filedAt"
       FROM disclosure_objection o
       WHERE o.village_id = $1 AND o.matter_id = $2
       ORDER BY o.filed_at`,
      [villageId, matterId],
    );
  }

  /** Whether an attachment belongs to something public (a published or ended disclosure). */
  async isPublicAttachment(db: EntityManager, villageId: string, attachmentId: string): Promise<boolean> {
    const rows: unknown[] = await db.query(
      `SELECT 1 FROM disclosure WHERE village_id = $1 AND status IN ('published', 'ended')
         AND attachments @> jsonb_build_array(jsonb_build_object('id', $2::text)) LIMIT 1`,
      [villageId, attachmentId],
    );
    return rows.length > 0;
  }
}
