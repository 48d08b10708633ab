import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];

/** The api, typed from its OpenAPI document (`npm run api:client` regenerates schema.d.ts). */
export const api = createClient<paths>({ baseUrl: '' });
