import { lazy } from 'react';
import { Route } from 'react-router';

const SideRoomPage = lazy(() => import('./SideRoomPage'));

/** The private side room's page (the session page's panel is a section of groups/SessionPage). */
export const routes = (
  <>
    <Route path="/side-rooms/:sideRoomId" element={<SideRoomPage />} />
  </>
);
