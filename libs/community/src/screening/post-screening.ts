import { LinkifyIt } from 'linkify-it';
import type { HeldReason } from '../community.entities.js';
import { CRISIS_PHRASES } from './crisis-phrases.js';

/** Links with or without a scheme (`example.com`), and e-mail addresses. */
const linkify = new LinkifyIt({ fuzzyLink: true, fuzzyEmail: true, fuzzyIP: true });

// Bengali and Arabic-Indic digits count as digits: a number written in any script is a number.
const DIGITS: Record<string, string> = {};
for (let d = 0; d <= 9; d++) {
  DIGITS[String.fromCharCode(0x09e6 + d)] = String(d);
  DIGITS[String.fromCharCode(0x0660 + d)] = String(d);
}

/**
 * Lowercased NFKC text with zero-width characters gone, other digits as ASCII and runs of space
 * as one: what phrases and words are matched against.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\u200b|\u200c|\u200d|\u2060|\ufeff/g, '')
    .replace(/[\u09e6-\u09ef\u0660-\u0669]/g, (c) => DIGITS[c] ?? c)
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whole words or phrases in any script: no letter, mark or digit right before or after (`\b`
 * knows only ASCII, and Bengali vowel signs are marks).
 */
function wholeWords(phrases: readonly string[]): RegExp | null {
  const alternatives = phrases
    .map((phrase) => normalizeText(phrase))
    .filter((phrase) => phrase !== '')
    .sort((a, b) => b.length - a.length)
    .map((phrase) => escape(phrase).replace(/ /g, '\\s+'));
  if (alternatives.length === 0) return null;
  return new RegExp(
    `(?<![\\p{L}\\p{M}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{M}\\p{N}])`,
    'u',
  );
}

const CRISIS = wholeWords(Object.values(CRISIS_PHRASES).flat())!;

/** A phone number shared in text: 8 or more digits, maybe spaced, dashed or dotted. */
const PHONE = /(?<!\d)\+?\d(?:[\s\-.()]{0,2}\d){7,}(?!\d)/;

/** Whether the text carries a link, an e-mail address or a phone number. */
export function hasContactOrLink(text: string): boolean {
  const normalized = normalizeText(text);
  return linkify.test(normalized) || PHONE.test(normalized);
}

export function readsLikeCrisis(text: string): boolean {
  return CRISIS.test(normalizeText(text));
}

export function hasWatchedWord(text: string, words: readonly string[]): boolean {
  return wholeWords(words)?.test(normalizeText(text)) ?? false;
}

export interface Screening {
  crisis: boolean;
  /** Why the post would be held; empty when it goes up at once. */
  reasons: HeldReason[];
}

/** What a post's text means for its review: held for a link, a watched word or a crisis. */
export function screenPost(text: string, watchedWords: readonly string[]): Screening {
  const crisis = readsLikeCrisis(text);
  const reasons: HeldReason[] = [];
  if (hasContactOrLink(text)) reasons.push('link');
  if (hasWatchedWord(text, watchedWords)) reasons.push('watched_word');
  if (crisis) reasons.push('crisis');
  return { crisis, reasons };
}
