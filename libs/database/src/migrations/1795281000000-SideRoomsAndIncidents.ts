import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Crisis tools during a session: a private side room for one facilitator and one member (the
 * LiveKit room is `side-<id>`, so no name reaches the video server), and the incident record,
 * which is append-only: the database refuses an UPDATE and a DELETE (a correction is a new
 * incident that references the first). The only deletes are the retention purge of an
 * incident about an erased person, once the organization's retention has ended, and the
 * session's own deletion. People are bare ids, so rows outlive an account for that period.
 */
export class SideRoomsAndIncidents1795281000000 implements MigrationInterface {
  name = 'SideRoomsAndIncidents1795281000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "side_rooms" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "session_id" uuid NOT NULL,
      "facilitator_id" uuid NOT NULL,
      "user_id" uuid NOT NULL,
      "created_at" timestamptz NOT NULL,
      "joined_at" timestamptz,
      "declined_at" timestamptz,
      "closed_at" timestamptz,
      CONSTRAINT "side_rooms_pkey" PRIMARY KEY ("id"),
      CONSTRAINT "side_rooms_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE
    )`);
    // One open side room per member and session: inviting twice finds the first.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "side_rooms_session_id_user_id_open_key" ON "side_rooms" ("session_id", "user_id") WHERE "closed_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "side_rooms_user_id_created_at_idx" ON "side_rooms" ("user_id", "created_at")`,
    );

    await queryRunner.query(`CREATE TABLE "incidents" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "session_id" uuid NOT NULL,
      "subject_user_id" uuid,
      "kind" text NOT NULL,
      "description" text NOT NULL,
      "actions_taken" text NOT NULL,
      "corrects_id" uuid,
      "reported_by_id" uuid NOT NULL,
      "created_at" timestamptz NOT NULL,
      CONSTRAINT "incidents_pkey" PRIMARY KEY ("id"),
      CONSTRAINT "incidents_kind_check" CHECK ("kind" IN ('safety', 'conduct', 'technical', 'other')),
      CONSTRAINT "incidents_description_length_check" CHECK (char_length("description") BETWEEN 1 AND 8000),
      CONSTRAINT "incidents_actions_taken_length_check" CHECK (char_length("actions_taken") <= 8000),
      CONSTRAINT "incidents_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE,
      CONSTRAINT "incidents_corrects_id_fkey" FOREIGN KEY ("corrects_id") REFERENCES "incidents"("id") ON DELETE SET NULL
    )`);
    await queryRunner.query(
      `CREATE INDEX "incidents_session_id_created_at_idx" ON "incidents" ("session_id", "created_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "incidents_subject_user_id_idx" ON "incidents" ("subject_user_id")`,
    );
    // A correction of a purged incident about someone else stays, pointing at nothing: the
    // foreign key's SET NULL is the one update allowed.
    await queryRunner.query(`CREATE FUNCTION "incidents_append_only"() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND (
          NOT EXISTS (SELECT 1 FROM sessions WHERE id = OLD.session_id)
          OR EXISTS (
            SELECT 1 FROM users u, sessions s, groups g, organizations o
            WHERE u.id = OLD.subject_user_id AND s.id = OLD.session_id AND g.id = s.group_id
              AND o.id = g.organization_id AND u.erased_at IS NOT NULL
              AND u.erased_at + make_interval(days => o.clinical_retention_days) <= now())) THEN
          RETURN OLD;
        END IF;
        IF TG_OP = 'UPDATE' AND OLD.corrects_id IS NOT NULL AND NEW.corrects_id IS NULL
          AND (NEW.id, NEW.session_id, NEW.subject_user_id, NEW.kind, NEW.description,
            NEW.actions_taken, NEW.reported_by_id, NEW.created_at)
            IS NOT DISTINCT FROM (OLD.id, OLD.session_id, OLD.subject_user_id, OLD.kind,
            OLD.description, OLD.actions_taken, OLD.reported_by_id, OLD.created_at)
          AND NOT EXISTS (SELECT 1 FROM incidents WHERE id = OLD.corrects_id) THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'incidents are append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "incidents_append_only"
      BEFORE UPDATE OR DELETE ON "incidents"
      FOR EACH ROW EXECUTE FUNCTION "incidents_append_only"()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "incidents"`);
    await queryRunner.query(`DROP FUNCTION "incidents_append_only"()`);
    await queryRunner.query(`DROP TABLE "side_rooms"`);
  }
}
