import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';

export class RoomChatDto {
  @ApiProperty({ description: 'Chat on (true) or off (false) for everyone in the room, at once' })
  @IsBoolean()
  enabled!: boolean;
}
