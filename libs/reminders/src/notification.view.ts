import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '#common';

export class NotificationView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({
    example: 'reminder',
    description: 'reminder, session_moved, session_cancelled, ...',
  })
  kind!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  body!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  sessionId!: string | null;

  @ApiProperty()
  createdAt!: Date;

  @ApiProperty()
  read!: boolean;
}

export class NotificationPage extends PageOf(NotificationView) {
  @ApiProperty({ type: 'integer', description: 'Unread notifications in all pages' })
  unreadCount!: number;
}

export class NotificationRead {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  read!: boolean;
}
