import type { CurriculumTemplate } from './curriculum-module.js';
import { cbtDepression8 } from './templates/cbt-depression-8.js';
import { mbct8 } from './templates/mbct-8.js';

/** The built-in programs, in the order they are offered. */
export const CURRICULUM_TEMPLATES: readonly CurriculumTemplate[] = [cbtDepression8, mbct8];

export const findTemplate = (key: string) => CURRICULUM_TEMPLATES.find((t) => t.key === key);
