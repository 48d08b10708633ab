import { lazy } from 'react';
import { Route } from 'react-router';

const GroupPage = lazy(() => import('./GroupPage'));
const GroupsList = lazy(() => import('./GroupsList'));
const NewGroup = lazy(() => import('./NewGroup'));
const SessionPage = lazy(() => import('./SessionPage'));

/** The 'groups' screens for a signed-in person; pages load lazily, so the first screen stays small. */
export const routes = (
  <>
    <Route path="/groups" element={<GroupsList />} />
    <Route path="/groups/new" element={<NewGroup />} />
    <Route path="/groups/:groupId" element={<GroupPage />} />
    <Route path="/sessions/:sessionId" element={<SessionPage />} />
  </>
);

/** The 'groups' screens anyone may open without signing in. */
export const publicRoutes = <></>;
