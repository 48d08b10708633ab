/** One agenda item of a session, with the minutes it takes. */
export interface AgendaItem {
  title: string;
  minutes: number;
  /** For facilitators only; never shown to participants. */
  facilitatorNotes?: string;
}

/** Psychoeducation material handed to the group: text, a link, or both. */
export interface Material {
  title: string;
  text?: string;
  url?: string;
}

export interface Exercise {
  title: string;
  instructions: string;
  minutes?: number;
}

/** One session of a program. A version's modules are its sessions, in order. */
export interface CurriculumModule {
  title: string;
  goals: string[];
  agenda: AgendaItem[];
  materials: Material[];
  exercises: Exercise[];
  homework: string[];
}

/** A built-in program a curriculum can be created from. */
export interface CurriculumTemplate {
  key: string;
  title: string;
  description: string;
  approach: 'cbt' | 'mbct';
  /** Every module's agenda adds up to this. */
  sessionMinutes: number;
  modules: CurriculumModule[];
}
