import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api/client';
import { ModuleResources } from '../resources/ModuleResources';

type Module = Schemas['CurriculumModuleView'];

/** One session of a program, as facilitators read it: goals, agenda with notes, homework... */
export function ModuleView({
  module,
  n,
  curriculumId,
  organizationId,
}: {
  module: Module;
  n: number;
  /** Shows the module's resources (and lets curators choose them). */
  curriculumId?: string;
  /** The curriculum's organization, whose library the resources come from. */
  organizationId?: string;
}) {
  const { t } = useTranslation('curricula');
  const total = module.agenda.reduce((sum, item) => sum + item.minutes, 0);
  return (
    <details className="module card">
      <summary>
        <span className="module-title">{t('sessionTitle', { n, title: module.title })}</span>
        <span className="hint">{t('minutesTotal', { count: total })}</span>
      </summary>
      {module.goals.length > 0 && (
        <>
          <h3>{t('goals')}</h3>
          <ul>
            {module.goals.map((goal, i) => (
              <li key={i}>{goal}</li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('agenda')}</h3>
      <ol className="agenda">
        {module.agenda.map((item, i) => (
          <li key={i}>
            <p className="item">
              <span>{item.title}</span>
              <span className="minutes">{t('minutes', { count: item.minutes })}</span>
            </p>
            {item.facilitatorNotes && (
              <p className="notes">
                <span className="label">{t('facilitatorNotes')}:</span> {item.facilitatorNotes}
              </p>
            )}
          </li>
        ))}
      </ol>
      {module.homework.length > 0 && (
        <>
          <h3>{t('homework')}</h3>
          <ul>
            {module.homework.map((h, i) => (
              <li key={i}>{h}</li>
            ))}
          </ul>
        </>
      )}
      {module.materials.length > 0 && (
        <>
          <h3>{t('materials')}</h3>
          {module.materials.map((m, i) => (
            <div key={i} className="material">
              <h4>{m.title}</h4>
              {m.text && <p className="text">{m.text}</p>}
              {m.url && (
                <p>
                  <a href={m.url} target="_blank" rel="noreferrer noopener">
                    {m.url}
                  </a>
                </p>
              )}
            </div>
          ))}
        </>
      )}
      {module.exercises.length > 0 && (
        <>
          <h3>{t('exercises')}</h3>
          {module.exercises.map((e, i) => (
            <div key={i} className="material">
              <h4>
                {e.title}
                {e.minutes !== undefined && (
                  <span className="hint"> · {t('minutes', { count: e.minutes })}</span>
                )}
              </h4>
              <p className="text">{e.instructions}</p>
            </div>
          ))}
        </>
      )}
      {curriculumId && organizationId && (
        <ModuleResources
          curriculumId={curriculumId}
          organizationId={organizationId}
          index={n - 1}
        />
      )}
    </details>
  );
}
