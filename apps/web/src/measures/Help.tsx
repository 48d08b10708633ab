import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CrisisResources } from './CrisisResources';

/** `/help`: "I need help", for anyone, signed in or not: where to turn right now. */
export default function Help() {
  const { t } = useTranslation('measures');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="help-page" aria-labelledby="help-title">
      <h1 id="help-title" tabIndex={-1} ref={heading}>
        {t('helpTitle')}
      </h1>
      <p className="lead">{t('helpLead')}</p>
      <CrisisResources />
    </section>
  );
}
