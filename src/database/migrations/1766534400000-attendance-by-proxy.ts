import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A member who cannot come to the collective's member assembly may send a capable member of their household
 * with a written proxy (委托书, 农村集体经济组织法 第二十七条): they count as present, marked so, and the scanned
 * letters are kept with the meeting.
 */
export class AttendanceByProxy1766534400000 implements MigrationInterface {
  name = 'AttendanceByProxy1766534400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE meeting_attendance ADD COLUMN by_proxy boolean NOT NULL DEFAULT false`);
    await db.query(`ALTER TABLE meeting ADD COLUMN proxy_letters jsonb`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE meeting DROP COLUMN proxy_letters`);
    await db.query(`ALTER TABLE meeting_attendance DROP COLUMN by_proxy`);
  }
}
