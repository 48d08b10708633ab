import { MigrationInterface, QueryRunner } from 'typeorm';

export class GroupScreenShare1795261771277 implements MigrationInterface {
  name = 'GroupScreenShare1795261771277';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "groups" ADD "participant_screen_share" boolean NOT NULL DEFAULT false`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "groups" DROP COLUMN "participant_screen_share"`);
  }
}
