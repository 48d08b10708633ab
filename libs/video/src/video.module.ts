import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SessionsModule } from '#sessions';
import { JoinService } from './join.service.js';
import { LobbyEntry } from './lobby-entry.entity.js';
import { LobbyRepository } from './lobby.repository.js';
import { ModerationService } from './moderation.service.js';
import { RoomChatRepository } from './room-chat.repository.js';
import { RoomChatService } from './room-chat.service.js';
import { VideoPersonalData } from './personal-data/video-personal-data.js';
import { VideoPersonalDataRepository } from './personal-data/video-personal-data.repository.js';
import { SessionRemoval } from './session-removal.entity.js';
import { VideoService } from './video.service.js';
import { SessionRoomListener } from './open-close-room/session-room.listener.js';
import { SessionRoomQueue } from './open-close-room/session-room.queue.js';

@Module({
  imports: [TypeOrmModule.forFeature([LobbyEntry, SessionRemoval]), SessionsModule],
  providers: [
    VideoService,
    LobbyRepository,
    JoinService,
    ModerationService,
    RoomChatRepository,
    RoomChatService,
    SessionRoomQueue,
    SessionRoomListener,
    VideoPersonalDataRepository,
    VideoPersonalData,
  ],
  exports: [
    VideoService,
    JoinService,
    ModerationService,
    RoomChatService,
    LobbyRepository,
    SessionsModule,
  ],
})
export class VideoModule {}
