import { lazy } from 'react';
import { Route } from 'react-router';

const CheckIns = lazy(() => import('./CheckIns'));
const Help = lazy(() => import('./Help'));

/** Check-ins (measures before sessions) for a signed-in person. */
export const routes = (
  <>
    <Route path="/check-ins" element={<CheckIns />} />
    <Route path="/check-ins/:requestId" element={<CheckIns />} />
  </>
);

/** "I need help": for anyone, signed in or not. */
export const publicRoutes = <Route path="/help" element={<Help />} />;
