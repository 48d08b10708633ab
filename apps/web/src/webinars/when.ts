/** The date a date field shows for `at` in `timeZone` (`2027-03-02`). */
export function wallDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(at);
}
