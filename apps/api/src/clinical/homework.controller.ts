import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  CompleteHomeworkDto,
  HomeworkList,
  HomeworkService,
  HomeworkView,
  SessionHomeworkView,
} from '#clinical';
import { type AuthenticatedUser, CurrentUser } from '../auth/auth.decorators.js';
import { ApiAnswer } from '../common/api-answer.js';

/** Homework from the module: members see and complete theirs; facilitators see completion. */
@ApiTags('clinical')
@ApiBearerAuth()
@Controller()
export class HomeworkController {
  constructor(private readonly homework: HomeworkService) {}

  @ApiAnswer(HomeworkList, 'Your homework from the sessions of the last two weeks, latest first')
  @Get('me/homework')
  mine(@CurrentUser() user: AuthenticatedUser) {
    return this.homework.mine(user.id);
  }

  @ApiAnswer(HomeworkView, 'Done (again: no change); the reflection goes to facilitators only')
  @Post('homework/:homeworkId/complete')
  @HttpCode(200)
  complete(
    @Param('homeworkId') homeworkId: string,
    @Body() body: CompleteHomeworkDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.homework.complete(homeworkId, user.id, body.reflection);
  }

  @ApiAnswer(SessionHomeworkView, 'Completion and reflections per member; facilitators')
  @Get('sessions/:sessionId/homework')
  forSession(@Param('sessionId') sessionId: string, @CurrentUser() user: AuthenticatedUser) {
    return this.homework.forSession(sessionId, user.id);
  }
}
