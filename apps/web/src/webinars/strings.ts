/**
 * The 'webinars' namespace: English is the source of every string; bn and id have the same keys
 * (the type says so), so a missing translation fails the build.
 */
export const en = {} satisfies Record<string, string>;

export const bn: Record<keyof typeof en, string> = {};

export const id: Record<keyof typeof en, string> = {};
