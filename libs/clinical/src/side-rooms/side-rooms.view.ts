import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { JoinAdmitted } from '#video';

export class OpenSideRoomDto {
  @ApiProperty({ format: 'uuid', description: 'The member invited into the private room' })
  @IsUUID()
  userId!: string;
}

export const SIDE_ROOM_STATUSES = ['invited', 'joined', 'declined', 'closed'] as const;
export type SideRoomStatus = (typeof SIDE_ROOM_STATUSES)[number];

export class SideRoomView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  sessionId!: string;

  @ApiProperty({ format: 'uuid', description: 'The member invited' })
  userId!: string;

  @ApiProperty({ description: "The member's alias" })
  displayName!: string;

  @ApiProperty({ format: 'uuid', description: 'The facilitator who opened it' })
  facilitatorId!: string;

  @ApiProperty({
    enum: SIDE_ROOM_STATUSES,
    description: 'invited until the member joins; declined or closed once over',
  })
  status!: SideRoomStatus;

  @ApiProperty()
  createdAt!: Date;

  @ApiProperty({ type: Date, nullable: true })
  closedAt!: Date | null;
}

export class SideRoomList {
  @ApiProperty({ type: [SideRoomView], description: 'The newest first' })
  items!: SideRoomView[];
}

/** Entering a side room: what livekit-client needs, and which side room it is. */
export class SideRoomAdmission extends JoinAdmitted {
  @ApiProperty({ format: 'uuid' })
  sideRoomId!: string;

  @ApiProperty({ format: 'uuid' })
  sessionId!: string;
}

/** An invitation waiting for the member: no name, no reason, only where and when. */
export class SideRoomInvitation {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  sessionId!: string;

  @ApiProperty()
  createdAt!: Date;

  @ApiProperty({ description: 'Whether the member has been in it already' })
  joined!: boolean;
}

export class SideRoomInvitationList {
  @ApiProperty({ type: [SideRoomInvitation], description: 'The newest first' })
  items!: SideRoomInvitation[];
}
