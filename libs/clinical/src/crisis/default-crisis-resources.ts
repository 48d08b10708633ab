/** A place a person in crisis can reach now. */
export interface CrisisResource {
  name: string;
  /** What it is, in words a person in distress can act on, in the locale's language. */
  description: string;
  phone?: string;
  /** A number to text, with what to write when the service asks for a keyword. */
  sms?: string;
  url?: string;
  hours?: string;
}

/**
 * Hearth's crisis resources per locale, shown at once when a PHQ-9 answer says someone thinks of
 * dying or of hurting themselves, and behind "I need help". An organization may put its own
 * first (`crisis_resources`). Each entry names its source; check them when editing:
 * - en-US: 988 Suicide & Crisis Lifeline, call or text 988, 24/7 (https://988lifeline.org);
 *   emergency 911.
 * - en-GB: Samaritans, free call 116 123, 24/7 (https://www.samaritans.org/how-we-can-help/
 *   contact-samaritan/); Shout, text SHOUT to 85258, 24/7 (https://giveusashout.org);
 *   emergency 999.
 * - en-IE: Samaritans Ireland, free call 116 123, 24/7 (https://www.samaritans.org/ireland/);
 *   Text About It, text HELLO to 50808, 24/7 (https://text50808.ie); emergency 112 or 999.
 * - bn-BD: Kaan Pete Roi, Bangladesh's emotional support and suicide prevention helpline, a
 *   member of Befrienders Worldwide, open 12 hours every day (https://kaanpeteroi.org/who-we-are/);
 *   National Emergency Service 999.
 * - id-ID: Healing119.id, the Ministry of Health's free, anonymous crisis support, reactivated
 *   31 July 2025 (https://kesprimkom.kemkes.go.id, "Kenali Layanan Healing119.id", 7 Aug 2025);
 *   SEJIWA 119 ext. 8, office hours (Kemenkes, March 2024); emergency 112.
 * Anywhere else: Find A Helpline, a directory of free helplines by country (https://findahelpline.com).
 */
export const DEFAULT_CRISIS_RESOURCES: Readonly<Record<string, readonly CrisisResource[]>> = {
  'en-US': [
    {
      name: '988 Suicide & Crisis Lifeline',
      description: 'Call or text 988 to talk with someone now. Free and confidential.',
      phone: '988',
      sms: '988',
      url: 'https://988lifeline.org',
      hours: '24/7',
    },
    {
      name: 'Emergency services',
      description: 'If you might act on these thoughts now, call 911.',
      phone: '911',
      hours: '24/7',
    },
  ],
  'en-GB': [
    {
      name: 'Samaritans',
      description: 'Call free on 116 123 to talk with someone now, whatever you are going through.',
      phone: '116 123',
      url: 'https://www.samaritans.org',
      hours: '24/7',
    },
    {
      name: 'Shout',
      description: 'If talking is hard, text SHOUT to 85258.',
      sms: '85258 (SHOUT)',
      url: 'https://giveusashout.org',
      hours: '24/7',
    },
    {
      name: 'Emergency services',
      description: 'If you might act on these thoughts now, call 999.',
      phone: '999',
      hours: '24/7',
    },
  ],
  'en-IE': [
    {
      name: 'Samaritans Ireland',
      description: 'Call free on 116 123 to talk with someone now.',
      phone: '116 123',
      url: 'https://www.samaritans.org/ireland/',
      hours: '24/7',
    },
    {
      name: 'Text About It',
      description: 'If talking is hard, text HELLO to 50808.',
      sms: '50808 (HELLO)',
      url: 'https://text50808.ie',
      hours: '24/7',
    },
    {
      name: 'Emergency services',
      description: 'If you might act on these thoughts now, call 112 or 999.',
      phone: '112',
      hours: '24/7',
    },
  ],
  'bn-BD': [
    {
      name: 'কান পেতে রই (Kaan Pete Roi)',
      description: 'মন খারাপ বা আত্মহত্যার চিন্তা হলে কথা বলুন। প্রশিক্ষিত স্বেচ্ছাসেবকেরা মন দিয়ে শুনবেন।',
      url: 'https://kaanpeteroi.org',
      hours: 'প্রতিদিন ১২ ঘণ্টা',
    },
    {
      name: 'জাতীয় জরুরি সেবা',
      description: 'এখনই নিজের ক্ষতি করার আশঙ্কা থাকলে ৯৯৯ নম্বরে কল করুন।',
      phone: '999',
      hours: '২৪ ঘণ্টা',
    },
  ],
  'id-ID': [
    {
      name: 'Healing119.id (Kementerian Kesehatan)',
      description: 'Bicara dengan konselor sekarang, gratis dan tanpa menyebut nama.',
      url: 'https://healing119.id',
    },
    {
      name: 'SEJIWA',
      description: 'Layanan kesehatan jiwa Kementerian Kesehatan: telepon 119, lalu tekan 8.',
      phone: '119 ext. 8',
      hours: 'Jam kerja',
    },
    {
      name: 'Layanan darurat',
      description: 'Jika Anda mungkin melukai diri sekarang, telepon 112.',
      phone: '112',
      hours: '24 jam',
    },
  ],
};

/** Where anyone anywhere can find a free helpline. */
export const ANYWHERE_CRISIS_RESOURCES: readonly CrisisResource[] = [
  {
    name: 'Find A Helpline',
    description: 'Free, confidential helplines in your country, by phone, text or chat.',
    url: 'https://findahelpline.com',
  },
];

/** The region a bare language tag stands for (a phone number is only right in its country). */
const BY_LANGUAGE: Record<string, string> = { en: 'en-US', bn: 'bn-BD', id: 'id-ID' };

/**
 * Hearth's resources for a locale: the exact one; for a bare language, its usual region's;
 * anywhere else (a region Hearth has no numbers for) the directory, never another country's.
 */
export function defaultCrisisResources(locale: string): readonly CrisisResource[] {
  const wanted = locale.includes('-') ? locale : BY_LANGUAGE[locale.toLowerCase()];
  const key = Object.keys(DEFAULT_CRISIS_RESOURCES).find(
    (known) => known.toLowerCase() === wanted?.toLowerCase(),
  );
  return key ? DEFAULT_CRISIS_RESOURCES[key] : ANYWHERE_CRISIS_RESOURCES;
}
