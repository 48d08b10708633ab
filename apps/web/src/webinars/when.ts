/** A webinar's start, in `timeZone` (the viewer's when undefined), with the zone's short name. */
export function formatStart(startsAt: string, language: string | undefined, timeZone?: string) {
  return new Intl.DateTimeFormat(language, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(new Date(startsAt));
}

/** The date a date field shows for `at` in `timeZone` (`2027-03-02`). */
export function wallDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(at);
}
