import { DateTime } from 'luxon';
import type { MailMessage } from './mailer.service.js';

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface InvitationEmailInput {
  to: string;
  organizationName: string;
  role: string;
  link: string;
  expiresAt: Date;
  /** The address already has a Hearth account: accept by signing in, no new password. */
  hasAccount?: boolean;
}

/** The invitation e-mail, plain text and HTML. */
export function invitationEmail(input: InvitationEmailInput): MailMessage {
  const expires = DateTime.fromJSDate(input.expiresAt, { zone: 'utc' }).toFormat(
    "cccc d LLLL yyyy, HH:mm 'UTC'",
  );
  const subject = `You are invited to join ${input.organizationName} on Hearth`;
  const how = input.hasAccount
    ? `You already have a Hearth account: sign in to accept or decline it under your invitations, or open this link and confirm with your password:`
    : `Open this link to accept and choose your password:`;
  const action = input.hasAccount
    ? 'Accept the invitation with your Hearth account'
    : 'Accept the invitation and choose your password';
  const text = [
    `Hello,`,
    ``,
    `${input.organizationName} has invited you to join them on Hearth as ${input.role}.`,
    how,
    ``,
    input.link,
    ``,
    `The link works until ${expires}. If you were not expecting this, you can ignore this e-mail.`,
  ].join('\n');
  const org = escapeHtml(input.organizationName);
  const html = `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">
<p>Hello,</p>
<p><strong>${org}</strong> has invited you to join them on Hearth as ${escapeHtml(input.role)}.</p>
${input.hasAccount ? '<p>You already have a Hearth account: sign in to accept or decline it under your invitations, or use this link.</p>\n' : ''}<p><a href="${escapeHtml(input.link)}">${escapeHtml(action)}</a></p>
<p>The link works until ${escapeHtml(expires)}. If you were not expecting this, you can ignore this e-mail.</p>
</body></html>`;
  return { to: input.to, subject, text, html };
}
