import { lazy } from 'react';
import { Route } from 'react-router';

const GroupSpace = lazy(() => import('./GroupSpace'));

/** The group space for a signed-in member or facilitator; the page loads lazily. */
export const routes = <Route path="/groups/:groupId/space/:section?" element={<GroupSpace />} />;
