import { InvalidInputError } from '#common';

/**
 * The two measures Hearth offers, with their items, answers, scoring and severity bands, as
 * their authors published them for free use: Kroenke K, Spitzer RL, Williams JBW. "The PHQ-9:
 * validity of a brief depression severity measure." J Gen Intern Med 2001;16:606-613; Spitzer
 * RL, Kroenke K, Williams JBW, Löwe B. "A brief measure for assessing generalized anxiety
 * disorder: the GAD-7." Arch Intern Med 2006;166:1092-1097; item wording and bands as in the
 * PHQ and GAD-7 instruction manual (https://www.phqscreeners.com, "no permission required to
 * reproduce, translate, display or distribute").
 */
export type MeasureKey = 'phq-9' | 'gad-7';
export const MEASURE_KEYS: readonly MeasureKey[] = ['phq-9', 'gad-7'];

export type Severity = 'minimal' | 'mild' | 'moderate' | 'moderately_severe' | 'severe';

export interface Measure {
  key: MeasureKey;
  title: string;
  /** The question every item answers. */
  stem: string;
  items: readonly string[];
  /** The highest total score. */
  maxScore: number;
  /** Lowest score of each band, ascending; a score belongs to the last band it reaches. */
  bands: readonly { from: number; severity: Severity }[];
}

/** The four answers both measures share, by value. */
export const ANSWER_OPTIONS = [
  { value: 0, label: 'Not at all' },
  { value: 1, label: 'Several days' },
  { value: 2, label: 'More than half the days' },
  { value: 3, label: 'Nearly every day' },
] as const;

export const MEASURES: Readonly<Record<MeasureKey, Measure>> = {
  'phq-9': {
    key: 'phq-9',
    title: 'PHQ-9',
    stem: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
    items: [
      'Little interest or pleasure in doing things',
      'Feeling down, depressed, or hopeless',
      'Trouble falling or staying asleep, or sleeping too much',
      'Feeling tired or having little energy',
      'Poor appetite or overeating',
      'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
      'Trouble concentrating on things, such as reading the newspaper or watching television',
      'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
      'Thoughts that you would be better off dead or of hurting yourself in some way',
    ],
    maxScore: 27,
    bands: [
      { from: 0, severity: 'minimal' },
      { from: 5, severity: 'mild' },
      { from: 10, severity: 'moderate' },
      { from: 15, severity: 'moderately_severe' },
      { from: 20, severity: 'severe' },
    ],
  },
  'gad-7': {
    key: 'gad-7',
    title: 'GAD-7',
    stem: 'Over the last 2 weeks, how often have you been bothered by the following problems?',
    items: [
      'Feeling nervous, anxious or on edge',
      'Not being able to stop or control worrying',
      'Worrying too much about different things',
      'Trouble relaxing',
      'Being so restless that it is hard to sit still',
      'Becoming easily annoyed or irritable',
      'Feeling afraid as if something awful might happen',
    ],
    maxScore: 21,
    bands: [
      { from: 0, severity: 'minimal' },
      { from: 5, severity: 'mild' },
      { from: 10, severity: 'moderate' },
      { from: 15, severity: 'severe' },
    ],
  },
};

/** PHQ-9's ninth item: thoughts of being better off dead or of self-harm. */
const PHQ9_SELF_HARM_ITEM = 8;

export interface MeasureScore {
  score: number;
  severity: Severity;
  /** PHQ-9 item 9 above 0: the person sees crisis resources at once and facilitators are alerted. */
  risk: boolean;
}

export function severityOf(key: MeasureKey, score: number): Severity {
  const { bands, maxScore } = MEASURES[key];
  if (!Number.isInteger(score) || score < 0 || score > maxScore) {
    throw new RangeError(`${key} scores run from 0 to ${maxScore}, not ${score}`);
  }
  return bands.reduce(
    (found, band) => (score >= band.from ? band.severity : found),
    bands[0].severity,
  );
}

/** Whether stored answers to `measureKey` speak of self-harm (PHQ-9 item 9 above 0). */
export function isRisk({ measureKey, answers }: { measureKey: MeasureKey; answers: number[] }) {
  return measureKey === 'phq-9' && answers[PHQ9_SELF_HARM_ITEM]! > 0;
}

/** Scores one completed measure; answers are one 0-3 value per item, in order. */
export function scoreMeasure(key: MeasureKey, answers: unknown): MeasureScore {
  const { items } = MEASURES[key];
  if (
    !Array.isArray(answers) ||
    answers.length !== items.length ||
    !answers.every((answer) => Number.isInteger(answer) && answer >= 0 && answer <= 3)
  ) {
    throw new InvalidInputError(
      'invalid_answers',
      `${MEASURES[key].title} takes ${items.length} answers, each 0, 1, 2 or 3`,
      'answers',
    );
  }
  const values = answers as number[];
  const score = values.reduce((sum, value) => sum + value, 0);
  return {
    score,
    severity: severityOf(key, score),
    risk: isRisk({ measureKey: key, answers: values }),
  };
}

/** Response: the score fell by at least half from the member's first (baseline) score. */
export function isResponse(baseline: number, latest: number): boolean {
  return baseline > 0 && latest <= baseline / 2;
}

/** Remission: a score under 5 on either measure. */
export function isRemission(latest: number): boolean {
  return latest < 5;
}
