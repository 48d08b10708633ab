import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationsModule } from '#organizations';
import { CurriculaService } from './curricula.service.js';
import { CurriculumAccess } from './curriculum-access.js';
import { CurriculumVersion } from './curriculum-version.entity.js';
import { Curriculum } from './curriculum.entity.js';
import { CurriculumRepository } from './curriculum.repository.js';

@Module({
  imports: [TypeOrmModule.forFeature([Curriculum, CurriculumVersion]), OrganizationsModule],
  providers: [CurriculumRepository, CurriculumAccess, CurriculaService],
  exports: [CurriculaService, CurriculumAccess],
})
export class CurriculaModule {}
