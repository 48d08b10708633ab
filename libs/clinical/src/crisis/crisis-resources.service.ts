import { Injectable } from '@nestjs/common';
import { Clock } from '#common';
import { CrisisResourcesRepository } from './crisis-resources.repository.js';
import type { CrisisResourceList, CrisisResourceView } from './crisis-resources.view.js';
import { defaultCrisisResources } from './default-crisis-resources.js';

/** Where someone in crisis can turn, for their locale: their organization's first, then Hearth's. */
@Injectable()
export class CrisisResourcesService {
  constructor(
    private readonly resources: CrisisResourcesRepository,
    private readonly clock: Clock,
  ) {}

  async forLocale(locale: string, organizationId?: string): Promise<CrisisResourceList> {
    const own = organizationId ? await this.resources.find(organizationId, locale) : null;
    return { locale, items: [...(own?.items ?? []), ...defaultCrisisResources(locale)] };
  }

  /** Replaces the organization's own resources for the locale (owners and admins). */
  async set(
    organizationId: string,
    actorId: string,
    locale: string,
    items: CrisisResourceView[],
  ): Promise<CrisisResourceList> {
    await this.resources.save({
      organizationId,
      locale,
      items: items.map(({ name, description, phone, sms, url, hours }) => ({
        name,
        description,
        ...(phone && { phone }),
        ...(sms && { sms }),
        ...(url && { url }),
        ...(hours && { hours }),
      })),
      updatedById: actorId,
      updatedAt: this.clock.now(),
    });
    return this.forLocale(locale, organizationId);
  }
}
