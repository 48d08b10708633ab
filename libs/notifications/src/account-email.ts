import { escapeHtml } from './html.js';
import type { MailMessage } from './mailer.service.js';

export interface AccountLinkEmailInput {
  to: string;
  displayName: string;
  link: string;
}

interface AccountLinkEmailText {
  subject: string;
  /** The sentence before the link in the plain-text version. */
  lead: string;
  /** The link's text in the HTML version. */
  action: string;
  /** What to do when the mail was not expected. */
  footer: string;
}

/** An e-mail about the person's own account with one link in it, plain text and HTML. */
export function accountLinkEmail(
  input: AccountLinkEmailInput,
  { subject, lead, action, footer }: AccountLinkEmailText,
): MailMessage {
  const text = [`Hello ${input.displayName},`, ``, lead, ``, input.link, ``, footer].join('\n');
  const html = `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">
<p>Hello ${escapeHtml(input.displayName)},</p>
<p><a href="${escapeHtml(input.link)}">${escapeHtml(action)}</a></p>
<p>${escapeHtml(footer)}</p>
</body></html>`;
  return { to: input.to, subject, text, html };
}
