import { MigrationInterface, QueryRunner } from 'typeorm';

export class RefreshRevokeReason1795274000000 implements MigrationInterface {
  name = 'RefreshRevokeReason1795274000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "refresh_tokens" ADD "revoked_reason" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "refresh_tokens" DROP COLUMN "revoked_reason"`);
  }
}
