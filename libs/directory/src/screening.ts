import type { MeasureList } from '#clinical';
import type { Screening } from './group-listing.entity.js';
import type { ScreeningQuestionsView } from './dto/directory.view.js';

/** A screening is the first two items of its measure, scored the same way (0 to 6). */
const MEASURE_OF: Record<Screening, 'phq-9' | 'gad-7'> = { phq2: 'phq-9', gad2: 'gad-7' };
const TITLE: Record<Screening, string> = { phq2: 'PHQ-2', gad2: 'GAD-2' };

export function screeningQuestions(
  screening: Screening,
  instruments: MeasureList,
): ScreeningQuestionsView {
  const measure = instruments.items.find((m) => m.key === MEASURE_OF[screening])!;
  return {
    instrument: screening,
    title: TITLE[screening],
    stem: measure.stem,
    items: measure.items.slice(0, 2).map((item) => item.text),
    options: measure.options.map(({ value, label }) => ({ value, label })),
  };
}

export const screeningScore = (answers: number[]) => answers.reduce((sum, a) => sum + a, 0);
