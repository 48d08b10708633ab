import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { CheckboxGroup, Label } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '../api/client';
import { ok } from '../api/result';
import { CheckField } from '../ui/DateFields';
import { Problem } from '../ui/Problem';
import { whoIs } from './whoIs';
import './measures.css';

type MeasureKey = Schemas['MeasureKey'];
const MEASURES: { key: MeasureKey; title: string; max: number }[] = [
  { key: 'phq-9', title: 'PHQ-9', max: 27 },
  { key: 'gad-7', title: 'GAD-7', max: 21 },
];

const settingsKey = (groupId: string) => ['groups', groupId, 'measure-settings'] as const;
const trendsKey = (groupId: string) => ['groups', groupId, 'measures'] as const;

/** The group page's Measures tab: which measures before sessions, and scores over sessions. */
export function GroupMeasures({ groupId }: { groupId: string }) {
  return (
    <>
      <Settings groupId={groupId} />
      <Trends groupId={groupId} />
    </>
  );
}

function Settings({ groupId }: { groupId: string }) {
  const { t } = useTranslation('measures');
  const { t: common } = useTranslation();
  const queries = useQueryClient();
  const settings = useQuery({
    queryKey: settingsKey(groupId),
    queryFn: () =>
      ok(api.GET('/api/v1/groups/{groupId}/measure-settings', { params: { path: { groupId } } })),
  });
  const save = useMutation({
    mutationFn: (body: Schemas['GroupMeasureSettingsDto']) =>
      ok(api.PATCH('/api/v1/groups/{groupId}', { params: { path: { groupId } }, body })),
    onSuccess: (data) => queries.setQueryData(settingsKey(groupId), data),
  });
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [every, setEvery] = useState<string | null>(null);
  if (settings.isError) return <Problem error={settings.error} />;
  if (!settings.data) return <p>{common('loading')}</p>;
  const measures = chosen ?? settings.data.measures;
  const everyValue = every ?? String(settings.data.measureEverySessions);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      measures: measures as MeasureKey[],
      measureEverySessions: Math.min(52, Math.max(1, Number(everyValue) || 1)),
    });
  };
  return (
    <form className="card measure-settings" onSubmit={submit}>
      <CheckboxGroup value={measures} onChange={setChosen} className="choice">
        <Label>{t('measuresSettings')}</Label>
        {MEASURES.map((m) => (
          <CheckField key={m.key} value={m.key} label={m.title} />
        ))}
      </CheckboxGroup>
      <p className="hint">{t('measuresHelp')}</p>
      <label className="field">
        <span>{t('everySessions')}</span>
        <input
          type="number"
          min={1}
          max={52}
          value={everyValue}
          onChange={(event) => setEvery(event.target.value)}
        />
      </label>
      {save.error && <Problem error={save.error} />}
      <button type="submit" className="primary" disabled={save.isPending}>
        {t('save')}
      </button>
      {save.isSuccess && <p role="status">{t('saved')}</p>}
    </form>
  );
}

function Trends({ groupId }: { groupId: string }) {
  const { t } = useTranslation('measures');
  const { t: common } = useTranslation();
  const trends = useQuery({
    queryKey: trendsKey(groupId),
    queryFn: () =>
      ok(api.GET('/api/v1/groups/{groupId}/measures', { params: { path: { groupId } } })),
  });
  if (trends.isError) return <Problem error={trends.error} />;
  if (!trends.data) return <p>{common('loading')}</p>;
  const { items, group } = trends.data;
  return (
    <section className="trends" aria-labelledby="trends-title">
      <h2 id="trends-title">{t('trendsTitle')}</h2>
      {items.length > 0 && <p className="hint">{t('thresholdLegend')}</p>}
      {items.length === 0 && <p className="card">{t('noScores')}</p>}
      {MEASURES.map((measure) => {
        const means = group.filter((g) => g.measureKey === measure.key);
        const members = items.filter((m) => m.measureKey === measure.key);
        if (members.length === 0) return null;
        return (
          <section key={measure.key} className="trend-measure">
            <h3>{measure.title}</h3>
            <div className="card trend">
              <h4>{t('groupMean')}</h4>
              <Chart
                max={measure.max}
                points={means.map((p) => ({ sequence: p.sequence, score: p.mean }))}
                label={t('groupChartLabel', { measure: measure.title })}
              />
            </div>
            <ul className="trend-list">
              {members.map((member) => (
                <MemberTrend key={member.userId} member={member} max={measure.max} />
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}

function MemberTrend({ member, max }: { member: Schemas['MemberTrendView']; max: number }) {
  const { t } = useTranslation('measures');
  const { summary } = member;
  const title = MEASURES.find((m) => m.key === member.measureKey)?.title ?? member.measureKey;
  const severity = member.points[member.points.length - 1]?.severity ?? 'minimal';
  return (
    <li className="card trend">
      <h4>{whoIs(member)}</h4>
      <p>
        {t('baseline', { score: summary.baseline })}, {t('latest', { score: summary.latest })} (
        {t(`severity_${severity}`)}){' '}
        {summary.response && <span className="badge good">{t('response')}</span>}{' '}
        {summary.remission && <span className="badge good">{t('remission')}</span>}
        {!summary.response && !summary.remission && (
          <span className="hint"> · {t('noChange')}</span>
        )}
      </p>
      <Chart
        max={max}
        points={member.points.map((p) => ({ sequence: p.sequence, score: p.score }))}
        label={t('chartLabel', { measure: title, name: member.displayName })}
      />
    </li>
  );
}

/** Scores by session as a line, with the numbers also as text for screen readers. */
function Chart({
  points,
  max,
  label,
}: {
  points: { sequence: number; score: number }[];
  max: number;
  label: string;
}) {
  const { t } = useTranslation('measures');
  const width = 320;
  const height = 120;
  const pad = 16;
  const last = Math.max(2, ...points.map((p) => p.sequence));
  const x = (sequence: number) => pad + ((sequence - 1) / (last - 1)) * (width - 2 * pad);
  const y = (score: number) => height - pad - (score / max) * (height - 2 * pad);
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
        <line className="axis" x1={pad} x2={width - pad} y1={y(0)} y2={y(0)} />
        <line className="threshold" x1={pad} x2={width - pad} y1={y(5)} y2={y(5)} />
        <polyline
          className="line"
          points={points.map((p) => `${x(p.sequence)},${y(p.score)}`).join(' ')}
        />
        {points.map((p) => (
          <circle key={p.sequence} className="dot" cx={x(p.sequence)} cy={y(p.score)} r={4} />
        ))}
      </svg>
      <figcaption>
        {points.map((p) => `${t('sessionN', { n: p.sequence })}: ${p.score}`).join(' · ')}
      </figcaption>
    </figure>
  );
}
