import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A legal name beside the alias: only the group's facilitators and the organization's admins
 * see it (notes, measures, exports). An erased account keeps none.
 */
export class LegalName1795282000000 implements MigrationInterface {
  name = 'LegalName1795282000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "legal_name" text`);
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "users_erased_legal_name_check" CHECK ("erased_at" IS NULL OR "legal_name" IS NULL)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "users_erased_legal_name_check"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "legal_name"`);
  }
}
