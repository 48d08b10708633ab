import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { pageRequest } from '#common';
import type { Membership } from '#organizations';
import {
  CreateResourceDto,
  RESOURCE_CURATOR_ROLES,
  RESOURCE_READER_ROLES,
  ResourcePage,
  ResourceQueryDto,
  ResourcesService,
  ResourceView,
  UpdateResourceDto,
} from '#resources';
import { type AuthenticatedUser, CurrentUser } from '../auth/auth.decorators.js';
import { ApiAnswer } from '../common/api-answer.js';
import { BodyLimit } from '../common/request-limits.js';
import {
  CurrentMembership,
  OrganizationRoles,
} from '../organizations/organization-access.guard.js';

/** A long worksheet in Bengali is up to three bytes a character, escaped in JSON. */
const RESOURCE_BODY_LIMIT = { bytes: 128 * 1024 };

/** The organization's library: members read; owners, admins, therapists and peer supporters write. */
@ApiTags('resources')
@ApiBearerAuth()
@Controller()
export class ResourcesController {
  constructor(private readonly resources: ResourcesService) {}

  @ApiAnswer(ResourcePage, 'The library, newest first, filtered')
  @Get('organizations/:orgId/resources')
  @OrganizationRoles(...RESOURCE_READER_ROLES)
  list(@CurrentMembership() membership: Membership, @Query() query: ResourceQueryDto) {
    const { tag, language, kind, q } = query;
    return this.resources.list(
      membership,
      { tag: tag?.toLocaleLowerCase(), language, kind, q },
      pageRequest(query),
    );
  }

  @ApiAnswer(ResourceView, 'Added')
  @Post('organizations/:orgId/resources')
  @OrganizationRoles(...RESOURCE_CURATOR_ROLES)
  @BodyLimit(RESOURCE_BODY_LIMIT)
  create(@CurrentMembership() membership: Membership, @Body() body: CreateResourceDto) {
    return this.resources.create(membership, body);
  }

  @ApiAnswer(ResourceView)
  @Get('resources/:resourceId')
  get(@Param('resourceId') resourceId: string, @CurrentUser() user: AuthenticatedUser) {
    return this.resources.get(resourceId, user.id);
  }

  @ApiAnswer(ResourceView, 'Changed')
  @Patch('resources/:resourceId')
  @BodyLimit(RESOURCE_BODY_LIMIT)
  update(
    @Param('resourceId') resourceId: string,
    @Body() body: UpdateResourceDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.resources.update(resourceId, user.id, body);
  }

  @ApiNoContentResponse({ description: 'Deleted, and taken off every module it was attached to' })
  @Delete('resources/:resourceId')
  @HttpCode(204)
  async remove(@Param('resourceId') resourceId: string, @CurrentUser() user: AuthenticatedUser) {
    await this.resources.remove(resourceId, user.id);
  }
}
