import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Power lists as versioned documents: a district's base list and each village's own list (its X items,
 * parameter overrides, retired items, who is responsible for what). A matter keeps the list version and
 * the parameters it started under, so it finishes as it began.
 */
export class PowerLists1764806400000 implements MigrationInterface {
  name = 'PowerLists1764806400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE list_version (
        scope_id uuid NOT NULL REFERENCES region (id),
        version integer NOT NULL CHECK (version > 0),
        kind text NOT NULL CHECK (kind IN ('base', 'village')),
        effective_from date NOT NULL,
        document jsonb NOT NULL,
        content_hash text NOT NULL,
        reason text NOT NULL,
        matter_id uuid,
        published_at timestamptz NOT NULL,
        PRIMARY KEY (scope_id, version)
      );
      CREATE INDEX list_version_effective_idx ON list_version (scope_id, effective_from DESC, version DESC);
      -- A published list is a public document: later changes are new versions, never edits.
      CREATE FUNCTION list_version_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'list_version is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$;
      CREATE TRIGGER list_version_no_update_or_delete BEFORE UPDATE OR DELETE ON list_version
        FOR EACH ROW EXECUTE FUNCTION list_version_is_append_only();

      ALTER TABLE matter
        ADD COLUMN parameters jsonb NOT NULL DEFAULT '{}'::jsonb,
        ADD COLUMN list_version integer;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE matter DROP COLUMN list_version, DROP COLUMN parameters;
      DROP TABLE list_version;
      DROP FUNCTION list_version_is_append_only();
    `);
  }
}
