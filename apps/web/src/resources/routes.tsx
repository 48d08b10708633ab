import { lazy } from 'react';
import { Route } from 'react-router';

const Library = lazy(() => import('./Library'));
const ResourcePage = lazy(() => import('./ResourcePage'));
const NewResource = lazy(() => import('./ResourceForm').then((m) => ({ default: m.NewResource })));
const EditResource = lazy(() =>
  import('./ResourceForm').then((m) => ({ default: m.EditResource })),
);

/** The library's screens for a signed-in person; pages load lazily. */
export const routes = (
  <>
    <Route path="/resources" element={<Library />} />
    <Route path="/resources/new" element={<NewResource />} />
    <Route path="/resources/:resourceId" element={<ResourcePage />} />
    <Route path="/resources/:resourceId/edit" element={<EditResource />} />
  </>
);
