import { type AccountLinkEmailInput, accountLinkEmail } from './account-email.js';
import type { MailMessage } from './mailer.service.js';

export interface PasswordResetEmailInput extends AccountLinkEmailInput {
  validMinutes: number;
}

/** The e-mail with a link to choose a new password, plain text and HTML. */
export function passwordResetEmail(input: PasswordResetEmailInput): MailMessage {
  return accountLinkEmail(input, {
    subject: 'Choose a new password for Hearth',
    lead: `Someone asked to reset the password of your Hearth account. To choose a new one, open this link within ${input.validMinutes} minutes:`,
    action: `Choose a new password (the link works for ${input.validMinutes} minutes)`,
    footer:
      'If you did not ask for this, you can ignore this e-mail: your password stays as it is.',
  });
}
