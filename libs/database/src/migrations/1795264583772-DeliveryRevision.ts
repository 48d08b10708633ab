import { MigrationInterface, QueryRunner } from 'typeorm';

export class DeliveryRevision1795264583772 implements MigrationInterface {
  name = 'DeliveryRevision1795264583772';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."deliveries_key"`);
    await queryRunner.query(`ALTER TABLE "deliveries" ADD "revision" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "deliveries_key" ON "deliveries"  ("kind", "session_id", "user_id", "variant", "revision", "channel") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."deliveries_key"`);
    await queryRunner.query(`ALTER TABLE "deliveries" DROP COLUMN "revision"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "deliveries_key" ON "deliveries" USING btree ("kind", "session_id", "user_id", "variant", "channel") `,
    );
  }
}
