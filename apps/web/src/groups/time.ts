/** The zone's name as people read it: "Asia/Dhaka" → "Asia/Dhaka" without underscores. */
export const zoneName = (zone: string) => zone.replaceAll('_', ' ');
