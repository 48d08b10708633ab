import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClinicalModule } from '#clinical';
import { GroupsModule } from '#groups';
import { NotificationsModule } from '#notifications';
import { RemindersModule } from '#reminders';
import { COMMUNITY_ENTITIES } from './community.entities.js';
import { CommunityDigestQueue } from './digest/community-digest.queue.js';
import { DigestRepository } from './digest/digest.repository.js';
import { ModerationRepository } from './moderation/moderation.repository.js';
import { ModerationService } from './moderation/moderation.service.js';
import { CrisisFlags } from './posts/crisis-flags.service.js';
import { PostRepository } from './posts/post.repository.js';
import { PostsService } from './posts/posts.service.js';
import { CommunityPersonalData } from './personal-data/community-personal-data.js';
import { CommunityPersonalDataRepository } from './personal-data/community-personal-data.repository.js';
import { SpaceRepository } from './space/space.repository.js';
import { SpaceService } from './space/space.service.js';
import { CommunityEvents } from './stream/community-events.js';
import { CommunityNotifyRepository } from './stream/community-notify.repository.js';
import { CommunityStreamService } from './stream/community-stream.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature(COMMUNITY_ENTITIES),
    GroupsModule,
    ClinicalModule,
    RemindersModule,
    NotificationsModule,
  ],
  providers: [
    PostRepository,
    ModerationRepository,
    SpaceRepository,
    CommunityNotifyRepository,
    CommunityEvents,
    CrisisFlags,
    PostsService,
    ModerationService,
    SpaceService,
    CommunityStreamService,
    CommunityPersonalDataRepository,
    CommunityPersonalData,
    DigestRepository,
    CommunityDigestQueue,
  ],
  exports: [
    PostsService,
    ModerationService,
    SpaceService,
    CommunityStreamService,
    CommunityEvents,
    DigestRepository,
    CommunityDigestQueue,
  ],
})
export class CommunityModule {}
