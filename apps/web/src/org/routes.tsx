/** The 'org' screens for a signed-in person; pages load lazily, so the first screen stays small. */
export const routes = <></>;

/** The 'org' screens anyone may open without signing in. */
export const publicRoutes = <></>;
