import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MembershipEntity } from './membership.entity.js';
import { OfficialPostEntity } from './official-post.entity.js';
import { VALID_ON } from './person-standing.js';

@Injectable()
export class MembershipRepository {
  async insert(db: EntityManager, membership: MembershipEntity): Promise<void> {
    await db.insert(MembershipEntity, membership);
  }

  findById(db: EntityManager, villageId: string, id: string): Promise<MembershipEntity | null> {
    return db.findOneBy(MembershipEntity, { villageId, id });
  }

  /** A party member's vote and probation, as the register now records them. */
  async updatePartyStanding(
    db: EntityManager,
    villageId: string,
    id: string,
    standing: Pick<MembershipEntity, 'votingRights' | 'probationUntil'>,
  ): Promise<void> {
    await db.update(MembershipEntity, { villageId, id }, standing);
  }

  async end(db: EntityManager, villageId: string, id: string, validTo: string): Promise<void> {
    await db.update(MembershipEntity, { villageId, id }, { validTo });
  }

  /** Everyone's memberships in a village on a date: rosters and member lists are built from these. */
  async validInVillage(db: EntityManager, villageId: string, onDate: string): Promise<MembershipEntity[]> {
    const rows: MembershipEntity[] = await db
      .createQueryBuilder(MembershipEntity, 'm')
      .where('m.village_id = :villageId', { villageId })
      .andWhere('m.valid_from <= :onDate AND (m.valid_to IS NULL OR m.valid_to >= :onDate)', { onDate })
      .orderBy('m.created_at', 'ASC')
      .getMany();
    return rows;
  }

  /**
   * Roles held on `onDate` or begun after it: a register loaded from an earlier date finds a role that
   * begins later and moves its start, instead of giving the role a second time.
   */
  async heldOnOrAfter(db: EntityManager, villageId: string, onDate: string): Promise<MembershipEntity[]> {
    return db
      .createQueryBuilder(MembershipEntity, 'm')
      .where('m.village_id = :villageId', { villageId })
      .andWhere('(m.valid_to IS NULL OR m.valid_to >= :onDate)', { onDate })
      .orderBy('m.valid_from', 'ASC')
      .getMany();
  }

  /** A role found to have begun earlier than recorded (an official's 补登). */
  async moveStart(db: EntityManager, villageId: string, id: string, validFrom: string): Promise<void> {
    await db.update(MembershipEntity, { villageId, id }, { validFrom });
  }

  async validForPerson(
    db: EntityManager,
    villageId: string,
    personId: string,
    onDate: string,
  ): Promise<MembershipEntity[]> {
    return db
      .createQueryBuilder(MembershipEntity, 'm')
      .where('m.village_id = :villageId AND m.person_id = :personId', { villageId, personId })
      .andWhere('m.valid_from <= :onDate AND (m.valid_to IS NULL OR m.valid_to >= :onDate)', { onDate })
      .getMany();
  }

  async villagesOf(db: EntityManager, personId: string, onDate: string): Promise<string[]> {
    const rows: { village_id: string }[] = await db.query(
      `SELECT DISTINCT village_id FROM membership WHERE person_id = $1 AND ${VALID_ON}`,
      [personId, onDate],
    );
    return rows.map((row) => row.village_id);
  }

  async insertPost(db: EntityManager, post: OfficialPostEntity): Promise<void> {
    await db.insert(OfficialPostEntity, post);
  }

  async postsOf(db: EntityManager, personId: string, onDate: string): Promise<OfficialPostEntity[]> {
    return db
      .createQueryBuilder(OfficialPostEntity, 'p')
      .where('p.person_id = :personId', { personId })
      .andWhere('p.valid_from <= :onDate AND (p.valid_to IS NULL OR p.valid_to >= :onDate)', { onDate })
      .getMany();
  }

  /** Posts in the township or district above a village, held on a date. */
  async postsOver(
    db: EntityManager,
    personId: string,
    regionIds: string[],
    onDate: string,
  ): Promise<OfficialPostEntity[]> {
    return db
      .createQueryBuilder(OfficialPostEntity, 'p')
      .where('p.person_id = :personId AND p.region_id IN (:...regionIds)', { personId, regionIds })
      .andWhere('p.valid_from <= :onDate AND (p.valid_to IS NULL OR p.valid_to >= :onDate)', { onDate })
      .getMany();
  }
}
