import { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountRecovery1795273000000 implements MigrationInterface {
  name = 'AccountRecovery1795273000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "known_clients" ("account_key" text NOT NULL, "client_key" text NOT NULL, "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "known_clients_pkey" PRIMARY KEY ("account_key", "client_key"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "known_clients_last_seen_at_idx" ON "known_clients" ("last_seen_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD "password_reset_mailed_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(`ALTER TABLE "users" ADD "feed_version" integer NOT NULL DEFAULT '0'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "feed_version"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "password_reset_mailed_at"`);
    await queryRunner.query(`DROP INDEX "public"."known_clients_last_seen_at_idx"`);
    await queryRunner.query(`DROP TABLE "known_clients"`);
  }
}
