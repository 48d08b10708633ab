import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A facilitator may keep a reported post as it is: "dismiss_reports" is its own action in the
 * append-only moderation log.
 */
export class DismissReports1795290000000 implements MigrationInterface {
  name = 'DismissReports1795290000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "community_moderation_actions" DROP CONSTRAINT "community_moderation_actions_action_check"`,
    );
    await queryRunner.query(
      `ALTER TABLE "community_moderation_actions" ADD CONSTRAINT "community_moderation_actions_action_check" CHECK ("action" IN ('approve', 'hide', 'restore', 'pin', 'unpin', 'mute', 'unmute', 'dismiss_reports'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM "community_moderation_actions" WHERE "action" = 'dismiss_reports'`,
    );
    await queryRunner.query(
      `ALTER TABLE "community_moderation_actions" DROP CONSTRAINT "community_moderation_actions_action_check"`,
    );
    await queryRunner.query(
      `ALTER TABLE "community_moderation_actions" ADD CONSTRAINT "community_moderation_actions_action_check" CHECK ("action" IN ('approve', 'hide', 'restore', 'pin', 'unpin', 'mute', 'unmute'))`,
    );
  }
}
