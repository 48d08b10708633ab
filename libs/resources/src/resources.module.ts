import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationsModule } from '#organizations';
import { SessionsModule } from '#sessions';
import { ModuleResource } from './module-resource.entity.js';
import { ModuleResourcesService } from './module-resources.service.js';
import { ResourceAccess } from './resource-access.js';
import { Resource } from './resource.entity.js';
import { ResourceRepository } from './resource.repository.js';
import { ResourcesService } from './resources.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([Resource, ModuleResource]),
    OrganizationsModule,
    SessionsModule,
  ],
  providers: [ResourceRepository, ResourceAccess, ResourcesService, ModuleResourcesService],
  exports: [ResourcesService, ModuleResourcesService, ResourceAccess],
})
export class ResourcesModule {}
