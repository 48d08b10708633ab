import { lazy } from 'react';
import { Route } from 'react-router';

const Curricula = lazy(() => import('./Curricula'));
const CurriculumPage = lazy(() => import('./CurriculumPage'));

/** The 'curricula' screens for a signed-in person; pages load lazily, so the first screen stays small. */
export const routes = (
  <>
    <Route path="/curricula" element={<Curricula />} />
    <Route path="/curricula/:curriculumId" element={<CurriculumPage />} />
  </>
);

/** The 'curricula' screens anyone may open without signing in. */
export const publicRoutes = <></>;
