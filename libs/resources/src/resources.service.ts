import { Injectable } from '@nestjs/common';
import { Clock, mapPage, type PageRequest } from '#common';
import { Transactions } from '#database';
import type { Membership } from '#organizations';
import type { CreateResourceDto, UpdateResourceDto } from './dto/resource.dto.js';
import type { ResourcePage, ResourceSummaryView, ResourceView } from './dto/resource.view.js';
import { mayCurate, ResourceAccess, resourceNotFound } from './resource-access.js';
import { checkContent, normalizeTags, textOrNull } from './resource-content.js';
import {
  EXCERPT_LENGTH,
  type ResourceChanges,
  type ResourceFilter,
  ResourceRepository,
  type ResourceRow,
  type ResourceSummaryRow,
} from './resource.repository.js';

export const summaryView = (row: ResourceSummaryRow): ResourceSummaryView => ({
  id: row.id,
  title: row.title,
  kind: row.kind,
  url: row.url,
  excerpt: row.excerpt,
  hasBody: row.hasBody,
  tags: row.tags,
  language: row.language,
  updatedAt: row.updatedAt,
});

const editor = (userId: string | null, displayName: string | null) =>
  userId ? { userId, displayName: displayName ?? '' } : null;

const resourceView = (row: ResourceRow, canEdit: boolean): ResourceView => ({
  id: row.id,
  organizationId: row.organizationId,
  title: row.title,
  kind: row.kind,
  url: row.url,
  body: row.body,
  excerpt: (row.body ?? '').slice(0, EXCERPT_LENGTH),
  hasBody: row.body !== null,
  tags: row.tags,
  language: row.language,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
  // Who wrote it is for the curators; members read the resource only.
  createdBy: canEdit ? editor(row.createdById, row.createdByName) : null,
  updatedBy: canEdit ? editor(row.updatedById, row.updatedByName) : null,
  canEdit,
});

/**
 * The organization's library: articles, worksheets, videos, audio and links, with tags and a
 * language. Members of the organization read it; its curators (everyone but participants) write.
 */
@Injectable()
export class ResourcesService {
  constructor(
    private readonly resources: ResourceRepository,
    private readonly access: ResourceAccess,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /** The library, newest first; the caller's membership was checked by the route. */
  async list(
    membership: Membership,
    filter: ResourceFilter,
    page: PageRequest,
  ): Promise<ResourcePage> {
    const found = await this.resources.page(membership.organizationId, filter, page);
    return { ...mapPage(found, summaryView), canEdit: mayCurate(membership) };
  }

  async get(resourceId: string, userId: string): Promise<ResourceView> {
    const { resource, membership } = await this.access.requireReader(resourceId, userId);
    return resourceView(resource, mayCurate(membership));
  }

  /** Adds a resource; the caller is a curator of the organization (checked by the route). */
  async create(membership: Membership, input: CreateResourceDto): Promise<ResourceView> {
    const content = {
      kind: input.kind,
      url: textOrNull(input.url),
      body: textOrNull(input.body),
    };
    checkContent(content);
    const now = this.clock.now();
    const id = await this.resources.insert({
      organizationId: membership.organizationId,
      title: input.title,
      ...content,
      tags: normalizeTags(input.tags),
      language: input.language,
      createdById: membership.userId,
      updatedById: membership.userId,
      createdAt: now,
      updatedAt: now,
    });
    return this.read(id);
  }

  /** Changes what was sent; the result must still be a whole resource (a video keeps its url). */
  async update(
    resourceId: string,
    userId: string,
    input: UpdateResourceDto,
  ): Promise<ResourceView> {
    await this.access.requireCurator(resourceId, userId);
    await this.transactions.run(async (tx) => {
      const current = await this.resources.lock(resourceId, tx);
      if (!current) throw resourceNotFound();
      const changes: ResourceChanges = { updatedById: userId, updatedAt: this.clock.now() };
      if (input.title !== undefined) changes.title = input.title;
      if (input.kind !== undefined) changes.kind = input.kind;
      if (input.language !== undefined) changes.language = input.language;
      if (input.tags !== undefined) changes.tags = normalizeTags(input.tags);
      if (input.url !== undefined) changes.url = textOrNull(input.url);
      if (input.body !== undefined) changes.body = textOrNull(input.body);
      checkContent({
        kind: changes.kind ?? current.kind,
        url: changes.url !== undefined ? changes.url : current.url,
        body: changes.body !== undefined ? changes.body : current.body,
      });
      await this.resources.update(resourceId, changes, tx);
    });
    return this.read(resourceId);
  }

  /** Deletes it, and with it its places in curriculum modules. */
  async remove(resourceId: string, userId: string): Promise<void> {
    await this.access.requireCurator(resourceId, userId);
    await this.resources.delete(resourceId);
  }

  private async read(resourceId: string): Promise<ResourceView> {
    const row = await this.resources.findById(resourceId);
    if (!row) throw resourceNotFound();
    return resourceView(row, true);
  }
}
