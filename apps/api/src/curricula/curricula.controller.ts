import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { PageQueryDto, pageRequest } from '#common';
import {
  CurriculaService,
  CreateCurriculumDto,
  CreateVersionDto,
  CurriculumSummaryPage,
  CurriculumTemplateList,
  CurriculumVersionView,
  CurriculumView,
} from '#curricula';
import type { Membership } from '#organizations';
import { FACILITATOR_ROLES } from '#organizations';
import { type AuthenticatedUser, CurrentUser } from '../auth/auth.decorators.js';
import { ApiAnswer } from '../common/api-answer.js';
import {
  CurrentMembership,
  OrganizationRoles,
} from '../organizations/organization-access.guard.js';
import { BODY_LIMITS, BodyLimit } from '../common/request-limits.js';

@ApiTags('curricula')
@ApiBearerAuth()
// Whole programs with their facilitator notes: the largest bodies the api takes.
@BodyLimit(BODY_LIMITS.large)
@Controller()
export class CurriculaController {
  constructor(private readonly curricula: CurriculaService) {}

  @ApiAnswer(CurriculumTemplateList, 'The built-in programs')
  @Get('curriculum-templates')
  templates(): CurriculumTemplateList {
    return { items: this.curricula.templates() };
  }

  @ApiAnswer(CurriculumView, 'Created with its first version published')
  @Post('organizations/:orgId/curricula')
  @OrganizationRoles(...FACILITATOR_ROLES)
  create(@CurrentMembership() membership: Membership, @Body() body: CreateCurriculumDto) {
    return this.curricula.create(membership.organizationId, membership.userId, body);
  }

  /** Summaries, oldest first; GET /curricula/:curriculumId has the modules. */
  @ApiAnswer(CurriculumSummaryPage, 'Curriculum summaries, oldest first')
  @Get('organizations/:orgId/curricula')
  @OrganizationRoles(...FACILITATOR_ROLES)
  list(@CurrentMembership() membership: Membership, @Query() query: PageQueryDto) {
    return this.curricula.list(membership.organizationId, pageRequest(query));
  }

  @ApiAnswer(CurriculumView)
  @Get('curricula/:curriculumId')
  get(@Param('curriculumId') curriculumId: string, @CurrentUser() user: AuthenticatedUser) {
    return this.curricula.get(curriculumId, user.id);
  }

  /** A new draft version; publish it to let new groups pin it. */
  @ApiAnswer(CurriculumVersionView, 'The new draft')
  @Post('curricula/:curriculumId/versions')
  addVersion(
    @Param('curriculumId') curriculumId: string,
    @Body() body: CreateVersionDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.curricula.addVersion(curriculumId, user.id, body.modules);
  }

  @ApiAnswer(CurriculumVersionView, 'The version with its modules')
  @Get('curricula/:curriculumId/versions/:versionId')
  getVersion(
    @Param('curriculumId') curriculumId: string,
    @Param('versionId') versionId: string,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.curricula.getVersion(curriculumId, versionId, user.id);
  }

  @ApiAnswer(CurriculumVersionView, 'The draft as saved')
  @Patch('curricula/:curriculumId/versions/:versionId')
  updateDraft(
    @Param('curriculumId') curriculumId: string,
    @Param('versionId') versionId: string,
    @Body() body: CreateVersionDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.curricula.updateDraft(curriculumId, versionId, user.id, body.modules);
  }

  @ApiAnswer(CurriculumVersionView, 'Published (frozen from now on)')
  @Post('curricula/:curriculumId/versions/:versionId/publish')
  publish(
    @Param('curriculumId') curriculumId: string,
    @Param('versionId') versionId: string,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.curricula.publish(curriculumId, versionId, user.id);
  }
}
