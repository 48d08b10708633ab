import type { JoinRequestStatus } from './join-request.entity.js';

/** The languages answers to a request are written in; anything else is answered in English. */
export type AnswerLanguage = 'en' | 'bn' | 'id';

export function answerLanguage(locale: string): AnswerLanguage {
  const language = locale.toLowerCase().split('-')[0];
  return language === 'bn' || language === 'id' ? language : 'en';
}

type Decided = Extract<JoinRequestStatus, 'approved' | 'waitlisted' | 'declined'>;

interface Messages {
  decline: string;
  answerTitle: string;
  answerBody: Record<Decided, string>;
  emailSubject: string;
  emailText: (link: string) => string;
}

/**
 * What people are told about requests, in their language. Nothing here names the group, its
 * topic or a person: notifications show on lock screens and e-mail is read over shoulders.
 */
export const MESSAGES: Readonly<Record<AnswerLanguage, Messages>> = {
  en: {
    decline:
      'Thank you for asking to join. This group is not the right fit just now, and we are sorry ' +
      'we cannot offer you a place. You are welcome to look at the other groups, or to ask us ' +
      'again later.',
    answerTitle: 'Your request to join a group has an answer',
    answerBody: {
      approved: 'You have a place. Open Hearth to see when the group meets.',
      waitlisted: 'The group is full for now, and you are on its waitlist.',
      declined: 'Open Hearth to read the message from the facilitators.',
    },
    emailSubject: 'Your request to join a group on Hearth has an answer',
    emailText: (link) =>
      ['Hello,', '', 'There is an answer to your request. Sign in to read it:', '', link].join(
        '\n',
      ),
  },
  bn: {
    decline:
      'যোগ দিতে চাওয়ার জন্য ধন্যবাদ। এই মুহূর্তে এই দলটি আপনার জন্য উপযুক্ত নয়, এবং আপনাকে ' +
      'জায়গা দিতে না পারায় আমরা দুঃখিত। আপনি অন্য দলগুলো দেখতে পারেন, অথবা পরে আবার আমাদের জানাতে পারেন।',
    answerTitle: 'একটি দলে যোগ দেওয়ার অনুরোধের উত্তর এসেছে',
    answerBody: {
      approved: 'আপনি একটি জায়গা পেয়েছেন। দলটি কখন মিলিত হয় দেখতে Hearth খুলুন।',
      waitlisted: 'দলটি এখন পূর্ণ, আপনি অপেক্ষা-তালিকায় আছেন।',
      declined: 'সহায়কদের বার্তা পড়তে Hearth খুলুন।',
    },
    emailSubject: 'Hearth-এ একটি দলে যোগ দেওয়ার অনুরোধের উত্তর এসেছে',
    emailText: (link) =>
      ['নমস্কার,', '', 'আপনার অনুরোধের উত্তর এসেছে। পড়তে সাইন ইন করুন:', '', link].join('\n'),
  },
  id: {
    decline:
      'Terima kasih sudah meminta bergabung. Kelompok ini belum cocok untuk saat ini, dan kami ' +
      'mohon maaf belum bisa memberi Anda tempat. Silakan lihat kelompok lain, atau hubungi kami ' +
      'lagi nanti.',
    answerTitle: 'Permintaan Anda untuk bergabung dengan kelompok sudah dijawab',
    answerBody: {
      approved: 'Anda mendapat tempat. Buka Hearth untuk melihat jadwal pertemuan kelompok.',
      waitlisted: 'Kelompok sedang penuh, dan Anda ada di daftar tunggu.',
      declined: 'Buka Hearth untuk membaca pesan dari fasilitator.',
    },
    emailSubject: 'Permintaan Anda untuk bergabung dengan kelompok di Hearth sudah dijawab',
    emailText: (link) =>
      ['Halo,', '', 'Permintaan Anda sudah dijawab. Masuk untuk membacanya:', '', link].join('\n'),
  },
};

/**
 * What the group's facilitators are told when someone asks: in English, like every staff notice
 * (risk alerts, crisis flags), since nobody's language is stored; it names nobody.
 */
export const NEW_REQUEST_NOTICE = {
  title: 'Someone asked to join your group',
  body: "Open the group's requests to answer.",
} as const;
