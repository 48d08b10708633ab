import { accountLinkEmail } from './account-email.js';
import type { MailMessage } from './mailer.service.js';

export interface CheckInEmailInput {
  to: string;
  displayName: string;
  /** Where the person answers: the check-ins page, which needs signing in. */
  link: string;
}

/**
 * The one reminder of a measure the person has not answered yet. It names no measure, group or
 * question: a phone's lock screen shows the subject to anyone holding it.
 */
export const checkInReminderEmail = (input: CheckInEmailInput): MailMessage =>
  accountLinkEmail(input, {
    subject: 'Hearth: a short check-in before your session',
    lead: "Your facilitators asked for a short check-in before your next session. It takes about two minutes; only your group's facilitators and your organization's clinical administrators see your answers:",
    action: 'Open your check-in',
    footer: 'It closes when the session starts. If it is not a good moment, that is fine too.',
  });
