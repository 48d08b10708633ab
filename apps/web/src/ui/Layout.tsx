import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { LANGUAGES } from '../i18n/i18n';
import { useAuth } from '../auth/useAuth';
import { signOut } from '../auth/session';
import { useOrganization } from '../org/useOrganization';

export function Layout({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const auth = useAuth();
  const organization = useOrganization();
  return (
    <>
      <header className="bar">
        <span className="brand">{t('appName')}</span>
        <NavLink to="/help" className="help-link">
          {t('needHelp')}
        </NavLink>
        <label className="language">
          <span>{t('language')}</span>
          <select
            value={i18n.resolvedLanguage}
            onChange={(event) => void i18n.changeLanguage(event.target.value)}
          >
            {LANGUAGES.map((l) => (
              <option key={l.code} value={l.code} lang={l.code}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        {auth.status === 'signedIn' && (
          <nav aria-label={t('mainNav')} className="nav">
            <NavLink to="/">{t('navHome')}</NavLink>
            {organization ? (
              <>
                <NavLink to="/groups">{t('navGroups')}</NavLink>
                {organization.clinical && (
                  <>
                    <NavLink to="/curricula">{t('navCurricula')}</NavLink>
                    <NavLink to="/webinars">{t('navWebinars')}</NavLink>
                  </>
                )}
                <NavLink to="/organization">{t('navOrganization')}</NavLink>
              </>
            ) : (
              <NavLink to="/my-groups">{t('navMyGroups')}</NavLink>
            )}
            {!organization && <NavLink to="/check-ins">{t('navCheckIns')}</NavLink>}
            <NavLink to="/resources">{t('libraryTitle', { ns: 'resources' })}</NavLink>
            <NavLink to="/notifications">{t('navNotifications')}</NavLink>
            <NavLink to="/profile">{t('navProfile')}</NavLink>
            <button type="button" className="link sign-out" onClick={() => void signOut()}>
              {t('signOut')}
            </button>
          </nav>
        )}
      </header>
      <main>{children}</main>
    </>
  );
}
