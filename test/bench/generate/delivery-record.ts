import type pg from 'pg';

/**
 * Bench instrumentation in the bench's own database (not part of the app): every change of a timer's
 * status is recorded with the connection's application_name, which names the app process that made it.
 * A timer settled twice would show as two settling rows; a rolled-back delivery leaves none.
 */
export async function recordTimerSettlements(client: pg.ClientBase): Promise<void> {
  await client.query(`
    CREATE TABLE bench_timer_change (
      village_id uuid NOT NULL,
      timer_id uuid NOT NULL,
      old_status text NOT NULL,
      new_status text NOT NULL,
      by_process text NOT NULL,
      xid bigint NOT NULL DEFAULT txid_current(),
      at timestamptz NOT NULL DEFAULT clock_timestamp()
    );
    CREATE FUNCTION bench_record_timer_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO bench_timer_change (village_id, timer_id, old_status, new_status, by_process)
      VALUES (NEW.village_id, NEW.id, OLD.status, NEW.status, current_setting('application_name'));
      RETURN NEW;
    END
    $$;
    CREATE TRIGGER bench_record_timer_change AFTER UPDATE OF status ON timer
      FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION bench_record_timer_change();
  `);
}
