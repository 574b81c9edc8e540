import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A show of hands the clerk recorded voter by voter counts only once someone else at the meeting, a
 * scrutineer (监票人), confirms the record: one clerk must not be able to write a whole vote in others'
 * names. The confirmation is the meeting's, like a counted vote's.
 */
export class RecordedBallotsConfirmation1766102400000 implements MigrationInterface {
  name = 'RecordedBallotsConfirmation1766102400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE meeting ADD COLUMN recorded_ballots_confirmation jsonb`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE meeting DROP COLUMN recorded_ballots_confirmation`);
  }
}
