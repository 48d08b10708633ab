import type { HttpResult } from './http.js';

type Schema = {
  $ref?: string;
  allOf?: Schema[];
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
};
type Responses = Record<string, { content?: Record<string, { schema?: Schema }> }>;

export interface OpenApiDocument {
  paths: Record<string, Record<string, { responses: Responses }>>;
  components: { schemas: Record<string, Schema> };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Checks real answers against the OpenAPI document the api serves: the status is one the
 * operation declares, and the body has exactly the declared fields (none missing that are
 * required, none undeclared), with the declared types, all the way down.
 */
export class OpenApiContract {
  constructor(readonly document: OpenApiDocument) {}

  /** Every way `result` (of `method url`, url as sent, under /api/v1) differs from the document. */
  problems(method: string, url: string, result: HttpResult): string[] {
    const path = `/api/v1${url.split('?')[0]}`;
    const template = this.templateOf(path, method.toLowerCase());
    if (!template) return [`${method} ${path}: no such operation in the document`];
    const operation = this.document.paths[template][method.toLowerCase()];
    const status = String(result.status);
    const declared = operation.responses[status] ?? operation.responses[`${status[0]}XX`];
    const name = `${method} ${template} ${status}`;
    if (!declared) return [`${name}: status not declared`];
    const type = (result.headers.get('content-type') ?? '').split(';')[0];
    if (!declared.content) {
      return result.body === '' ? [] : [`${name}: a body where the document declares none`];
    }
    const schema = declared.content[type]?.schema;
    if (!schema) return [`${name}: ${type || 'no content type'} is not a declared content type`];
    return this.check(result.body, schema, name);
  }

  /** The document's path for a concrete path: literal segments win over parameters. */
  private templateOf(path: string, method: string): string | undefined {
    const candidates = Object.keys(this.document.paths).filter(
      (template) =>
        this.document.paths[template][method] &&
        new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path),
    );
    const literal = (template: string) => template.replace(/\{[^}]+\}/g, '').length;
    return candidates.sort((a, b) => literal(b) - literal(a))[0];
  }

  private resolve(schema: Schema): Schema {
    if (schema.$ref) {
      return this.resolve(this.document.components.schemas[schema.$ref.split('/').pop()!]);
    }
    if (!schema.allOf) return schema;
    // `{ nullable, description, allOf: [{ $ref }] }` is how Nest writes a described reference.
    const parts = schema.allOf.map((part) => this.resolve(part));
    const own: Schema = { ...schema, allOf: undefined };
    return parts.reduce<Schema>(
      (merged, part) => ({
        ...part,
        ...merged,
        type: merged.type ?? part.type,
        properties: { ...part.properties, ...merged.properties },
        required: [...(part.required ?? []), ...(merged.required ?? [])],
      }),
      own,
    );
  }

  check(value: unknown, declared: Schema, at: string): string[] {
    const schema = this.resolve(declared);
    if (value === null) return schema.nullable ? [] : [`${at}: null is not allowed`];
    if (value === undefined) return [`${at}: missing`];
    if (schema.enum && !schema.enum.includes(value)) {
      return [`${at}: ${JSON.stringify(value)} is none of ${JSON.stringify(schema.enum)}`];
    }
    switch (schema.type ?? (schema.properties ? 'object' : undefined)) {
      case 'object':
        return this.checkObject(value, schema, at);
      case 'array':
        return Array.isArray(value)
          ? value.flatMap((item, i) => this.check(item, schema.items ?? {}, `${at}[${i}]`))
          : [`${at}: not an array`];
      case 'string':
        return this.checkString(value, schema, at);
      case 'integer':
        return Number.isInteger(value) ? [] : [`${at}: ${JSON.stringify(value)} is not an integer`];
      case 'number':
        return typeof value === 'number' ? [] : [`${at}: ${JSON.stringify(value)} is not a number`];
      case 'boolean':
        return typeof value === 'boolean'
          ? []
          : [`${at}: ${JSON.stringify(value)} is not a boolean`];
      default:
        return [`${at}: the document gives no type`];
    }
  }

  private checkObject(value: unknown, schema: Schema, at: string): string[] {
    if (typeof value !== 'object' || Array.isArray(value)) return [`${at}: not an object`];
    const record = value as Record<string, unknown>;
    const properties = schema.properties ?? {};
    const problems = (schema.required ?? [])
      .filter((key) => !(key in record))
      .map((key) => `${at}.${key}: required but missing`);
    for (const [key, item] of Object.entries(record)) {
      if (properties[key]) problems.push(...this.check(item, properties[key], `${at}.${key}`));
      else if (typeof schema.additionalProperties === 'object') {
        problems.push(...this.check(item, schema.additionalProperties, `${at}.${key}`));
      } else if (schema.additionalProperties !== true) {
        problems.push(`${at}.${key}: answered but not declared`);
      }
    }
    return problems;
  }

  private checkString(value: unknown, schema: Schema, at: string): string[] {
    if (typeof value !== 'string') return [`${at}: ${JSON.stringify(value)} is not a string`];
    const format = { uuid: UUID, 'date-time': INSTANT, date: DATE }[schema.format ?? ''];
    return format && !format.test(value) ? [`${at}: "${value}" is not a ${schema.format}`] : [];
  }
}
