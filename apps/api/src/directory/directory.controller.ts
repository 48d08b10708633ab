import { Body, Controller, Get, Headers, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RouteConfig } from '@nestjs/platform-fastify';
import {
  DirectoryGroupDetailView,
  DirectoryService,
  DirectoryView,
  GroupListingView,
  UpdateListingDto,
} from '#directory';
import { type AuthenticatedUser, CurrentUser, Public } from '../auth/auth.decorators.js';
import { ApiAnswer } from '../common/api-answer.js';
import { preferredLocale } from '../common/preferred-locale.js';

/**
 * Per client address: generous enough for a visitor browsing, low enough that the public
 * directory cannot be scraped fast (the plugin's store and key, see api-app.ts).
 */
const browsingLimit = RouteConfig({ rateLimit: { max: 120, timeWindow: 60_000 } });

/** The public directory (no account needed) and the listing facilitators set. */
@ApiTags('directory')
@Controller()
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @ApiAnswer(DirectoryView, "The organization's groups open to requests; never who is in them")
  @Public()
  @browsingLimit
  @Get('organizations/:orgId/directory')
  groups(@Param('orgId') orgId: string) {
    return this.directory.groups(orgId);
  }

  @ApiAnswer(DirectoryGroupDetailView, 'One group open to requests, the screening in your language')
  @Public()
  @browsingLimit
  @Get('organizations/:orgId/directory/:groupId')
  group(
    @Param('orgId') orgId: string,
    @Param('groupId') groupId: string,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ) {
    return this.directory.group(orgId, groupId, preferredLocale(acceptLanguage));
  }

  @ApiAnswer(GroupListingView, "The group's listing; facilitators")
  @ApiBearerAuth()
  @Get('groups/:groupId/listing')
  listing(@Param('groupId') groupId: string, @CurrentUser() user: AuthenticatedUser) {
    return this.directory.listing(groupId, user.id);
  }

  @ApiAnswer(GroupListingView, 'Listed (or not); facilitators')
  @ApiBearerAuth()
  @Put('groups/:groupId/listing')
  setListing(
    @Param('groupId') groupId: string,
    @Body() body: UpdateListingDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.directory.setListing(groupId, user.id, body);
  }
}
