import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useProfile } from '../profile/useProfile';
import { useOrganization } from './useOrganization';

/**
 * For a signed-in person who belongs to no organization yet: the way to start one. Participants
 * of an organization never see it; their home is about their group.
 */
export function StartOrganization() {
  const { t } = useTranslation('org');
  const profile = useProfile();
  const organization = useOrganization();
  // Nothing until the profile is known, so staff never see it flash by.
  if (!profile.data || organization || profile.data.memberships.length > 0) return null;
  return (
    <section className="card" aria-labelledby="start-org-title">
      <h2 id="start-org-title">{t('startTitle')}</h2>
      <p>{t('startText')}</p>
      <Link className="button" to="/organization/new">
        {t('startAction')}
      </Link>
    </section>
  );
}
