import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Crisis tools during a session: a private side room for one facilitator and one member (the
 * LiveKit room is `side-<id>`, so no name reaches the video server), and the incident record,
 * which is append-only: the database refuses an UPDATE (a correction is a new incident that
 * references the first). Deletes stay possible for the session's own deletion and the
 * clinical retention purge. People are bare ids, so rows outlive an account for that period.
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
      CONSTRAINT "incidents_corrects_id_fkey" FOREIGN KEY ("corrects_id") REFERENCES "incidents"("id") ON DELETE CASCADE
    )`);
    await queryRunner.query(
      `CREATE INDEX "incidents_session_id_created_at_idx" ON "incidents" ("session_id", "created_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "incidents_subject_user_id_idx" ON "incidents" ("subject_user_id")`,
    );
    await queryRunner.query(`CREATE FUNCTION "incidents_append_only"() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'incidents are append-only: UPDATE refused' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "incidents_append_only"
      BEFORE UPDATE ON "incidents"
      FOR EACH ROW EXECUTE FUNCTION "incidents_append_only"()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "incidents"`);
    await queryRunner.query(`DROP FUNCTION "incidents_append_only"()`);
    await queryRunner.query(`DROP TABLE "side_rooms"`);
  }
}
