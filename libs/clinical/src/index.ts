/** The public surface of #clinical: other libs and the apps import only this. */
export * from './measures.js';
