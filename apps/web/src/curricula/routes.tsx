/** The 'curricula' screens for a signed-in person; pages load lazily, so the first screen stays small. */
export const routes = <></>;

/** The 'curricula' screens anyone may open without signing in. */
export const publicRoutes = <></>;
