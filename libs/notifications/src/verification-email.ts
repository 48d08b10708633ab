import { type AccountLinkEmailInput, accountLinkEmail } from './account-email.js';
import type { MailMessage } from './mailer.service.js';

export type VerificationEmailInput = AccountLinkEmailInput;

/** The e-mail confirming an account's address, plain text and HTML. */
export function verificationEmail(input: VerificationEmailInput): MailMessage {
  return accountLinkEmail(input, {
    subject: 'Confirm your e-mail address for Hearth',
    lead: 'Please confirm that this is your e-mail address by opening this link:',
    action: 'Confirm that this is your e-mail address',
    footer: 'If you did not create a Hearth account, you can ignore this e-mail.',
  });
}
