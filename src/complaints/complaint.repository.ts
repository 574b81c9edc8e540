import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ComplaintSubject } from '../../workflows/index.js';
import type { EvidenceRef } from './evidence-file.js';
import { ComplaintEntity } from './complaint.entity.js';

/**
 * A complaint as its handlers list it: with the complainant's name, which only they may read, and what it
 * names (the cadre, the disclosure's or the matter's title).
 */
export type HandledComplaint = ComplaintEntity & {
  complainantName: string | null;
  subjectName: string | null;
};

/** Cadres a complaint may name: the village's two committees (a villager is not a power holder). */
const CADRE_ROLES = ['secretary', 'committee_member'];

@Injectable()
export class ComplaintRepository {
  async insert(db: EntityManager, complaint: ComplaintEntity): Promise<void> {
    await db.insert(ComplaintEntity, complaint);
  }

  byReceipt(db: EntityManager, villageId: string, receiptHash: string, lock = false) {
    return db.findOne(ComplaintEntity, {
      where: { villageId, receiptHash },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  byId(db: EntityManager, villageId: string, id: string, lock = false) {
    return db.findOne(ComplaintEntity, {
      where: { villageId, id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  async update(
    db: EntityManager,
    complaint: ComplaintEntity,
    changes: Partial<ComplaintEntity>,
  ): Promise<ComplaintEntity> {
    await db.update(ComplaintEntity, { villageId: complaint.villageId, id: complaint.id }, changes);
    return { ...complaint, ...changes };
  }

  /** A file added to a complaint: its content apart, what it is listed on the complaint. */
  async addEvidence(
    db: EntityManager,
    complaint: ComplaintEntity,
    file: { ref: EvidenceRef; content: Buffer },
  ): Promise<ComplaintEntity> {
    await db.query(
      `INSERT INTO complaint_evidence (village_id, id, complaint_id, content) VALUES ($1, $2, $3, $4)`,
      [complaint.villageId, file.ref.id, complaint.id, file.content],
    );
    return this.update(db, complaint, { evidence: [...complaint.evidence, file.ref] });
  }

  async evidenceContent(db: EntityManager, villageId: string, complaintId: string, id: string) {
    const rows = await db.query<{ content: Buffer }[]>(
      `SELECT content FROM complaint_evidence WHERE village_id = $1 AND complaint_id = $2 AND id = $3`,
      [villageId, complaintId, id],
    );
    return rows[0]?.content ?? null;
  }

  /** Whether the matter, disclosure or cadre a complaint names is one of the village's. */
  async subjectExists(
    db: EntityManager,
    villageId: string,
    subject: ComplaintSubject,
    subjectId: string,
  ): Promise<boolean> {
    const sql = {
      matter: `SELECT 1 FROM matter WHERE village_id = $1 AND id = $2`,
      disclosure: `SELECT 1 FROM disclosure WHERE village_id = $1 AND id = $2`,
      cadre: `SELECT 1 FROM membership WHERE village_id = $1 AND person_id = $2 AND role = ANY($3)`,
    }[subject as 'matter' | 'disclosure' | 'cadre'];
    const params = subject === 'cadre' ? [villageId, subjectId, CADRE_ROLES] : [villageId, subjectId];
    return (await db.query<unknown[]>(sql, params)).length > 0;
  }

  /** Whether the matter is a running rectification (S1) of the village, which an answer may point to. */
  async isRectification(db: EntityManager, villageId: string, matterId: string): Promise<boolean> {
    const rows = await db.query<unknown[]>(
      `SELECT 1 FROM matter WHERE village_id = $1 AND id = $2 AND procedure_id = 'S1' AND status = 'active'`,
      [villageId, matterId],
    );
    return rows.length > 0;
  }

  async ofVillages(db: EntityManager, villageIds: string[]): Promise<HandledComplaint[]> {
    if (villageIds.length === 0) return [];
    const rows = await db
      .createQueryBuilder(ComplaintEntity, 'c')
      .leftJoin('person', 'p', 'p.id = c.complainant_person_id')
      .addSelect('p.name', 'complainant_name')
      .leftJoin('person', 'cadre', "c.subject = 'cadre' AND cadre.id = c.subject_id")
      .leftJoin(
        'disclosure',
        'd',
        "c.subject = 'disclosure' AND d.village_id = c.village_id AND d.id = c.subject_id",
      )
      .leftJoin('matter', 'm', "c.subject = 'matter' AND m.village_id = c.village_id AND m.id = c.subject_id")
      .addSelect('COALESCE(cadre.name, d.title, m.title)', 'subject_name')
      .where('c.village_id IN (:...villageIds)', { villageIds })
      .orderBy('c.filed_at', 'DESC')
      .getRawAndEntities<{ complainant_name: string | null; subject_name: string | null }>();
    return rows.entities.map((entity, index) => ({
      ...entity,
      complainantName: rows.raw[index].complainant_name,
      subjectName: rows.raw[index].subject_name,
    }));
  }

  /** The village's cadres by name and post, whom a villager may name in a complaint (public, as 责任清单). */
  cadresOf(db: EntityManager, villageId: string, onDate: string) {
    return db.query<{ id: string; name: string; role: string }[]>(
      `SELECT DISTINCT ON (p.id) p.id, p.name, m.role
         FROM membership m JOIN person p ON p.id = m.person_id
        WHERE m.village_id = $1 AND m.role = ANY($2)
          AND m.valid_from <= $3 AND (m.valid_to IS NULL OR m.valid_to >= $3)
        ORDER BY p.id, m.role DESC`,
      [villageId, CADRE_ROLES, onDate],
    );
  }

  /** Rectifications (S1) running in the villages, which an answer may point to. */
  rectificationsOf(db: EntityManager, villageIds: string[]) {
    if (villageIds.length === 0) return Promise.resolve([]);
    return db.query<{ village_id: string; id: string; title: string }[]>(
      `SELECT village_id, id, title FROM matter
        WHERE village_id = ANY($1) AND procedure_id = 'S1' AND status = 'active'
        ORDER BY created_at DESC`,
      [villageIds],
    );
  }
}
