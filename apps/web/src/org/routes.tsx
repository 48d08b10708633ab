import { lazy } from 'react';
import { Route } from 'react-router';

const NewOrganization = lazy(() => import('./NewOrganization'));
const OrganizationSettings = lazy(() => import('./OrganizationSettings'));
const Members = lazy(() => import('./Members'));

/** The 'org' screens for a signed-in person; pages load lazily, so the first screen stays small. */
export const routes = (
  <>
    <Route path="/organization/new" element={<NewOrganization />} />
    <Route path="/organization" element={<OrganizationSettings />} />
    <Route path="/organization/members" element={<Members />} />
  </>
);

/** The 'org' screens anyone may open without signing in. */
export const publicRoutes = <></>;
