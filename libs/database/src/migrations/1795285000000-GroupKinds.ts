import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Groups of every kind: a `curriculum` group follows a pinned curriculum version (one session
 * per module); a `support` group and a `drop_in` group meet weekly without a curriculum, so
 * their sessions have no module, and they can be ended. A group has a language. The
 * `peer_supporter` organization role may lead those groups but never reads clinical data.
 */
export class GroupKinds1795285000000 implements MigrationInterface {
  name = 'GroupKinds1795285000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "groups" ADD "kind" text NOT NULL DEFAULT 'curriculum'`);
    await queryRunner.query(`ALTER TABLE "groups" ADD "language" text NOT NULL DEFAULT 'en'`);
    await queryRunner.query(`ALTER TABLE "groups" ADD "ended_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "groups" ALTER COLUMN "curriculum_version_id" DROP NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "groups" ADD CONSTRAINT "groups_kind_check" CHECK ("kind" IN ('curriculum', 'support', 'drop_in'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "groups" ADD CONSTRAINT "groups_curriculum_version_kind_check" CHECK (("curriculum_version_id" IS NOT NULL) = ("kind" = 'curriculum'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "groups" ADD CONSTRAINT "groups_ended_kind_check" CHECK ("ended_at" IS NULL OR "kind" <> 'curriculum')`,
    );

    await queryRunner.query(`ALTER TABLE "sessions" ALTER COLUMN "module_index" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "sessions" ALTER COLUMN "module_title" DROP NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "sessions" ADD CONSTRAINT "sessions_module_check" CHECK (("module_index" IS NULL) = ("module_title" IS NULL))`,
    );

    await queryRunner.query(`ALTER TABLE "memberships" DROP CONSTRAINT "memberships_role_check"`);
    await queryRunner.query(
      `ALTER TABLE "memberships" ADD CONSTRAINT "memberships_role_check" CHECK ("role" IN ('owner', 'admin', 'therapist', 'peer_supporter', 'participant'))`,
    );
    await queryRunner.query(`ALTER TABLE "invitations" DROP CONSTRAINT "invitations_role_check"`);
    await queryRunner.query(
      `ALTER TABLE "invitations" ADD CONSTRAINT "invitations_role_check" CHECK ("role" IN ('owner', 'admin', 'therapist', 'peer_supporter', 'participant'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "invitations" WHERE "role" = 'peer_supporter'`);
    await queryRunner.query(`DELETE FROM "memberships" WHERE "role" = 'peer_supporter'`);
    await queryRunner.query(`ALTER TABLE "invitations" DROP CONSTRAINT "invitations_role_check"`);
    await queryRunner.query(
      `ALTER TABLE "invitations" ADD CONSTRAINT "invitations_role_check" CHECK ("role" IN ('owner', 'admin', 'therapist', 'participant'))`,
    );
    await queryRunner.query(`ALTER TABLE "memberships" DROP CONSTRAINT "memberships_role_check"`);
    await queryRunner.query(
      `ALTER TABLE "memberships" ADD CONSTRAINT "memberships_role_check" CHECK ("role" IN ('owner', 'admin', 'therapist', 'participant'))`,
    );

    await queryRunner.query(`DELETE FROM "groups" WHERE "kind" <> 'curriculum'`);
    await queryRunner.query(`ALTER TABLE "sessions" DROP CONSTRAINT "sessions_module_check"`);
    await queryRunner.query(`ALTER TABLE "sessions" ALTER COLUMN "module_title" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "sessions" ALTER COLUMN "module_index" SET NOT NULL`);

    await queryRunner.query(`ALTER TABLE "groups" DROP CONSTRAINT "groups_ended_kind_check"`);
    await queryRunner.query(
      `ALTER TABLE "groups" DROP CONSTRAINT "groups_curriculum_version_kind_check"`,
    );
    await queryRunner.query(`ALTER TABLE "groups" DROP CONSTRAINT "groups_kind_check"`);
    await queryRunner.query(
      `ALTER TABLE "groups" ALTER COLUMN "curriculum_version_id" SET NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE "groups" DROP COLUMN "ended_at"`);
    await queryRunner.query(`ALTER TABLE "groups" DROP COLUMN "language"`);
    await queryRunner.query(`ALTER TABLE "groups" DROP COLUMN "kind"`);
  }
}
