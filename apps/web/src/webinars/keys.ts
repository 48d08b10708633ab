/** TanStack Query keys the webinar screens share. */
export const publicKey = (webinarId: string) => ['webinars', webinarId, 'public'];
