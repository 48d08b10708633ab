import { lazy } from 'react';
import { Route } from 'react-router';

const MyGroups = lazy(() => import('./MyGroups'));
const Agreement = lazy(() => import('./Agreement'));
const Notifications = lazy(() => import('./Notifications'));
const AcceptInvitation = lazy(() => import('./AcceptInvitation'));
const VerifyEmail = lazy(() => import('./VerifyEmail'));
const ResetPassword = lazy(() => import('./ResetPassword'));
const AccountDeleted = lazy(() => import('../profile/AccountDeleted'));

/** The 'me' screens for a signed-in person; pages load lazily, so the first screen stays small. */
export const routes = (
  <>
    <Route path="/my-groups" element={<MyGroups />} />
    <Route path="/groups/:groupId/agreement" element={<Agreement />} />
    <Route path="/notifications" element={<Notifications />} />
  </>
);

/**
 * The 'me' screens anyone may open without signing in: the addresses account e-mails link to
 * (libs/identity, libs/organizations), each with its token in the URL fragment; and the page
 * shown once an account is deleted (the person is signed out by then).
 */
export const publicRoutes = (
  <>
    <Route path="/invitations/accept" element={<AcceptInvitation />} />
    <Route path="/verify-email" element={<VerifyEmail />} />
    <Route path="/reset-password" element={<ResetPassword />} />
    <Route path="/account-deleted" element={<AccountDeleted />} />
  </>
);
