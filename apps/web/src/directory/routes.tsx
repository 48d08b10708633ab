import { lazy } from 'react';
import { Route } from 'react-router';

const Directory = lazy(() => import('./Directory'));
const DirectoryGroup = lazy(() => import('./DirectoryGroup'));
const AskToJoin = lazy(() => import('./AskToJoin'));
const MyRequests = lazy(() => import('./MyRequests'));
const GroupRequests = lazy(() => import('./GroupRequests'));

/** The person's requests and the facilitators' requests page, signed in. */
export const routes = (
  <>
    <Route path="/me/requests" element={<MyRequests />} />
    <Route path="/groups/:groupId/requests" element={<GroupRequests />} />
  </>
);

/**
 * The public directory, for anyone; asking to join signs the person in (or up) on the form's own
 * page, which then shows the form.
 */
export const publicRoutes = (
  <>
    <Route path="/o/:orgId/groups" element={<Directory />} />
    <Route path="/o/:orgId/groups/:groupId" element={<DirectoryGroup />} />
    <Route path="/o/:orgId/groups/:groupId/ask" element={<AskToJoin />} />
  </>
);
