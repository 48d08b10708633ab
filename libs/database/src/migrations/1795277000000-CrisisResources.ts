import { MigrationInterface, QueryRunner } from 'typeorm';

/** An organization's own crisis resources for a locale, listed before Hearth's. */
export class CrisisResources1795277000000 implements MigrationInterface {
  name = 'CrisisResources1795277000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "crisis_resources" (
      "organization_id" uuid NOT NULL,
      "locale" text NOT NULL,
      "items" jsonb NOT NULL,
      "updated_by_id" uuid NOT NULL,
      "updated_at" timestamptz NOT NULL,
      CONSTRAINT "crisis_resources_pkey" PRIMARY KEY ("organization_id", "locale"),
      CONSTRAINT "crisis_resources_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE
    )`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "crisis_resources"`);
  }
}
