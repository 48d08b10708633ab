import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { JoinAdmitted } from '#video';
import { MemberNameView } from '../member-name.view.js';
import { SIDE_ROOM_STATUSES, type SideRoomStatus } from './side-room-state.js';

export class OpenSideRoomDto {
  @ApiProperty({ format: 'uuid', description: 'The member invited into the private room' })
  @IsUUID()
  userId!: string;
}

export { SIDE_ROOM_STATUSES, type SideRoomStatus };

/** A side room; `userId`, `displayName` and `legalName` are the member invited. */
export class SideRoomView extends MemberNameView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  sessionId!: string;

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
