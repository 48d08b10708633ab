import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whom a notification is about when that is not its reader (an absence follow-up names the
 * member in its title), so erasing that member deletes it too. Existing follow-ups are matched to
 * their marker by session and the alias their title starts with.
 */
export class NotificationSubject1795283000000 implements MigrationInterface {
  name = 'NotificationSubject1795283000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" ADD "subject_user_id" uuid`);
    await queryRunner.query(
      `CREATE INDEX "notifications_subject_user_id_idx" ON "notifications" ("subject_user_id") WHERE "subject_user_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_fa81c50194573f2c1d2acb29270" FOREIGN KEY ("subject_user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `UPDATE "notifications" n SET "subject_user_id" = f."member_id"
       FROM "absence_follow_ups" f JOIN "users" u ON u."id" = f."member_id"
       WHERE n."kind" = 'absence_follow_up' AND n."session_id" = f."session_id"
         AND starts_with(n."title", u."display_name" || ' missed ')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "notifications" DROP CONSTRAINT "FK_fa81c50194573f2c1d2acb29270"`,
    );
    await queryRunner.query(`DROP INDEX "public"."notifications_subject_user_id_idx"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "subject_user_id"`);
  }
}
