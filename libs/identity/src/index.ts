/** The public surface of #identity: other libs and the apps import only this. */
export * from './auth.service.js';
export * from './dto/auth.view.js';
export * from './dto/password.dto.js';
export * from './dto/register.dto.js';
export * from './dto/update-profile.dto.js';
export * from './email-verification.service.js';
export * from './identity.module.js';
export * from './login-throttle.service.js';
export * from './password-hasher.js';
export * from './password-policy.js';
export * from './password.service.js';
export * from './refresh-token.repository.js';
export * from './token.service.js';
export * from './user.entity.js';
export * from './user.repository.js';
