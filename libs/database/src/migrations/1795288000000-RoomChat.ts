import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether the people in a session's room may chat (LiveKit data messages). Only the switch is
 * stored: the chat itself goes through the LiveKit server and never reaches Hearth.
 */
export class RoomChat1795288000000 implements MigrationInterface {
  name = 'RoomChat1795288000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "sessions" ADD "chat_enabled" boolean NOT NULL DEFAULT true`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sessions" DROP COLUMN "chat_enabled"`);
  }
}
