import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/result';
import type { en } from '../i18n/en';

type Code<K> = K extends `error_${infer C}` ? C : never;

/** Refusals the app explains in the reader's language (`error_<code>` in the shared strings). */
const KNOWN = new Set<string>([
  'session_not_found',
  'group_not_found',
  'webinar_not_found',
  'invitation_not_found',
  'invitation_expired',
  'invitation_accepted',
  'invitation_declined',
  'join_window_closed',
  'session_not_running',
  'lobby_denied',
  'lobby_entry_not_found',
  'session_changed',
  'rate_limited',
  'email_taken',
  'facilitators_only',
  'insufficient_role',
  'already_enrolled',
  'already_member',
  'capacity',
  'webinar_full',
  'reset_link_expired',
  'reset_link_invalid',
  'validation_failed',
] satisfies Code<keyof typeof en>[]);

type Refusal = { code?: string; message?: string };

/**
 * The words to show for a failure, in the reader's language: a known api refusal (an ApiError
 * from `ok()`, or the error body openapi-fetch answers) is explained; any other refusal shows
 * the api's own message to English readers and "Something went wrong" to everyone else; a
 * request that never reached the api (offline) says so.
 */
export function useErrorText(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return (error) => {
    if (error instanceof TypeError) return t('offline');
    const refusal: Refusal | undefined =
      error instanceof ApiError
        ? error
        : typeof error === 'object' && error !== null
          ? (error as Refusal)
          : undefined;
    const code = refusal?.code;
    if (code && KNOWN.has(code)) return t(`error_${code}` as keyof typeof en);
    if (refusal?.message && code && i18n.resolvedLanguage === 'en') return refusal.message;
    return t('somethingWrong');
  };
}
