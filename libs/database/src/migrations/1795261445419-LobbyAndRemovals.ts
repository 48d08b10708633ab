import { MigrationInterface, QueryRunner } from 'typeorm';

export class LobbyAndRemovals1795261445419 implements MigrationInterface {
  name = 'LobbyAndRemovals1795261445419';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "session_removals" ("session_id" uuid NOT NULL, "user_id" uuid NOT NULL, "removed_by_id" uuid NOT NULL, "removed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_736ed84a087f4afdcdbb7a073c4" PRIMARY KEY ("session_id", "user_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "lobby_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "user_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'waiting', "waiting_since" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "decided_at" TIMESTAMP WITH TIME ZONE, "decided_by_id" uuid, CONSTRAINT "lobby_entries_status_check" CHECK ("status" IN ('waiting', 'admitted', 'denied')), CONSTRAINT "PK_097cada643363a8d97dc5c9fa03" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "lobby_entries_session_id_user_id_key" ON "lobby_entries"  ("session_id", "user_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "session_removals" ADD CONSTRAINT "FK_387c50004247fea76784b078687" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_removals" ADD CONSTRAINT "FK_f5f116847bc74427e518013d1e1" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_removals" ADD CONSTRAINT "FK_85a26195456dcf826209cf94543" FOREIGN KEY ("removed_by_id") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lobby_entries" ADD CONSTRAINT "FK_2ca3f445635d3368decf01223e4" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lobby_entries" ADD CONSTRAINT "FK_1fae97491f313aea18a6d626ebd" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lobby_entries" ADD CONSTRAINT "FK_746f05a1d6fb513e3cd61fa9878" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "lobby_entries" DROP CONSTRAINT "FK_746f05a1d6fb513e3cd61fa9878"`,
    );
    await queryRunner.query(
      `ALTER TABLE "lobby_entries" DROP CONSTRAINT "FK_1fae97491f313aea18a6d626ebd"`,
    );
    await queryRunner.query(
      `ALTER TABLE "lobby_entries" DROP CONSTRAINT "FK_2ca3f445635d3368decf01223e4"`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_removals" DROP CONSTRAINT "FK_85a26195456dcf826209cf94543"`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_removals" DROP CONSTRAINT "FK_f5f116847bc74427e518013d1e1"`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_removals" DROP CONSTRAINT "FK_387c50004247fea76784b078687"`,
    );
    await queryRunner.query(`DROP INDEX "public"."lobby_entries_session_id_user_id_key"`);
    await queryRunner.query(`DROP TABLE "lobby_entries"`);
    await queryRunner.query(`DROP TABLE "session_removals"`);
  }
}
