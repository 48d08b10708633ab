import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CrisisResourceList,
  CrisisResourcesQueryDto,
  CrisisResourcesService,
  SetCrisisResourcesDto,
} from '#clinical';
import { MANAGER_ROLES, type Membership } from '#organizations';
import { type AuthenticatedUser, CurrentUser, Public } from '../auth/auth.decorators.js';
import { ApiAnswer } from '../common/api-answer.js';
import {
  CurrentMembership,
  OrganizationRoles,
} from '../organizations/organization-access.guard.js';

/** Crisis resources: anyone may read them, no account needed; owners and admins add their own. */
@ApiTags('clinical')
@Controller()
export class CrisisResourcesController {
  constructor(private readonly resources: CrisisResourcesService) {}

  @ApiAnswer(CrisisResourceList, "For the locale, the organization's own first")
  @Public()
  @Get('crisis-resources')
  list(@Query() query: CrisisResourcesQueryDto) {
    return this.resources.forLocale(query.locale, query.organizationId);
  }

  @ApiAnswer(CrisisResourceList, "Replaced; the organization's own are listed first")
  @Put('organizations/:orgId/crisis-resources')
  @OrganizationRoles(...MANAGER_ROLES)
  set(
    @CurrentMembership() membership: Membership,
    @Body() body: SetCrisisResourcesDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.resources.set(membership.organizationId, user.id, body.locale, body.items);
  }
}
