import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The group's space between sessions: posts and replies (alias or anonymous, held for review),
 * reports (the reporter kept for audit, never answered), the append-only moderation log, mutes,
 * read markers, the organization's watched words, digest choices, crisis flags and the digest
 * deliveries claimed once per person and day.
 */
export class Community1795284000000 implements MigrationInterface {
  name = 'Community1795284000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "community_posts" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "group_id" uuid NOT NULL,
      "parent_id" uuid,
      "author_id" uuid,
      "anonymous" boolean NOT NULL DEFAULT false,
      "body" text NOT NULL,
      "content_warning" text,
      "status" text NOT NULL,
      "held_reasons" text array NOT NULL DEFAULT '{}',
      "pinned_at" timestamptz,
      "created_at" timestamptz NOT NULL,
      CONSTRAINT "community_posts_pkey" PRIMARY KEY ("id"),
      CONSTRAINT "community_posts_status_check" CHECK ("status" IN ('visible', 'held', 'hidden', 'removed')),
      CONSTRAINT "community_posts_body_length_check" CHECK (char_length("body") <= 4000),
      CONSTRAINT "community_posts_content_warning_length_check" CHECK ("content_warning" IS NULL OR char_length("content_warning") <= 200),
      CONSTRAINT "community_posts_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE CASCADE,
      CONSTRAINT "community_posts_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "community_posts"("id") ON DELETE CASCADE
    )`);
    await queryRunner.query(
      `CREATE INDEX "community_posts_group_id_created_at_idx" ON "community_posts" ("group_id", "created_at", "id") WHERE "parent_id" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "community_posts_parent_id_created_at_idx" ON "community_posts" ("parent_id", "created_at", "id") WHERE "parent_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "community_posts_author_id_idx" ON "community_posts" ("author_id") WHERE "author_id" IS NOT NULL`,
    );

    await queryRunner.query(`CREATE TABLE "community_post_reports" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "post_id" uuid NOT NULL,
      "reporter_id" uuid NOT NULL,
      "reason" text NOT NULL,
      "created_at" timestamptz NOT NULL,
      "resolved_at" timestamptz,
      CONSTRAINT "community_post_reports_pkey" PRIMARY KEY ("id"),
      CONSTRAINT "community_post_reports_reason_length_check" CHECK (char_length("reason") <= 500),
      CONSTRAINT "community_post_reports_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "community_posts"("id") ON DELETE CASCADE
    )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "community_post_reports_post_id_reporter_id_key" ON "community_post_reports" ("post_id", "reporter_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "community_post_reports_reporter_id_idx" ON "community_post_reports" ("reporter_id")`,
    );

    await queryRunner.query(`CREATE TABLE "community_moderation_actions" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "group_id" uuid NOT NULL,
      "actor_id" uuid NOT NULL,
      "action" text NOT NULL,
      "post_id" uuid,
      "subject_user_id" uuid,
      "reason" text,
      "until" timestamptz,
      "created_at" timestamptz NOT NULL,
      CONSTRAINT "community_moderation_actions_pkey" PRIMARY KEY ("id"),
      CONSTRAINT "community_moderation_actions_action_check" CHECK ("action" IN ('approve', 'hide', 'restore', 'pin', 'unpin', 'mute', 'unmute')),
      CONSTRAINT "community_moderation_actions_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE CASCADE
    )`);
    await queryRunner.query(
      `CREATE INDEX "community_moderation_actions_group_id_created_at_idx" ON "community_moderation_actions" ("group_id", "created_at", "id")`,
    );
    // Append-only: a row is never changed; rows go only with their group.
    await queryRunner.query(`CREATE FUNCTION "community_moderation_actions_append_only"() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'community_moderation_actions is append-only' USING ERRCODE = 'restrict_violation';
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "community_moderation_actions_no_update"
      BEFORE UPDATE ON "community_moderation_actions"
      FOR EACH ROW EXECUTE FUNCTION "community_moderation_actions_append_only"()`);

    await queryRunner.query(`CREATE TABLE "community_mutes" (
      "group_id" uuid NOT NULL,
      "user_id" uuid NOT NULL,
      "until" timestamptz NOT NULL,
      CONSTRAINT "community_mutes_pkey" PRIMARY KEY ("group_id", "user_id"),
      CONSTRAINT "community_mutes_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE CASCADE,
      CONSTRAINT "community_mutes_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE
    )`);

    await queryRunner.query(`CREATE TABLE "community_read_markers" (
      "group_id" uuid NOT NULL,
      "user_id" uuid NOT NULL,
      "last_read_at" timestamptz NOT NULL,
      CONSTRAINT "community_read_markers_pkey" PRIMARY KEY ("group_id", "user_id"),
      CONSTRAINT "community_read_markers_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE CASCADE,
      CONSTRAINT "community_read_markers_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE
    )`);

    await queryRunner.query(`CREATE TABLE "community_watched_words" (
      "organization_id" uuid NOT NULL,
      "words" text array NOT NULL,
      "updated_by_id" uuid,
      "updated_at" timestamptz NOT NULL,
      CONSTRAINT "community_watched_words_pkey" PRIMARY KEY ("organization_id"),
      CONSTRAINT "community_watched_words_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE
    )`);

    await queryRunner.query(`CREATE TABLE "community_preferences" (
      "user_id" uuid NOT NULL,
      "digest" text NOT NULL,
      CONSTRAINT "community_preferences_pkey" PRIMARY KEY ("user_id"),
      CONSTRAINT "community_preferences_digest_check" CHECK ("digest" IN ('daily', 'none')),
      CONSTRAINT "community_preferences_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE
    )`);

    await queryRunner.query(`CREATE TABLE "community_crisis_flags" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "group_id" uuid NOT NULL,
      "user_id" uuid NOT NULL,
      "post_id" uuid,
      "created_at" timestamptz NOT NULL,
      "resolved_at" timestamptz,
      "resolved_by_id" uuid,
      CONSTRAINT "community_crisis_flags_pkey" PRIMARY KEY ("id"),
      CONSTRAINT "community_crisis_flags_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE CASCADE,
      CONSTRAINT "community_crisis_flags_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE,
      CONSTRAINT "community_crisis_flags_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "community_posts"("id") ON DELETE SET NULL
    )`);
    await queryRunner.query(
      `CREATE INDEX "community_crisis_flags_group_id_user_id_created_at_idx" ON "community_crisis_flags" ("group_id", "user_id", "created_at")`,
    );

    await queryRunner.query(`CREATE TABLE "community_digest_deliveries" (
      "user_id" uuid NOT NULL,
      "digest_date" date NOT NULL,
      "channel" text NOT NULL,
      "status" text NOT NULL,
      "sent_at" timestamptz,
      CONSTRAINT "community_digest_deliveries_pkey" PRIMARY KEY ("user_id", "digest_date", "channel"),
      CONSTRAINT "community_digest_deliveries_status_check" CHECK ("status" IN ('sending', 'sent')),
      CONSTRAINT "community_digest_deliveries_channel_check" CHECK ("channel" IN ('email', 'in_app')),
      CONSTRAINT "community_digest_deliveries_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE
    )`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "community_digest_deliveries"`);
    await queryRunner.query(`DROP TABLE "community_crisis_flags"`);
    await queryRunner.query(`DROP TABLE "community_preferences"`);
    await queryRunner.query(`DROP TABLE "community_watched_words"`);
    await queryRunner.query(`DROP TABLE "community_read_markers"`);
    await queryRunner.query(`DROP TABLE "community_mutes"`);
    await queryRunner.query(`DROP TABLE "community_moderation_actions"`);
    await queryRunner.query(`DROP FUNCTION "community_moderation_actions_append_only"()`);
    await queryRunner.query(`DROP TABLE "community_post_reports"`);
    await queryRunner.query(`DROP TABLE "community_posts"`);
  }
}
