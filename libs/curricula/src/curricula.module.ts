import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationsModule } from '#organizations';
import { CurriculaService } from './curricula.service.js';
import { CurriculumVersion } from './curriculum-version.entity.js';
import { Curriculum } from './curriculum.entity.js';
import { CurriculumRepository } from './curriculum.repository.js';

@Module({
  imports: [TypeOrmModule.forFeature([Curriculum, CurriculumVersion]), OrganizationsModule],
  providers: [CurriculumRepository, CurriculaService],
  exports: [CurriculaService],
})
export class CurriculaModule {}
