import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Homework: a session's module homework assigned to each active member, one row per session and
 * person (written idempotently once the session has started), with its completion and the
 * member's reflection, which only the group's facilitators read.
 */
export class Homework1795279000000 implements MigrationInterface {
  name = 'Homework1795279000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "homework" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "session_id" uuid NOT NULL,
      "user_id" uuid NOT NULL,
      "assigned_at" timestamptz NOT NULL,
      "completed_at" timestamptz,
      "reflection" text,
      CONSTRAINT "homework_pkey" PRIMARY KEY ("id"),
      CONSTRAINT "homework_reflection_length_check" CHECK ("reflection" IS NULL OR char_length("reflection") <= 4000),
      CONSTRAINT "homework_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE
    )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "homework_session_id_user_id_key" ON "homework" ("session_id", "user_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "homework_user_id_assigned_at_idx" ON "homework" ("user_id", "assigned_at")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "homework"`);
  }
}
