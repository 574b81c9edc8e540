import type { MigrationInterface, QueryRunner } from 'typeorm';

type Entry = [date: string, kind: 'holiday' | 'workday', name: string];

const span = (from: string, to: string, name: string): Entry[] => {
  const entries: Entry[] = [];
  for (
    let day = new Date(`${from}T00:00:00Z`);
    day <= new Date(`${to}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() + 1)
  ) {
    entries.push([day.toISOString().slice(0, 10), 'holiday', name]);
  }
  return entries;
};

/** 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）. */
const Y2025: Entry[] = [
  ...span('2025-01-01', '2025-01-01', '元旦'),
  ...span('2025-01-28', '2025-02-04', '春节'),
  ['2025-01-26', 'workday', '春节调休上班'],
  ['2025-02-08', 'workday', '春节调休上班'],
  ...span('2025-04-04', '2025-04-06', '清明节'),
  ...span('2025-05-01', '2025-05-05', '劳动节'),
  ['2025-04-27', 'workday', '劳动节调休上班'],
  ...span('2025-05-31', '2025-06-02', '端午节'),
  ...span('2025-10-01', '2025-10-08', '国庆节、中秋节'),
  ['2025-09-28', 'workday', '国庆节调休上班'],
  ['2025-10-11', 'workday', '国庆节调休上班'],
];

/** 国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）. */
const Y2026: Entry[] = [
  ...span('2026-01-01', '2026-01-03', '元旦'),
  ['2026-01-04', 'workday', '元旦调休上班'],
  ...span('2026-02-15', '2026-02-23', '春节'),
  ['2026-02-14', 'workday', '春节调休上班'],
  ['2026-02-28', 'workday', '春节调休上班'],
  ...span('2026-04-04', '2026-04-06', '清明节'),
  ...span('2026-05-01', '2026-05-05', '劳动节'),
  ['2026-05-09', 'workday', '劳动节调休上班'],
  ...span('2026-06-19', '2026-06-21', '端午节'),
  ...span('2026-09-25', '2026-09-27', '中秋节'),
  ...span('2026-10-01', '2026-10-07', '国庆节'),
  ['2026-09-20', 'workday', '国庆节调休上班'],
  ['2026-10-10', 'workday', '国庆节调休上班'],
];

/**
 * 2027 had not been announced when this was written: the holidays follow the 2024 rules (春节 8 days from
 * 除夕, 劳动节 5, 国庆 7, the others 3 or the day itself when it falls on a Wednesday); adjusted working
 * days are unknown. Marked provisional; replace with the State Council's notice when it is published.
 */
const Y2027: Entry[] = [
  ...span('2027-01-01', '2027-01-03', '元旦'),
  ...span('2027-02-05', '2027-02-12', '春节'),
  ...span('2027-04-03', '2027-04-05', '清明节'),
  ...span('2027-05-01', '2027-05-05', '劳动节'),
  ...span('2027-06-09', '2027-06-09', '端午节'),
  ...span('2027-09-15', '2027-09-15', '中秋节'),
  ...span('2027-10-01', '2027-10-07', '国庆节'),
];

/**
 * The working-day calendar as data: national statutory holidays and adjusted working days (调休), plus
 * entries a district adds for itself (region_id set).
 */
export class Calendar1764460800000 implements MigrationInterface {
  name = 'Calendar1764460800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE calendar_day (
        id uuid PRIMARY KEY,
        region_id uuid REFERENCES region (id),
        date date NOT NULL,
        kind text NOT NULL CHECK (kind IN ('holiday', 'workday')),
        name text NOT NULL,
        provisional boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL
      );
      CREATE UNIQUE INDEX calendar_day_region_date_idx
        ON calendar_day (COALESCE(region_id, '00000000-0000-0000-0000-000000000000'::uuid), date);
    `);
    const rows = [
      ...Y2025.map((entry) => [...entry, false] as const),
      ...Y2026.map((entry) => [...entry, false] as const),
      ...Y2027.map((entry) => [...entry, true] as const),
    ];
    for (const [date, kind, name, provisional] of rows) {
      await db.query(
        `INSERT INTO calendar_day (id, region_id, date, kind, name, provisional, created_at)
         VALUES (gen_random_uuid(), NULL, $1, $2, $3, $4, now())`,
        [date, kind, name, provisional],
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE calendar_day');
  }
}
