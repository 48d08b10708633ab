import type { MeasureKey } from '../instruments.js';

/** Below this a score is in remission: PHQ-9 < 5, GAD-7 < 5 (the "minimal" band). */
export const REMISSION_BELOW: Record<MeasureKey, number> = { 'phq-9': 5, 'gad-7': 5 };

export interface TrendSummary {
  /** The first score: what change is measured from. */
  baseline: number;
  latest: number;
  /** Fractional change from baseline to latest (-0.5: half as high); null from a baseline of 0. */
  change: number | null;
  /** Response: the latest score is at least 50 % below the baseline. */
  response: boolean;
  /** Remission: the latest score is below the measure's threshold. */
  remission: boolean;
}

/**
 * Response and remission of one person on one measure from their scores in order. Response
 * needs a baseline above 0 and a later score at least halved; remission only the latest score.
 */
export function summarizeTrend(measureKey: MeasureKey, scores: number[]): TrendSummary | null {
  if (scores.length === 0) return null;
  const baseline = scores[0];
  const latest = scores[scores.length - 1];
  const change = baseline === 0 ? null : (latest - baseline) / baseline;
  return {
    baseline,
    latest,
    change,
    response: scores.length > 1 && change !== null && change <= -0.5,
    remission: latest < REMISSION_BELOW[measureKey],
  };
}
