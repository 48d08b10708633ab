/** The public surface of #curricula: other libs and the apps import only this. */
export * from './curricula.module.js';
export * from './curricula.service.js';
export * from './curriculum-access.js';
export * from './curriculum-version.entity.js';
export * from './dto/curriculum.dto.js';
export * from './dto/curriculum.view.js';
