import { MigrationInterface, QueryRunner } from 'typeorm';

/** Indexes in the keyset order of the lists that grow large (issue 10): one range scan per page. */
export class ListIndexes1795272000000 implements MigrationInterface {
  name = 'ListIndexes1795272000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Read backwards for `votes DESC, created_at, id`; the entity cannot spell DESC columns.
    await queryRunner.query(
      `CREATE INDEX "webinar_questions_webinar_id_votes_idx" ON "webinar_questions" ("webinar_id", "votes", "created_at" DESC, "id" DESC) `,
    );
    await queryRunner.query(
      `CREATE INDEX "webinar_registrations_webinar_id_created_at_idx" ON "webinar_registrations" ("webinar_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "memberships_organization_id_created_at_idx" ON "memberships" ("organization_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "curricula_organization_id_created_at_idx" ON "curricula" ("organization_id", "created_at", "id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."curricula_organization_id_created_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."memberships_organization_id_created_at_idx"`);
    await queryRunner.query(
      `DROP INDEX "public"."webinar_registrations_webinar_id_created_at_idx"`,
    );
    await queryRunner.query(`DROP INDEX "public"."webinar_questions_webinar_id_votes_idx"`);
  }
}
