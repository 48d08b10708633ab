import { MigrationInterface, QueryRunner } from 'typeorm';

export class Accounts1795270000000 implements MigrationInterface {
  name = 'Accounts1795270000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "revoked_sessions" ("family_id" uuid NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "revoked_sessions_pkey" PRIMARY KEY ("family_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "revoked_sessions_revoked_at_idx" ON "revoked_sessions" ("revoked_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "login_failures" ("account_key" text NOT NULL, "failures" integer NOT NULL, "last_failure_at" TIMESTAMP WITH TIME ZONE NOT NULL, "blocked_until" TIMESTAMP WITH TIME ZONE, CONSTRAINT "login_failures_pkey" PRIMARY KEY ("account_key"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "login_failures_last_failure_at_idx" ON "login_failures" ("last_failure_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD "password_reset_requested_at" TIMESTAMP WITH TIME ZONE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "password_reset_requested_at"`);
    await queryRunner.query(`DROP INDEX "public"."login_failures_last_failure_at_idx"`);
    await queryRunner.query(`DROP TABLE "login_failures"`);
    await queryRunner.query(`DROP INDEX "public"."revoked_sessions_revoked_at_idx"`);
    await queryRunner.query(`DROP TABLE "revoked_sessions"`);
  }
}
