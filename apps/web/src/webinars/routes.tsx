import { lazy } from 'react';
import { Route } from 'react-router';

const WebinarPage = lazy(() => import('./WebinarPage'));
const WebinarList = lazy(() => import('./WebinarList'));
const NewWebinar = lazy(() => import('./NewWebinar'));
const HostWebinar = lazy(() => import('./HostWebinar'));

/** The 'webinars' screens for a signed-in person; pages load lazily, so the first screen stays small. */
export const routes = (
  <>
    <Route path="/webinars" element={<WebinarList />} />
    <Route path="/webinars/new" element={<NewWebinar />} />
    <Route path="/webinars/:webinarId/host" element={<HostWebinar />} />
  </>
);

/** The 'webinars' screens anyone may open without signing in: the page a webinar is shared with. */
export const publicRoutes = (
  <>
    <Route path="/webinars/:webinarId" element={<WebinarPage />} />
  </>
);
