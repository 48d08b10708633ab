import { ConflictError } from '#common';
import type { Invitation } from './invitation.entity.js';

/** Refuses an invitation that was accepted, declined or has expired. */
export function assertInvitationOpen(invitation: Invitation, now: Date): void {
  if (invitation.acceptedAt) {
    throw new ConflictError('invitation_accepted', 'This invitation has already been accepted');
  }
  if (invitation.declinedAt) {
    throw new ConflictError('invitation_declined', 'This invitation was declined');
  }
  if (invitation.expiresAt <= now) {
    throw new ConflictError('invitation_expired', 'This invitation has expired; ask for a new one');
  }
}
