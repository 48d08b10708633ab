import type { Schemas } from '../api/client';
import { useProfile } from '../profile/useProfile';

export type Kind = Schemas['ResourceKind'];
export const KINDS: readonly Kind[] = ['article', 'worksheet', 'video', 'audio', 'link'];
/** Kinds that are an address elsewhere: the form asks for one. */
export const URL_KINDS: readonly Kind[] = ['video', 'audio', 'link'];

/** Languages offered for a resource; the shipped ones first. */
export const RESOURCE_LANGUAGES = [
  'en',
  'bn',
  'id',
  'hi',
  'ur',
  'ar',
  'es',
  'fr',
  'pt',
  'sw',
  'zh',
];

/**
 * The library the person reads: of `organizationId` when the address names one they belong to
 * (`?org=` on /resources, a curriculum's or a resource's organization), else of the organization
 * they work in, else the first they belong to (a participant's); undefined outside any
 * organization or outside the one named. Curators are everyone but participants.
 */
export function useLibrary(
  organizationId?: string | null,
): { organizationId: string; curator: boolean } | undefined {
  const memberships = useProfile().data?.memberships ?? [];
  const membership = organizationId
    ? memberships.find((m) => m.organizationId === organizationId)
    : (memberships.find((m) => m.role !== 'participant') ?? memberships[0]);
  return (
    membership && {
      organizationId: membership.organizationId,
      curator: membership.role !== 'participant',
    }
  );
}

/** `?org=<id>` for a link that keeps the library's organization. */
export const orgQuery = (organizationId: string) => `?org=${encodeURIComponent(organizationId)}`;

/** The host an address leads to, said before anyone leaves Hearth for it. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Only https addresses become links (the api stores nothing else). */
export const safeHttps = (url: string | null | undefined) =>
  url && /^https:\/\//i.test(url) ? url : undefined;
