import { useEffect, useState } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { refresh } from './auth/session';
import { SignIn } from './auth/SignIn';
import { useAuth } from './auth/useAuth';
import { Home } from './home/Home';
import { Profile } from './profile/Profile';
import { JoinSession } from './room/JoinSession';
import { Layout } from './ui/Layout';

export function App() {
  const { t } = useTranslation();
  const auth = useAuth();
  const [restoring, setRestoring] = useState(true);
  // A stored refresh token signs the person back in after a reload.
  useEffect(() => void refresh().finally(() => setRestoring(false)), []);
  return (
    <BrowserRouter>
      <Layout>
        {restoring ? (
          <p>{t('loading')}</p>
        ) : auth.status === 'signedIn' ? (
          <Routes>
            <Route path="/sessions/:sessionId/join" element={<JoinSession />} />
            <Route path="/profile" element={<Profile />} />
            <Route path="*" element={<Home name={auth.user.displayName} />} />
          </Routes>
        ) : (
          <SignIn expired={auth.status === 'expired'} />
        )}
      </Layout>
    </BrowserRouter>
  );
}
