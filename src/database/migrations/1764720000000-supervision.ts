import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Supervision: what each matter waits for (inboxes), document requests from the supervisors, and the
 * daily heads of each village's trace chain as published on its public board.
 */
export class Supervision1764720000000 implements MigrationInterface {
  name = 'Supervision1764720000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE matter ADD COLUMN state_since timestamptz, ADD COLUMN awaiting text[];
      UPDATE matter SET state_since = updated_at, awaiting = CASE WHEN status = 'done' THEN '{}'::text[] END;
      ALTER TABLE matter ALTER COLUMN state_since SET NOT NULL;
      -- Running matters of a village waiting for a role: the inbox query.
      CREATE INDEX matter_awaiting_idx ON matter USING gin (awaiting) WHERE status = 'active';

      -- A village's trace by time: the supervision ledger reads a quarter of it.
      CREATE INDEX trace_village_at_idx ON trace (village_id, at);

      CREATE TABLE document_request (
        village_id uuid NOT NULL REFERENCES region (id),
        id uuid NOT NULL,
        matter_id uuid NOT NULL,
        request text NOT NULL,
        requested_by uuid NOT NULL REFERENCES person (id),
        requested_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'answered')),
        answer text,
        attachments uuid[] NOT NULL DEFAULT '{}',
        answered_by uuid REFERENCES person (id),
        answered_at timestamptz,
        PRIMARY KEY (village_id, id),
        FOREIGN KEY (village_id, matter_id) REFERENCES matter (village_id, id)
      );
      CREATE INDEX document_request_matter_idx ON document_request (village_id, matter_id, requested_at);
      CREATE INDEX document_request_open_idx ON document_request (village_id) WHERE status = 'open';

      CREATE TABLE chain_checkpoint (
        village_id uuid NOT NULL REFERENCES region (id),
        day date NOT NULL,
        seq bigint NOT NULL,
        hash text NOT NULL,
        published_at timestamptz NOT NULL,
        PRIMARY KEY (village_id, day)
      );
      -- Published heads are evidence: like the trace itself, they are never changed or removed.
      CREATE FUNCTION chain_checkpoint_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'chain_checkpoint is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$;
      CREATE TRIGGER chain_checkpoint_no_update_or_delete BEFORE UPDATE OR DELETE ON chain_checkpoint
        FOR EACH ROW EXECUTE FUNCTION chain_checkpoint_is_append_only();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE chain_checkpoint;
      DROP FUNCTION chain_checkpoint_is_append_only();
      DROP TABLE document_request;
      DROP INDEX trace_village_at_idx;
      DROP INDEX matter_awaiting_idx;
      ALTER TABLE matter DROP COLUMN awaiting, DROP COLUMN state_since;
    `);
  }
}
