import { isRemission, isResponse } from '../instruments.js';

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
 * Response and remission (the same thresholds on both measures) of one person on one measure from their scores in order. Response
 * needs a baseline above 0 and a later score at least halved; remission only the latest score.
 */
export function summarizeTrend(scores: number[]): TrendSummary | null {
  if (scores.length === 0) return null;
  const baseline = scores[0];
  const latest = scores[scores.length - 1];
  const change = baseline === 0 ? null : (latest - baseline) / baseline;
  return {
    baseline,
    latest,
    change,
    response: scores.length > 1 && isResponse(baseline, latest),
    remission: isRemission(latest),
  };
}
