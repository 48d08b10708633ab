import { MigrationInterface, QueryRunner } from 'typeorm';

export class ConsentAndHosts1795271000000 implements MigrationInterface {
  name = 'ConsentAndHosts1795271000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "invitations" ADD "declined_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`DROP INDEX "public"."invitations_pending_email_key"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "invitations_pending_email_key" ON "invitations"  ("organization_id", "email") WHERE accepted_at IS NULL AND declined_at IS NULL`,
    );
    await queryRunner.query(`ALTER TABLE "curricula" ADD "created_by_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "curricula" ADD CONSTRAINT "FK_b2e238951f4c304476aaba9de26" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "webinar_registrations" ADD "confirmation_sent_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `CREATE TABLE "webinar_hosts" ("webinar_id" uuid NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c2f58ac2957df113351ee467d65" PRIMARY KEY ("webinar_id", "user_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "webinar_hosts_user_id_idx" ON "webinar_hosts"  ("user_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "webinar_hosts" ADD CONSTRAINT "FK_04cbd0bc956187859eb6d68afcb" FOREIGN KEY ("webinar_id") REFERENCES "webinars"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "webinar_hosts" ADD CONSTRAINT "FK_5ebd20564c378e2e74e556aa0ad" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Each existing webinar keeps its creator as host, as before this change.
    await queryRunner.query(
      `INSERT INTO "webinar_hosts" ("webinar_id", "user_id") SELECT "id", "created_by_id" FROM "webinars"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "webinar_hosts" DROP CONSTRAINT "FK_5ebd20564c378e2e74e556aa0ad"`,
    );
    await queryRunner.query(
      `ALTER TABLE "webinar_hosts" DROP CONSTRAINT "FK_04cbd0bc956187859eb6d68afcb"`,
    );
    await queryRunner.query(`DROP INDEX "public"."webinar_hosts_user_id_idx"`);
    await queryRunner.query(`DROP TABLE "webinar_hosts"`);
    await queryRunner.query(
      `ALTER TABLE "webinar_registrations" DROP COLUMN "confirmation_sent_at"`,
    );
    await queryRunner.query(
      `ALTER TABLE "curricula" DROP CONSTRAINT "FK_b2e238951f4c304476aaba9de26"`,
    );
    await queryRunner.query(`ALTER TABLE "curricula" DROP COLUMN "created_by_id"`);
    await queryRunner.query(`DROP INDEX "public"."invitations_pending_email_key"`);
    // Declined invitations would collide with pending ones under the older index.
    await queryRunner.query(`DELETE FROM "invitations" WHERE "declined_at" IS NOT NULL`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "invitations_pending_email_key" ON "invitations"  ("organization_id", "email") WHERE accepted_at IS NULL`,
    );
    await queryRunner.query(`ALTER TABLE "invitations" DROP COLUMN "declined_at"`);
  }
}
