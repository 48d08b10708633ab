import type { MeasureKey } from './instruments.js';

/** The languages the measures are offered in; English is `MEASURES` itself. */
export type MeasureLanguage = 'en' | 'bn' | 'id';

export interface MeasureTranslation {
  options: readonly [string, string, string, string];
  measures: Record<MeasureKey, { stem: string; items: readonly string[] }>;
}

/**
 * PHQ-9 and GAD-7 in Indonesian and Bengali, item for item in the order of `MEASURES`.
 *
 * Indonesian: the wording of the Indonesian PHQ-9 and GAD-7 that Indonesian screening services
 * use (the translation offered at https://www.phqscreeners.com, free to reproduce).
 * Bengali: Hearth's translation, made item by item from the English with the answers' meaning
 * kept; an organization that uses the validated Bengali version (phqscreeners.com, "Bengali for
 * Bangladesh") should check it against this text before clinical use.
 */
export const MEASURE_TRANSLATIONS: Readonly<
  Record<Exclude<MeasureLanguage, 'en'>, MeasureTranslation>
> = {
  id: {
    options: [
      'Tidak sama sekali',
      'Beberapa hari',
      'Lebih dari separuh waktu',
      'Hampir setiap hari',
    ],
    measures: {
      'phq-9': {
        stem: 'Dalam 2 minggu terakhir, seberapa sering Anda terganggu oleh masalah-masalah berikut?',
        items: [
          'Kurang tertarik atau bergairah dalam melakukan apapun',
          'Merasa murung, muram, atau putus asa',
          'Sulit tidur atau mudah terbangun, atau terlalu banyak tidur',
          'Merasa lelah atau kurang bertenaga',
          'Kurang nafsu makan atau terlalu banyak makan',
          'Kurang percaya diri — atau merasa bahwa Anda adalah orang yang gagal atau telah mengecewakan diri sendiri atau keluarga',
          'Sulit berkonsentrasi pada sesuatu, misalnya membaca koran atau menonton televisi',
          'Bergerak atau berbicara sangat lambat sehingga orang lain memperhatikannya. Atau sebaliknya — merasa resah atau gelisah sehingga Anda lebih sering bergerak dari biasanya',
          'Merasa lebih baik mati atau ingin melukai diri sendiri dengan cara apapun',
        ],
      },
      'gad-7': {
        stem: 'Dalam 2 minggu terakhir, seberapa sering Anda terganggu oleh masalah-masalah berikut?',
        items: [
          'Merasa gugup, cemas, atau tegang',
          'Tidak mampu menghentikan atau mengendalikan rasa khawatir',
          'Terlalu mengkhawatirkan berbagai hal',
          'Sulit untuk santai',
          'Sangat gelisah sehingga sulit untuk duduk diam',
          'Menjadi mudah jengkel atau lekas marah',
          'Merasa takut seolah-olah sesuatu yang mengerikan akan terjadi',
        ],
      },
    },
  },
  bn: {
    options: ['একদম না', 'কয়েক দিন', 'অর্ধেকের বেশি দিন', 'প্রায় প্রতিদিন'],
    measures: {
      'phq-9': {
        stem: 'গত ২ সপ্তাহে নিচের সমস্যাগুলো আপনাকে কত ঘন ঘন বিরক্ত করেছে?',
        items: [
          'কোনো কাজ করতে আগ্রহ বা আনন্দ কম পাওয়া',
          'মন খারাপ, বিষণ্ণ বা হতাশ লাগা',
          'ঘুমিয়ে পড়তে বা ঘুম ধরে রাখতে অসুবিধা, অথবা অতিরিক্ত ঘুমানো',
          'ক্লান্ত লাগা বা শক্তি কম থাকা',
          'খাওয়ার রুচি কম থাকা বা অতিরিক্ত খাওয়া',
          'নিজেকে খারাপ মনে হওয়া — অথবা মনে হওয়া যে আপনি ব্যর্থ, বা নিজেকে বা পরিবারকে হতাশ করেছেন',
          'কোনো কিছুতে মনোযোগ দিতে অসুবিধা, যেমন খবরের কাগজ পড়া বা টেলিভিশন দেখা',
          'এত ধীরে চলাফেরা বা কথা বলা যে অন্যরা তা লক্ষ করতে পারে? অথবা উল্টোটা — এত অস্থির বা চঞ্চল থাকা যে আপনি স্বাভাবিকের চেয়ে অনেক বেশি নড়াচড়া করছেন',
          'মনে হওয়া যে মরে গেলেই ভালো হতো, অথবা কোনোভাবে নিজের ক্ষতি করার চিন্তা',
        ],
      },
      'gad-7': {
        stem: 'গত ২ সপ্তাহে নিচের সমস্যাগুলো আপনাকে কত ঘন ঘন বিরক্ত করেছে?',
        items: [
          'নার্ভাস, উদ্বিগ্ন বা অস্থির লাগা',
          'দুশ্চিন্তা থামাতে বা নিয়ন্ত্রণ করতে না পারা',
          'বিভিন্ন বিষয় নিয়ে অতিরিক্ত দুশ্চিন্তা করা',
          'স্বস্তিতে থাকতে অসুবিধা',
          'এত অস্থির থাকা যে স্থির হয়ে বসে থাকা কঠিন',
          'সহজেই বিরক্ত বা খিটখিটে হয়ে যাওয়া',
          'ভয় লাগা, যেন ভয়ংকর কিছু ঘটতে পারে',
        ],
      },
    },
  },
};

/** The measure language for a BCP 47 tag such as `bn-BD`; English when not offered. */
export function measureLanguage(locale: string): MeasureLanguage {
  const language = locale.toLowerCase().split('-')[0];
  return language === 'bn' || language === 'id' ? language : 'en';
}
