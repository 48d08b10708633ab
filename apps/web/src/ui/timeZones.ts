/**
 * The time zones a person can choose: UTC first (browsers list it only as an alias), then every
 * IANA zone the browser knows; a zone saved earlier that the list lacks is kept at the top.
 */
const ZONES = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];

export function timeZonesWith(current?: string | null): string[] {
  return !current || ZONES.includes(current) ? ZONES : [current, ...ZONES];
}
