import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClinicalModule } from '#clinical';
import { GroupsModule } from '#groups';
import { NotificationsModule } from '#notifications';
import { RemindersModule } from '#reminders';
import { COMMUNITY_ENTITIES } from './community.entities.js';
import { ModerationRepository } from './moderation/moderation.repository.js';
import { ModerationService } from './moderation/moderation.service.js';
import { CrisisFlags } from './posts/crisis-flags.service.js';
import { PostRepository } from './posts/post.repository.js';
import { PostsService } from './posts/posts.service.js';
import { SpaceRepository } from './space/space.repository.js';
import { SpaceService } from './space/space.service.js';
import { CommunityEvents } from './stream/community-events.js';
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
    CommunityEvents,
    CrisisFlags,
    PostsService,
    ModerationService,
    SpaceService,
    CommunityStreamService,
  ],
  exports: [PostsService, ModerationService, SpaceService, CommunityStreamService, CommunityEvents],
})
export class CommunityModule {}
