import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Data rights (docs/privacy.md). An erased account keeps its row, so the records others hold
 * (attendance counts, notes they signed) still point somewhere, but loses its e-mail and password
 * at once: the database refuses an erased row that still has either, or a live one without them.
 * Each organization sets how long the clinical records of an erased person are kept (7 years by
 * default), and the lock on signed notes gives way for the notes about an erased person once
 * that period has ended.
 */
export class DataRights1795280000000 implements MigrationInterface {
  name = 'DataRights1795280000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ALTER COLUMN "email" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "users" ALTER COLUMN "password_hash" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "users" ADD "erased_at" timestamptz`);
    await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "users_erased_check"
      CHECK (("erased_at" IS NULL) = ("email" IS NOT NULL AND "password_hash" IS NOT NULL))`);
    await queryRunner.query(
      `CREATE INDEX "users_erased_at_idx" ON "users" ("erased_at") WHERE "erased_at" IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "organizations" ADD "clinical_retention_days" integer NOT NULL DEFAULT 2557`,
    );
    await queryRunner.query(`ALTER TABLE "organizations"
      ADD CONSTRAINT "organizations_clinical_retention_days_check"
      CHECK ("clinical_retention_days" BETWEEN 1 AND 36500)`);
    // Signed notes stay locked, except that a member note about an erased person may be deleted
    // once the organization's retention has ended (the purge's own condition, checked here too).
    await queryRunner.query(`CREATE OR REPLACE FUNCTION "session_notes_locked_once_signed"()
      RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND OLD.subject_user_id IS NOT NULL AND EXISTS (
          SELECT 1 FROM users u, sessions s, groups g, organizations o
          WHERE u.id = OLD.subject_user_id AND s.id = OLD.session_id AND g.id = s.group_id
            AND o.id = g.organization_id AND u.erased_at IS NOT NULL
            AND u.erased_at + make_interval(days => o.clinical_retention_days) <= now()) THEN
          RETURN OLD;
        END IF;
        IF EXISTS (SELECT 1 FROM session_note_signatures
          WHERE session_id = COALESCE(NEW.session_id, OLD.session_id)) THEN
          RAISE EXCEPTION 'session notes are signed: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN COALESCE(NEW, OLD);
      END $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE FUNCTION "session_notes_locked_once_signed"()
      RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM session_note_signatures
          WHERE session_id = COALESCE(NEW.session_id, OLD.session_id)) THEN
          RAISE EXCEPTION 'session notes are signed: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN COALESCE(NEW, OLD);
      END $$`);
    await queryRunner.query(
      `ALTER TABLE "organizations" DROP CONSTRAINT "organizations_clinical_retention_days_check"`,
    );
    await queryRunner.query(`ALTER TABLE "organizations" DROP COLUMN "clinical_retention_days"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "users_erased_check"`);
    await queryRunner.query(`DROP INDEX "public"."users_erased_at_idx"`);
    // Erased rows get an address nobody has and a hash nothing matches, never the old ones.
    await queryRunner.query(`UPDATE "users"
      SET "email" = 'erased-' || "id" || '@erased.invalid', "password_hash" = '!'
      WHERE "erased_at" IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "erased_at"`);
    await queryRunner.query(`ALTER TABLE "users" ALTER COLUMN "password_hash" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "users" ALTER COLUMN "email" SET NOT NULL`);
  }
}
