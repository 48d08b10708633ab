import { useTranslation } from 'react-i18next';

/** The api's bounds for `clinicalRetentionDays` (docs/privacy.md). */
const MIN_DAYS = 1;
const MAX_DAYS = 36_500;
const DAYS_PER_YEAR = 365.25;

export const retentionValid = (days: number) =>
  Number.isInteger(days) && days >= MIN_DAYS && days <= MAX_DAYS;

/** "about 7 years" for a span of a year or more, numbers in the reader's language. */
function useYears(): (days: number) => string | undefined {
  const { t, i18n } = useTranslation('org');
  return (days) => {
    if (days < 365) return undefined;
    const years = Math.round((days / DAYS_PER_YEAR) * 10) / 10;
    const number = new Intl.NumberFormat(i18n.resolvedLanguage, { maximumFractionDigits: 1 });
    return t('retentionYears', { count: years, years: number.format(years) });
  };
}

/** "2,557 days (about 7 years)", numbers in the reader's language. */
export function useRetentionWords(): (days: number) => string {
  const { t, i18n } = useTranslation('org');
  const inYears = useYears();
  return (days) => {
    const number = new Intl.NumberFormat(i18n.resolvedLanguage);
    const inDays = t('retentionDays', { count: days, days: number.format(days) });
    const years = inYears(days);
    return years ? `${inDays} (${years})` : inDays;
  };
}

/**
 * How long an erased person's clinical records are kept, in days, with the same span in years
 * beside it and what it means: owners and admins set it in the organization's settings.
 */
export function RetentionField(props: { days: number; onChange(days: number): void }) {
  const { t } = useTranslation('org');
  const inYears = useYears();
  const valid = retentionValid(props.days);
  return (
    <div className="field">
      <label htmlFor="org-retention">{t('retention')}</label>
      <div className="retention">
        <input
          id="org-retention"
          type="number"
          inputMode="numeric"
          min={MIN_DAYS}
          max={MAX_DAYS}
          step={1}
          value={Number.isNaN(props.days) ? '' : props.days}
          aria-describedby="retention-words retention-help"
          aria-invalid={!valid || undefined}
          onChange={(event) => props.onChange(event.target.valueAsNumber)}
        />
        <span>{t('retentionUnit')}</span>
        <span id="retention-words" aria-live="polite">
          {valid && inYears(props.days) && `(${inYears(props.days)})`}
        </span>
      </div>
      {!valid && (
        <p role="alert" className="problem">
          {t('retentionProblem')}
        </p>
      )}
      <p id="retention-help" className="hint">
        {t('retentionHelp')}
      </p>
    </div>
  );
}
