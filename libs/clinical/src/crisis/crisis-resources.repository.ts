import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OrganizationCrisisResources } from './organization-crisis-resources.entity.js';

@Injectable()
export class CrisisResourcesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  find(organizationId: string, locale: string): Promise<OrganizationCrisisResources | null> {
    return this.dataSource
      .getRepository(OrganizationCrisisResources)
      .findOneBy({ organizationId, locale });
  }

  async save(row: OrganizationCrisisResources): Promise<void> {
    await this.dataSource
      .getRepository(OrganizationCrisisResources)
      .upsert(row, ['organizationId', 'locale']);
  }
}
