import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where a notification leads in the app (an app-relative path such as
 * `/groups/<id>/space?tab=moderation`), so its text can read as a sentence with no raw path in it.
 */
export class NotificationLink1795289000000 implements MigrationInterface {
  name = 'NotificationLink1795289000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" ADD "link" text`);
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "notifications_link_check" CHECK ("link" IS NULL OR ("link" ~ '^/([^/\\\\]|$)' AND char_length("link") <= 500))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "notifications" DROP CONSTRAINT "notifications_link_check"`,
    );
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "link"`);
  }
}
