import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  AttachResourcesDto,
  ModuleParamsDto,
  ModuleResourceList,
  ModuleResourcesService,
  SessionResourceList,
} from '#resources';
import { type AuthenticatedUser, CurrentUser } from '../auth/auth.decorators.js';
import { ApiAnswer } from '../common/api-answer.js';

/** Resources on a curriculum's modules (curators), and a session's (its group's people). */
@ApiTags('resources')
@ApiBearerAuth()
@Controller()
export class ModuleResourcesController {
  constructor(private readonly modules: ModuleResourcesService) {}

  @ApiAnswer(ModuleResourceList, "The module's resources in order")
  @Get('curricula/:curriculumId/modules/:index/resources')
  list(@Param() params: ModuleParamsDto, @CurrentUser() user: AuthenticatedUser) {
    return this.modules.forModule(params.curriculumId, params.index, user.id);
  }

  @ApiAnswer(ModuleResourceList, "The module's resources as saved")
  @Put('curricula/:curriculumId/modules/:index/resources')
  attach(
    @Param() params: ModuleParamsDto,
    @Body() body: AttachResourcesDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.modules.attach(params.curriculumId, params.index, body.resourceIds, user.id);
  }

  @ApiAnswer(SessionResourceList, "The resources of the session's module; the group's people")
  @Get('sessions/:sessionId/resources')
  forSession(@Param('sessionId') sessionId: string, @CurrentUser() user: AuthenticatedUser) {
    return this.modules.forSession(sessionId, user.id);
  }
}
