import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Removes what one lib granted the user; runs inside the reclaim's transaction. */
export type AccountReclaimHook = (userId: string, manager: EntityManager) => Promise<void>;

/**
 * When the owner of an address takes back an account someone else registered with it and never
 * confirmed, that person's organizations, groups and seats must not pass to the owner. The libs
 * that hold such grants depend on identity, not the reverse, so they register a hook here.
 */
@Injectable()
export class AccountReclaimService {
  private readonly hooks: AccountReclaimHook[] = [];

  /** Registers `hook`; call it from the registering lib's `onModuleInit`. */
  register(hook: AccountReclaimHook): void {
    this.hooks.push(hook);
  }

  /** Strips the account of what whoever registered it was granted, in `manager`'s transaction. */
  async strip(userId: string, manager: EntityManager): Promise<void> {
    for (const hook of this.hooks) await hook(userId, manager);
  }
}
