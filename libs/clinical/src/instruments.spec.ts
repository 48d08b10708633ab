import { InvalidInputError } from '#common';
import {
  isRemission,
  isResponse,
  MEASURE_KEYS,
  MEASURES,
  type MeasureKey,
  scoreMeasure,
  type Severity,
  severityOf,
} from './instruments.js';
import { MEASURE_TRANSLATIONS, measureLanguage } from './instrument-translations.js';

/** Answers adding up to `score`, filled from the first item (item 9 stays 0 below 25 points). */
function answersFor(key: MeasureKey, score: number): number[] {
  return MEASURES[key].items.map((_, i) => Math.max(0, Math.min(3, score - 3 * i)));
}

describe('PHQ-9 and GAD-7 scoring', () => {
  // Every score of each instrument and the band the published manual puts it in.
  const PHQ9: [number, number, Severity][] = [
    [0, 4, 'minimal'],
    [5, 9, 'mild'],
    [10, 14, 'moderate'],
    [15, 19, 'moderately_severe'],
    [20, 27, 'severe'],
  ];
  const GAD7: [number, number, Severity][] = [
    [0, 4, 'minimal'],
    [5, 9, 'mild'],
    [10, 14, 'moderate'],
    [15, 21, 'severe'],
  ];

  it.each([
    ['phq-9', PHQ9],
    ['gad-7', GAD7],
  ] as const)('puts every %s score, boundaries included, in its band', (key, bands) => {
    for (const [from, to, severity] of bands) {
      for (let score = from; score <= to; score++) {
        expect([score, severityOf(key, score)]).toEqual([score, severity]);
        expect(scoreMeasure(key, answersFor(key, score))).toMatchObject({ score, severity });
      }
    }
    const max = bands.at(-1)![1];
    expect(MEASURES[key].maxScore).toBe(max);
    expect(() => severityOf(key, max + 1)).toThrow(RangeError);
    expect(() => severityOf(key, -1)).toThrow(RangeError);
  });

  it('has nine PHQ-9 items and seven GAD-7 items, in the published order', () => {
    expect(MEASURES['phq-9'].items).toHaveLength(9);
    expect(MEASURES['phq-9'].items[8]).toBe(
      'Thoughts that you would be better off dead or of hurting yourself in some way',
    );
    expect(MEASURES['gad-7'].items).toHaveLength(7);
    expect(MEASURES['gad-7'].items[0]).toBe('Feeling nervous, anxious or on edge');
  });

  it('flags risk when PHQ-9 item 9 is above 0, whatever the total', () => {
    const quiet = [0, 0, 0, 0, 0, 0, 0, 0, 1];
    expect(scoreMeasure('phq-9', quiet)).toEqual({ score: 1, severity: 'minimal', risk: true });
    expect(scoreMeasure('phq-9', [3, 3, 3, 3, 3, 3, 3, 3, 0]).risk).toBe(false);
    // GAD-7 has no such item.
    expect(scoreMeasure('gad-7', [3, 3, 3, 3, 3, 3, 3]).risk).toBe(false);
  });

  it.each([
    ['too few answers', [0, 1, 2]],
    ['too many answers', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]],
    ['an answer above 3', [0, 0, 0, 0, 0, 0, 0, 0, 4]],
    ['a negative answer', [0, 0, 0, 0, 0, 0, 0, 0, -1]],
    ['a fraction', [0, 0, 0, 0, 0, 0, 0, 0, 1.5]],
    ['text', ['0', 0, 0, 0, 0, 0, 0, 0, 0]],
    ['no list', { 0: 1 }],
  ])('refuses %s with a clear error', (_, answers) => {
    expect(() => scoreMeasure('phq-9', answers)).toThrow(InvalidInputError);
    expect(() => scoreMeasure('phq-9', answers)).toThrow(
      'PHQ-9 takes 9 answers, each 0, 1, 2 or 3',
    );
  });

  it('calls a drop of at least half from baseline a response, and under 5 remission', () => {
    expect(isResponse(20, 10)).toBe(true);
    expect(isResponse(20, 11)).toBe(false);
    expect(isResponse(15, 7)).toBe(true);
    expect(isResponse(15, 8)).toBe(false);
    expect(isResponse(0, 0)).toBe(false);
    expect(isRemission(4)).toBe(true);
    expect(isRemission(5)).toBe(false);
  });
});

describe('the translations', () => {
  it.each(['bn', 'id'] as const)('%s has every item of both measures, and four answers', (lang) => {
    const translation = MEASURE_TRANSLATIONS[lang];
    expect(translation.options).toHaveLength(4);
    for (const key of MEASURE_KEYS) {
      expect(translation.measures[key].items).toHaveLength(MEASURES[key].items.length);
      for (const item of translation.measures[key].items) expect(item.trim()).not.toBe('');
    }
  });

  it('picks the language from a locale, English when not offered', () => {
    expect(['bn-BD', 'id', 'ID-id', 'en-GB', 'fr-FR'].map(measureLanguage)).toEqual([
      'bn',
      'id',
      'id',
      'en',
      'en',
    ]);
  });
});
