import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Session notes: one group note and one note per member for each session, drafts until a
 * facilitator signs the session's notes. Signing locks them: the database refuses any change to
 * a signed session's notes (a trigger), and later text goes in dated addenda. People are bare
 * ids, so notes outlive an account for the clinical retention period.
 */
export class SessionNotes1795276000000 implements MigrationInterface {
  name = 'SessionNotes1795276000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "session_notes" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "session_id" uuid NOT NULL,
      "subject_user_id" uuid,
      "content" text NOT NULL,
      "updated_by_id" uuid NOT NULL,
      "updated_at" timestamptz NOT NULL,
      CONSTRAINT "session_notes_pkey" PRIMARY KEY ("id"),
      CONSTRAINT "session_notes_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE
    )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "session_notes_group_note_key" ON "session_notes" ("session_id") WHERE "subject_user_id" IS NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "session_notes_member_note_key" ON "session_notes" ("session_id", "subject_user_id") WHERE "subject_user_id" IS NOT NULL`,
    );
    await queryRunner.query(`CREATE TABLE "session_note_signatures" (
      "session_id" uuid NOT NULL,
      "signed_by_id" uuid NOT NULL,
      "signed_at" timestamptz NOT NULL,
      CONSTRAINT "session_note_signatures_pkey" PRIMARY KEY ("session_id"),
      CONSTRAINT "session_note_signatures_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE
    )`);
    await queryRunner.query(`CREATE TABLE "note_addenda" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "session_id" uuid NOT NULL,
      "subject_user_id" uuid,
      "content" text NOT NULL,
      "author_id" uuid NOT NULL,
      "created_at" timestamptz NOT NULL,
      CONSTRAINT "note_addenda_pkey" PRIMARY KEY ("id"),
      CONSTRAINT "note_addenda_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE
    )`);
    await queryRunner.query(
      `CREATE INDEX "note_addenda_session_id_created_at_idx" ON "note_addenda" ("session_id", "created_at")`,
    );
    await queryRunner.query(`CREATE FUNCTION "session_notes_locked_once_signed"() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM session_note_signatures
          WHERE session_id = COALESCE(NEW.session_id, OLD.session_id)) THEN
          RAISE EXCEPTION 'session notes are signed: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN COALESCE(NEW, OLD);
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "session_notes_locked_once_signed"
      BEFORE INSERT OR UPDATE OR DELETE ON "session_notes"
      FOR EACH ROW EXECUTE FUNCTION "session_notes_locked_once_signed"()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "note_addenda"`);
    await queryRunner.query(`DROP TABLE "session_note_signatures"`);
    await queryRunner.query(`DROP TABLE "session_notes"`);
    await queryRunner.query(`DROP FUNCTION "session_notes_locked_once_signed"()`);
  }
}
