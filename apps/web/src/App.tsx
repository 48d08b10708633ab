import { Suspense, useEffect, useState } from 'react';
import { I18nProvider } from 'react-aria-components';
import { BrowserRouter, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { refresh } from './auth/session';
import { SignIn } from './auth/SignIn';
import { useAuth } from './auth/useAuth';
import * as curricula from './curricula/routes';
import * as directory from './directory/routes';
import * as groups from './groups/routes';
import { Home } from './home/Home';
import * as measures from './measures/routes';
import * as me from './me/routes';
import * as org from './org/routes';
import { Profile } from './profile/Profile';
import * as record from './record/routes';
import * as resources from './resources/routes';
import { JoinSession, OldJoinLink } from './room/JoinSession';
import * as sideRoom from './side-room/routes';
import * as space from './space/routes';
import { Layout } from './ui/Layout';
import * as webinars from './webinars/routes';

export function App() {
  const { t, i18n } = useTranslation();
  const auth = useAuth();
  const [restoring, setRestoring] = useState(true);
  // A stored refresh token signs the person back in after a reload.
  useEffect(() => void refresh().finally(() => setRestoring(false)), []);
  return (
    // React Aria's own words and date fields follow the chosen language, not only the browser's.
    <I18nProvider locale={i18n.resolvedLanguage}>
      <BrowserRouter>
        <Layout>
          {restoring ? (
            <p>{t('loading')}</p>
          ) : (
            <Suspense fallback={<p>{t('loading')}</p>}>
              <Routes>
                {webinars.publicRoutes}
                {measures.publicRoutes}
                {me.publicRoutes}
                {org.publicRoutes}
                {groups.publicRoutes}
                {curricula.publicRoutes}
                {directory.publicRoutes}
                {auth.status === 'signedIn' ? (
                  <>
                    <Route path="/sessions/:sessionId/join" element={<JoinSession />} />
                    <Route path="/join" element={<OldJoinLink />} />
                    <Route path="/profile" element={<Profile />} />
                    {org.routes}
                    {curricula.routes}
                    {directory.routes}
                    {groups.routes}
                    {me.routes}
                    {measures.routes}
                    {record.routes}
                    {resources.routes}
                    {sideRoom.routes}
                    {space.routes}
                    {webinars.routes}
                    <Route path="*" element={<Home name={auth.user.displayName} />} />
                  </>
                ) : (
                  <Route path="*" element={<SignIn expired={auth.status === 'expired'} />} />
                )}
              </Routes>
            </Suspense>
          )}
        </Layout>
      </BrowserRouter>
    </I18nProvider>
  );
}
