/** The alias, with the legal name beside it when the member gave one (facilitators only). */
export const whoIs = (person: { displayName: string; legalName: string | null }) =>
  person.legalName ? `${person.displayName} (${person.legalName})` : person.displayName;
