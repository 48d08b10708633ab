import type { MailMessage } from '#notifications';

export interface DigestMessageInput {
  to: string;
  count: number;
  groups: number;
  /** The group space, or home when several groups have new posts. */
  link: string;
}

/** "2 new posts in your group": never a post's text, its author, or the group's name or topic. */
export function digestSummary({ count, groups }: Pick<DigestMessageInput, 'count' | 'groups'>) {
  const posts = count === 1 ? '1 new post' : `${count} new posts`;
  return `${posts} in ${groups === 1 ? 'your group' : 'your groups'}`;
}

export function digestEmail(input: DigestMessageInput): MailMessage {
  const summary = digestSummary(input);
  const text = [
    'Hello,',
    '',
    `${summary} on Hearth. Sign in to read them:`,
    '',
    input.link,
    '',
    'You can turn these e-mails off in your profile.',
  ].join('\n');
  const html = `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">
<p>Hello,</p>
<p>${summary} on Hearth.</p>
<p><a href="${input.link.replace(/"/g, '&quot;')}">Sign in to read them</a></p>
<p>You can turn these e-mails off in your profile.</p>
</body></html>`;
  return { to: input.to, subject: 'Hearth: new posts in your group', text, html };
}
