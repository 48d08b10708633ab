/** The public surface of #resources: other libs and the apps import only this. */
export * from './dto/resource.dto.js';
export * from './dto/resource.view.js';
export * from './module-resource.entity.js';
export * from './module-resources.service.js';
export * from './resource-access.js';
export * from './resource.entity.js';
export * from './resources.module.js';
export * from './resources.service.js';
