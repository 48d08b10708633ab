import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  AddendumCreated,
  AddendumDto,
  NoteContentDto,
  SessionNotesService,
  SessionNotesView,
} from '#clinical';
import { type AuthenticatedUser, CurrentUser } from '../auth/auth.decorators.js';
import { ApiAnswer } from '../common/api-answer.js';

/** A session's group note and member notes: the group's facilitators only. */
@ApiTags('clinical')
@ApiBearerAuth()
@Controller('sessions/:sessionId/notes')
export class NotesController {
  constructor(private readonly notes: SessionNotesService) {}

  @ApiAnswer(
    SessionNotesView,
    "The group note (a template with attendance until written) and each member's",
  )
  @Get()
  read(@Param('sessionId') sessionId: string, @CurrentUser() user: AuthenticatedUser) {
    return this.notes.read(sessionId, user.id);
  }

  @ApiAnswer(SessionNotesView, 'Saved; 409 note_signed once the notes are signed')
  @Put('group')
  writeGroup(
    @Param('sessionId') sessionId: string,
    @Body() body: NoteContentDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.notes.write(sessionId, user.id, body.content);
  }

  @ApiAnswer(SessionNotesView, 'Saved; 409 note_signed once the notes are signed')
  @Put('members/:userId')
  writeMember(
    @Param('sessionId') sessionId: string,
    @Param('userId') userId: string,
    @Body() body: NoteContentDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.notes.write(sessionId, user.id, body.content, userId);
  }

  @ApiAnswer(SessionNotesView, "Signed: the session's notes are locked; later text goes in addenda")
  @Post('sign')
  @HttpCode(200)
  sign(@Param('sessionId') sessionId: string, @CurrentUser() user: AuthenticatedUser) {
    return this.notes.sign(sessionId, user.id);
  }

  @ApiAnswer(AddendumCreated, 'Added to the signed note; 409 note_not_signed before signing')
  @Post('addenda')
  addAddendum(
    @Param('sessionId') sessionId: string,
    @Body() body: AddendumDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.notes.addAddendum(sessionId, user.id, body);
  }
}
