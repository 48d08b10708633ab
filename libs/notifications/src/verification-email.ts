import { escapeHtml } from './html.js';
import type { MailMessage } from './mailer.service.js';

export interface VerificationEmailInput {
  to: string;
  displayName: string;
  link: string;
}

/** The e-mail confirming an account's address, plain text and HTML. */
export function verificationEmail(input: VerificationEmailInput): MailMessage {
  const subject = 'Confirm your e-mail address for Hearth';
  const text = [
    `Hello ${input.displayName},`,
    ``,
    `Please confirm that this is your e-mail address by opening this link:`,
    ``,
    input.link,
    ``,
    `If you did not create a Hearth account, you can ignore this e-mail.`,
  ].join('\n');
  const html = `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">
<p>Hello ${escapeHtml(input.displayName)},</p>
<p><a href="${escapeHtml(input.link)}">Confirm that this is your e-mail address</a></p>
<p>If you did not create a Hearth account, you can ignore this e-mail.</p>
</body></html>`;
  return { to: input.to, subject, text, html };
}
