import {
  applyDecorators,
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  Injectable,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiParam } from '@nestjs/swagger';
import { Membership, OrganizationAccess } from '#organizations';
import type { OrganizationRole } from '#organizations';
import type { AuthenticatedRequest } from '../auth/auth.decorators.js';

const ROLES = 'hearth:organization-roles';

/**
 * Marks an organization-scoped route (`:orgId` in its path) and the roles allowed on it.
 * Non-members get 404, as if the organization did not exist; members without the role get 403.
 */
export const OrganizationRoles = (...roles: OrganizationRole[]) =>
  applyDecorators(
    SetMetadata(ROLES, roles),
    // The guard reads `:orgId` itself, so the handler declares no @Param for OpenAPI to see.
    ApiParam({ name: 'orgId', format: 'uuid', description: 'The organization' }),
  );

type RequestWithMembership = AuthenticatedRequest & { membership?: Membership };

/** The caller's membership in the route's organization, as checked by the guard. */
export const CurrentMembership = createParamDecorator(
  (_: unknown, context: ExecutionContext): Membership => {
    const membership = context.switchToHttp().getRequest<RequestWithMembership>().membership;
    if (!membership)
      throw new Error('CurrentMembership used on a route without @OrganizationRoles');
    return membership;
  },
);

@Injectable()
export class OrganizationAccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly access: OrganizationAccess,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const roles = this.reflector.getAllAndOverride<OrganizationRole[] | undefined>(ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!roles) return true;
    const request = context.switchToHttp().getRequest<RequestWithMembership>();
    const { orgId } = request.params as { orgId?: string };
    request.membership = await this.access.requireRole(orgId, request.user.id, roles);
    return true;
  }
}
