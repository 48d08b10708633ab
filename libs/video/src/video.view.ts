import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '#common';

/** Let in: what livekit-client needs to connect. */
export class JoinAdmitted {
  @ApiProperty({ enum: ['admitted'] })
  status!: 'admitted';

  @ApiProperty({ example: 'wss://livekit.hearth.example' })
  serverUrl!: string;

  @ApiProperty({ description: 'A short-lived LiveKit access token' })
  token!: string;

  @ApiProperty({ example: 'session-6f1c…' })
  roomName!: string;

  @ApiProperty({ description: "The caller's user id" })
  identity!: string;

  @ApiProperty({
    enum: ['facilitator', 'participant'],
    description: 'How the caller is in the room',
  })
  role!: 'facilitator' | 'participant';

  @ApiProperty({
    description:
      "Whether the room's chat is on now; the room metadata's `chat` tells of later switches",
  })
  chat!: boolean;
}

/** In the lobby until a facilitator admits them; call again to check. */
export class JoinWaiting {
  @ApiProperty({ enum: ['waiting'] })
  status!: 'waiting';

  @ApiProperty({ format: 'uuid' })
  lobbyEntryId!: string;
}

export type JoinAnswer = JoinAdmitted | JoinWaiting;

export class LobbyEntryView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty()
  waitingSince!: Date;
}

export class LobbyPage extends PageOf(LobbyEntryView) {}

export class LobbyDecision {
  @ApiProperty({ format: 'uuid', description: 'The lobby entry' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty({ enum: ['admitted', 'denied'] })
  status!: 'admitted' | 'denied';
}

export class MuteResult {
  @ApiProperty()
  userId!: string;

  @ApiProperty({ type: 'integer', description: 'How many of their tracks were muted' })
  mutedTracks!: number;
}

export class RemovalResult {
  @ApiProperty()
  userId!: string;

  @ApiProperty()
  removed!: boolean;
}

export class SessionEnded {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ['ended'] })
  status!: 'ended';
}

/** The room's chat switch for a session. */
export class RoomChatView {
  @ApiProperty({ format: 'uuid' })
  sessionId!: string;

  @ApiProperty({ description: 'Whether the people in the room may chat' })
  enabled!: boolean;
}
