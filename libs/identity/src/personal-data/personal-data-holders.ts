import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { HoldsPersonalData, type PersonalDataHolder } from './personal-data-holder.js';

/** Every `@HoldsPersonalData()` provider of the application, found once it has started. */
@Injectable()
export class PersonalDataHolders implements OnApplicationBootstrap {
  private found: PersonalDataHolder[] | null = null;

  constructor(private readonly discovery: DiscoveryService) {}

  /** Two holders under one section name would overwrite each other's part of an export. */
  onApplicationBootstrap(): void {
    this.all();
  }

  all(): PersonalDataHolder[] {
    if (this.found) return this.found;
    const holders = [
      ...new Set(
        this.discovery
          .getProviders({ metadataKey: HoldsPersonalData.KEY })
          .map((wrapper) => wrapper.instance as PersonalDataHolder | undefined)
          .filter((holder): holder is PersonalDataHolder => !!holder),
      ),
    ].sort((a, b) => a.section.localeCompare(b.section));
    const sections = holders.map((holder) => holder.section);
    const twice = sections.filter((name, i) => sections.indexOf(name) !== i);
    if (twice.length) throw new Error(`Personal data sections held twice: ${twice.join(', ')}`);
    this.found = holders;
    return holders;
  }
}
