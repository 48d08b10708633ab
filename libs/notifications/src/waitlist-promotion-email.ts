import { escapeHtml } from './html.js';
import type { MailMessage } from './mailer.service.js';

export interface WaitlistPromotionEmailInput {
  to: string;
  displayName: string;
  groupName: string;
  link: string;
}

/** Tells someone on a waitlist that a seat is theirs now. */
export function waitlistPromotionEmail(input: WaitlistPromotionEmailInput): MailMessage {
  const subject = `A place opened up for you in ${input.groupName}`;
  const text = [
    `Hello ${input.displayName},`,
    ``,
    `A place has opened up in ${input.groupName}, and it is yours. You can see the sessions here:`,
    ``,
    input.link,
    ``,
    `If you no longer wish to join, you can leave the group from the same page.`,
  ].join('\n');
  const html = `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">
<p>Hello ${escapeHtml(input.displayName)},</p>
<p>A place has opened up in <strong>${escapeHtml(input.groupName)}</strong>, and it is yours.</p>
<p><a href="${escapeHtml(input.link)}">See your sessions</a></p>
<p>If you no longer wish to join, you can leave the group from the same page.</p>
</body></html>`;
  return { to: input.to, subject, text, html };
}
