import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Meetings as villages hold them: attendance taken by household or from the sign-in list's counts, and
 * votes counted (a show of hands, or paper ballots with a counter and a scrutineer), each with its scan.
 */
export class CountedMeetings1765152000000 implements MigrationInterface {
  name = 'CountedMeetings1765152000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE meeting ADD COLUMN counted_attendance jsonb, ADD COLUMN vote_count jsonb`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE meeting DROP COLUMN counted_attendance, DROP COLUMN vote_count`);
  }
}
