import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '#identity';
import { Organization } from '#organizations';

/** What a resource is; video, audio and link resources are an outbound https address. */
export const RESOURCE_KINDS = ['article', 'worksheet', 'video', 'audio', 'link'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** The kinds that are an address to open elsewhere, so they need a `url`. */
export const URL_KINDS: readonly ResourceKind[] = ['video', 'audio', 'link'];

export const RESOURCE_TITLE_MAX_LENGTH = 200;
/** A long worksheet or article fits; a book does not. */
export const RESOURCE_BODY_MAX_LENGTH = 20_000;
export const RESOURCE_URL_MAX_LENGTH = 2000;

/**
 * One item of an organization's library: organization content, not data about a person. The
 * text is plain text (shown as text, never as HTML); the address is https only. Who wrote or last
 * changed it is kept by id: an erased account stays as "Former member" (docs/privacy.md).
 */
@Entity('resources')
@Index('resources_organization_id_created_at_idx', ['organizationId', 'createdAt', 'id'])
@Check('resources_kind_check', `"kind" IN ('article', 'worksheet', 'video', 'audio', 'link')`)
@Check('resources_title_check', `char_length("title") BETWEEN 1 AND ${RESOURCE_TITLE_MAX_LENGTH}`)
@Check(
  'resources_url_check',
  `"url" IS NULL OR ("url" LIKE 'https://%' AND char_length("url") <= ${RESOURCE_URL_MAX_LENGTH})`,
)
@Check(
  'resources_body_check',
  `"body" IS NULL OR char_length("body") <= ${RESOURCE_BODY_MAX_LENGTH}`,
)
@Check(
  'resources_content_check',
  `("url" IS NOT NULL OR "body" IS NOT NULL) AND ("url" IS NOT NULL OR "kind" NOT IN ('video', 'audio', 'link'))`,
)
export class Resource {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'resources_pkey' })
  id!: string;

  @ForeignKey(() => Organization, { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'organization_id' })
  organizationId!: string;

  @Column('text')
  title!: string;

  @Column('text')
  kind!: ResourceKind;

  @Column('text', { nullable: true })
  url!: string | null;

  @Column('text', { nullable: true })
  body!: string | null;

  @Column('text', { array: true, default: () => "'{}'" })
  tags!: string[];

  /** A short BCP 47 code: `en`, `bn`, `id`, `pt-BR`. */
  @Column('text')
  language!: string;

  @ForeignKey(() => User, { onDelete: 'SET NULL' })
  @Column('uuid', { name: 'created_by_id', nullable: true })
  createdById!: string | null;

  @ForeignKey(() => User, { onDelete: 'SET NULL' })
  @Column('uuid', { name: 'updated_by_id', nullable: true })
  updatedById!: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
