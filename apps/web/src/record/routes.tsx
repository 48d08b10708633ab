import { lazy } from 'react';
import { Route } from 'react-router';

const MyHomework = lazy(() => import('./MyHomework'));
const AuditLog = lazy(() => import('./AuditLog'));

/**
 * The clinical record's pages for a signed-in person (the session page's notes and homework are
 * sections of groups/SessionPage); pages load lazily, so the first screen stays small.
 */
export const routes = (
  <>
    <Route path="/homework" element={<MyHomework />} />
    <Route path="/organization/audit" element={<AuditLog />} />
  </>
);
