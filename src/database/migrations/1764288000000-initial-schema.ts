import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The engine's schema. Tenant tables carry `village_id` and lead their keys and indexes with it, so the
 * schema can be distributed by that column (Citus) when one server is not enough. Reference tables
 * (regions, people, procedures, rule sets) are small and would be replicated to every node.
 */
export class InitialSchema1764288000000 implements MigrationInterface {
  name = 'InitialSchema1764288000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE region (
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('district', 'township', 'village')),
        name text NOT NULL,
        parent_id uuid REFERENCES region (id),
        created_at timestamptz NOT NULL,
        CHECK ((kind = 'district') = (parent_id IS NULL))
      );
      CREATE INDEX region_parent_idx ON region (parent_id);

      CREATE TABLE person (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        phone text,
        created_at timestamptz NOT NULL
      );

      CREATE TABLE account (
        id uuid PRIMARY KEY,
        person_id uuid NOT NULL UNIQUE REFERENCES person (id),
        username text NOT NULL UNIQUE,
        password_hash text NOT NULL,
        disabled_at timestamptz,
        created_at timestamptz NOT NULL
      );

      -- Roles in a village (党组织书记, 两委成员, 党员, 村民代表, 村民, 监督委员会成员), valid over a date range.
      CREATE TABLE membership (
        village_id uuid NOT NULL REFERENCES region (id),
        id uuid NOT NULL,
        person_id uuid NOT NULL REFERENCES person (id),
        role text NOT NULL CHECK (role IN
          ('secretary', 'committee_member', 'party_member', 'representative', 'villager', 'supervisor')),
        vc_chair boolean NOT NULL DEFAULT false,
        supervisor_chair boolean NOT NULL DEFAULT false,
        voting_rights boolean NOT NULL DEFAULT true,
        household text,
        valid_from date NOT NULL,
        valid_to date,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (village_id, id),
        CHECK (valid_to IS NULL OR valid_to >= valid_from)
      );
      CREATE INDEX membership_village_person_idx ON membership (village_id, person_id);
      CREATE INDEX membership_village_role_idx ON membership (village_id, role);
      -- "Which villages is this person in" (at login) cannot lead with village_id; on Citus it fans out.
      CREATE INDEX membership_person_idx ON membership (person_id);

      -- Township and district staff hold posts in a region above the villages.
      CREATE TABLE official_post (
        id uuid PRIMARY KEY,
        region_id uuid NOT NULL REFERENCES region (id),
        person_id uuid NOT NULL REFERENCES person (id),
        role text NOT NULL CHECK (role IN ('township_officer', 'district_admin')),
        valid_from date NOT NULL,
        valid_to date,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX official_post_person_idx ON official_post (person_id);
      CREATE INDEX official_post_region_idx ON official_post (region_id);

      CREATE TABLE app_setting (
        key text PRIMARY KEY,
        value text NOT NULL
      );

      CREATE TABLE procedure_version (
        procedure_id text NOT NULL,
        version integer NOT NULL,
        title text NOT NULL,
        category text NOT NULL,
        definition jsonb NOT NULL,
        content_hash text NOT NULL,
        origin text NOT NULL CHECK (origin IN ('builtin', 'runtime')),
        created_at timestamptz NOT NULL,
        PRIMARY KEY (procedure_id, version)
      );

      CREATE TABLE rule_set (
        code text NOT NULL,
        version integer NOT NULL,
        title text NOT NULL,
        definition jsonb NOT NULL,
        content_hash text NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (code, version)
      );

      CREATE TABLE matter (
        village_id uuid NOT NULL REFERENCES region (id),
        id uuid NOT NULL,
        procedure_id text NOT NULL,
        procedure_version integer NOT NULL,
        title text NOT NULL,
        inputs jsonb NOT NULL,
        snapshot jsonb NOT NULL,
        state text NOT NULL,
        status text NOT NULL CHECK (status IN ('active', 'done')),
        outcome text,
        revision integer NOT NULL,
        created_by uuid NOT NULL REFERENCES person (id),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (village_id, id),
        FOREIGN KEY (procedure_id, procedure_version) REFERENCES procedure_version (procedure_id, version)
      );
      CREATE INDEX matter_village_status_idx ON matter (village_id, status, updated_at DESC);

      -- Every attempted event, accepted or refused; one hash chain per village. Insert only.
      CREATE TABLE trace (
        village_id uuid NOT NULL REFERENCES region (id),
        seq bigint NOT NULL,
        matter_id uuid,
        actor_person_id uuid,
        actor_role text,
        event_type text NOT NULL,
        payload jsonb NOT NULL,
        payload_digest text NOT NULL,
        state_before text,
        state_after text,
        accepted boolean NOT NULL,
        refusal_code text,
        refusal_message text,
        at timestamptz NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL,
        PRIMARY KEY (village_id, seq)
      );
      CREATE INDEX trace_matter_idx ON trace (village_id, matter_id, seq);

      CREATE TABLE trace_head (
        village_id uuid PRIMARY KEY REFERENCES region (id),
        seq bigint NOT NULL,
        hash text NOT NULL
      );

      CREATE FUNCTION trace_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'trace is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$;
      CREATE TRIGGER trace_no_update_or_delete BEFORE UPDATE OR DELETE ON trace
        FOR EACH ROW EXECUTE FUNCTION trace_is_append_only();
      CREATE TRIGGER trace_no_truncate BEFORE TRUNCATE ON trace
        FOR EACH STATEMENT EXECUTE FUNCTION trace_is_append_only();

      CREATE TABLE meeting (
        village_id uuid NOT NULL REFERENCES region (id),
        id uuid NOT NULL,
        matter_id uuid NOT NULL,
        stage text NOT NULL,
        scope_state text NOT NULL,
        opened_in_revision integer NOT NULL,
        body text NOT NULL,
        rule_set_code text NOT NULL,
        rule_set_version integer NOT NULL,
        rule_set jsonb NOT NULL,
        ballot_mode text NOT NULL CHECK (ballot_mode IN ('open', 'secret')),
        held_on date NOT NULL,
        notice_given_on date,
        place text,
        agenda text,
        status text NOT NULL CHECK (status IN ('open', 'closed', 'void')),
        tally jsonb,
        outcome text,
        convened_by uuid NOT NULL REFERENCES person (id),
        created_at timestamptz NOT NULL,
        closed_at timestamptz,
        PRIMARY KEY (village_id, id),
        FOREIGN KEY (village_id, matter_id) REFERENCES matter (village_id, id)
      );
      CREATE INDEX meeting_matter_idx ON meeting (village_id, matter_id, opened_in_revision);

      CREATE TABLE meeting_roster (
        village_id uuid NOT NULL,
        meeting_id uuid NOT NULL,
        person_id uuid NOT NULL REFERENCES person (id),
        entitled boolean NOT NULL,
        household text,
        PRIMARY KEY (village_id, meeting_id, person_id),
        FOREIGN KEY (village_id, meeting_id) REFERENCES meeting (village_id, id)
      );

      -- Members present, and observers sitting in (列席): supervisors, township staff.
      CREATE TABLE meeting_attendance (
        village_id uuid NOT NULL,
        meeting_id uuid NOT NULL,
        person_id uuid NOT NULL REFERENCES person (id),
        kind text NOT NULL CHECK (kind IN ('member', 'observer')),
        observer_role text,
        note text,
        recorded_by uuid NOT NULL REFERENCES person (id),
        recorded_at timestamptz NOT NULL,
        PRIMARY KEY (village_id, meeting_id, person_id),
        FOREIGN KEY (village_id, meeting_id) REFERENCES meeting (village_id, id)
      );

      -- One receipt per voter; in a secret ballot the ballot row carries no person and no time.
      CREATE TABLE ballot_receipt (
        village_id uuid NOT NULL,
        meeting_id uuid NOT NULL,
        person_id uuid NOT NULL REFERENCES person (id),
        PRIMARY KEY (village_id, meeting_id, person_id),
        FOREIGN KEY (village_id, meeting_id) REFERENCES meeting (village_id, id)
      );
      CREATE TABLE ballot (
        village_id uuid NOT NULL,
        meeting_id uuid NOT NULL,
        id uuid NOT NULL,
        choice text NOT NULL CHECK (choice IN ('yes', 'no', 'abstain')),
        person_id uuid REFERENCES person (id),
        recorded_by uuid REFERENCES person (id),
        PRIMARY KEY (village_id, meeting_id, id),
        FOREIGN KEY (village_id, meeting_id) REFERENCES meeting (village_id, id)
      );

      CREATE TABLE disclosure (
        village_id uuid NOT NULL REFERENCES region (id),
        id uuid NOT NULL,
        matter_id uuid NOT NULL,
        kind text NOT NULL,
        scope_state text NOT NULL,
        drafted_in_revision integer NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        status text NOT NULL CHECK (status IN ('awaiting_opinion', 'published', 'ended', 'withdrawn')),
        drafted_by uuid NOT NULL REFERENCES person (id),
        drafted_at timestamptz NOT NULL,
        supervisor_opinion text,
        opinion_by uuid REFERENCES person (id),
        published_at timestamptz,
        period_days integer,
        period_unit text,
        period_ends_at timestamptz,
        ended_at timestamptz,
        PRIMARY KEY (village_id, id),
        FOREIGN KEY (village_id, matter_id) REFERENCES matter (village_id, id)
      );
      CREATE INDEX disclosure_matter_idx ON disclosure (village_id, matter_id, drafted_in_revision);
      CREATE INDEX disclosure_village_status_idx ON disclosure (village_id, status, period_ends_at);

      -- Durable timers: time-driven events delivered by the scheduler through the engine.
      CREATE TABLE timer (
        village_id uuid NOT NULL REFERENCES region (id),
        id uuid NOT NULL,
        matter_id uuid NOT NULL,
        event_type text NOT NULL,
        payload jsonb NOT NULL,
        due_at timestamptz NOT NULL,
        scope_state text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'delivered', 'cancelled', 'refused')),
        created_at timestamptz NOT NULL,
        settled_at timestamptz,
        PRIMARY KEY (village_id, id),
        FOREIGN KEY (village_id, matter_id) REFERENCES matter (village_id, id)
      );
      CREATE INDEX timer_matter_idx ON timer (village_id, matter_id) WHERE status = 'pending';
      -- The scheduler's scan across all villages; on Citus each shard keeps its own.
      CREATE INDEX timer_due_idx ON timer (due_at) WHERE status = 'pending';

      CREATE TABLE idempotency_record (
        village_id uuid NOT NULL REFERENCES region (id),
        account_id uuid NOT NULL,
        key text NOT NULL,
        fingerprint text NOT NULL,
        response_status integer NOT NULL,
        response_body jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (village_id, account_id, key)
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE idempotency_record, timer, disclosure, ballot, ballot_receipt, meeting_attendance,
        meeting_roster, meeting, trace_head, trace, matter, rule_set, procedure_version, app_setting,
        official_post, membership, account, person, region;
      DROP FUNCTION trace_is_append_only();
    `);
  }
}
