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

  @ApiProperty({
    type: String,
    nullable: true,
    example: '/groups/0b5c4a8e-6f1d-4c2a-9e57-1d2f3a4b5c6d/space?tab=moderation',
    description: 'Where it leads in the app: a path starting with a single "/", or null',
  })
  link!: string | null;

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
