import { lazy } from 'react';
import { Route } from 'react-router';

const GroupPage = lazy(() => import('./GroupPage'));

/** The 'groups' screens for a signed-in person; pages load lazily, so the first screen stays small. */
export const routes = (
  <>
    <Route path="/groups/:groupId" element={<GroupPage />} />
  </>
);

/** The 'groups' screens anyone may open without signing in. */
export const publicRoutes = <></>;
