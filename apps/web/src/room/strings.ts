/**
 * The 'room' namespace (the chat in the session room): English is the source of every string; bn
 * and id have the same keys (the type says so). The room's other words are in `translation`.
 */
export const en = {
  chat: 'Chat',
  unread_one: '{{count}} new message',
  unread_other: '{{count}} new messages',
  chatTitle: 'Chat with the group',
  closeChat: 'Close the chat',
  notSaved:
    'Chat is not saved. Hearth never keeps it: it goes through the video server only and is gone when you leave.',
  noMessages: 'No messages yet.',
  you: 'You',
  someone: 'Someone',
  message: 'Message',
  send: 'Send',
  sendFailed: 'Your message was not sent. Try again.',
  allowChat: 'Allow chat',
  chatOff: 'The facilitator has turned the chat off.',
  chatOffFacilitator: 'The chat is off for everyone. Turn it on to let the group write again.',
  chatOnFacilitator: 'Everyone in the room can write.',
  previousPage: 'Previous people',
  nextPage: 'More people',
  pageOf: '{{page}} of {{count}}',
  // Leaving the room, never to be read as signing out (Indonesian uses "Keluar" for that).
  leaveRoom: 'Leave',
};

type Strings = Record<keyof typeof en, string>;

export const bn: Strings = {
  chat: 'চ্যাট',
  unread_one: '{{count}}টি নতুন বার্তা',
  unread_other: '{{count}}টি নতুন বার্তা',
  chatTitle: 'গ্রুপের সাথে চ্যাট',
  closeChat: 'চ্যাট বন্ধ করুন',
  notSaved:
    'চ্যাট সংরক্ষণ করা হয় না। Hearth কখনো তা রাখে না: এটি শুধু ভিডিও সার্ভারের মধ্য দিয়ে যায় এবং আপনি চলে গেলে মুছে যায়।',
  noMessages: 'এখনো কোনো বার্তা নেই।',
  you: 'আপনি',
  someone: 'কেউ একজন',
  message: 'বার্তা',
  send: 'পাঠান',
  sendFailed: 'আপনার বার্তা পাঠানো যায়নি। আবার চেষ্টা করুন।',
  allowChat: 'চ্যাট চালু রাখুন',
  chatOff: 'ফ্যাসিলিটেটর চ্যাট বন্ধ করে দিয়েছেন।',
  chatOffFacilitator: 'সবার জন্য চ্যাট বন্ধ। গ্রুপকে আবার লিখতে দিতে চালু করুন।',
  chatOnFacilitator: 'রুমের সবাই লিখতে পারেন।',
  previousPage: 'আগের অংশগ্রহণকারীরা',
  nextPage: 'আরও অংশগ্রহণকারী',
  pageOf: '{{count}}-এর মধ্যে {{page}}',
  leaveRoom: 'রুম ছেড়ে যান',
};

export const id: Strings = {
  chat: 'Obrolan',
  unread_one: '{{count}} pesan baru',
  unread_other: '{{count}} pesan baru',
  chatTitle: 'Obrolan dengan kelompok',
  closeChat: 'Tutup obrolan',
  notSaved:
    'Obrolan tidak disimpan. Hearth tidak pernah menyimpannya: obrolan hanya melewati server video dan hilang saat Anda keluar.',
  noMessages: 'Belum ada pesan.',
  you: 'Anda',
  someone: 'Seseorang',
  message: 'Pesan',
  send: 'Kirim',
  sendFailed: 'Pesan Anda tidak terkirim. Coba lagi.',
  allowChat: 'Izinkan obrolan',
  chatOff: 'Fasilitator telah menonaktifkan obrolan.',
  chatOffFacilitator:
    'Obrolan nonaktif untuk semua orang. Aktifkan agar kelompok bisa menulis lagi.',
  chatOnFacilitator: 'Semua orang di ruangan dapat menulis.',
  previousPage: 'Peserta sebelumnya',
  nextPage: 'Peserta lainnya',
  pageOf: '{{page}} dari {{count}}',
  leaveRoom: 'Tinggalkan ruangan',
};
