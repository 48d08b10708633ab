/** The public surface of #clinical: other libs and the apps import only this. */
export * from './clinical.module.js';
export * from './crisis/crisis-resources.service.js';
export * from './crisis/crisis-resources.view.js';
export * from './crisis/default-crisis-resources.js';
export * from './measures.js';
export * from './notes/notes.view.js';
export * from './notes/session-notes.service.js';
