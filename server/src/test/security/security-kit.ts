/**
 * Shared helpers of the security suites: the routes of the live OpenAPI document (so a new route is covered
 * the moment it is registered), a minimal valid example of a JSON schema, and a checksum of every table
 * (to prove that a refused request changed nothing).
 */
import { randomUUID } from 'node:crypto';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/schema.ts';
import type { HttpServer } from '../../platform/http/server.ts';

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  pattern?: string;
  nullable?: boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
};

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface ApiRoute {
  readonly method: Method;
  /** OpenAPI form: `/api/v1/incoming-documents/{id}`. */
  readonly path: string;
  /** Path parameter names in order. */
  readonly params: string[];
  /** The JSON body schema, when the route takes one. */
  readonly jsonBody: JsonSchema | undefined;
  readonly multipart: boolean;
  readonly bodyRequired: boolean;
  /** Path parameters' schemas by name. */
  readonly pathSchemas: Record<string, JsonSchema>;
  /** Query parameters: name → schema and whether it is required. */
  readonly query: { name: string; schema: JsonSchema; required: boolean }[];
}

/** Every operation of the OpenAPI document the app serves (hidden routes are not in it). */
export function apiRoutes(app: HttpServer): ApiRoute[] {
  const doc = app.swagger() as { paths: Record<string, Record<string, any>> };
  const routes: ApiRoute[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      if (!['get', 'post', 'patch', 'put', 'delete'].includes(method)) continue;
      const content = op.requestBody?.content ?? {};
      routes.push({
        method: method.toUpperCase() as Method,
        path,
        params: [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!),
        jsonBody: content['application/json']?.schema,
        multipart: content['multipart/form-data'] !== undefined,
        bodyRequired: op.requestBody?.required === true,
        pathSchemas: Object.fromEntries(
          ((op.parameters ?? []) as any[]).filter((p) => p.in === 'path').map((p) => [p.name, p.schema ?? {}]),
        ),
        query: ((op.parameters ?? []) as any[])
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, schema: p.schema ?? {}, required: p.required === true })),
      });
    }
  }
  return routes;
}

export const isStateChanging = (r: ApiRoute) => r.method !== 'GET';

/** The path with its parameters filled in (URL-encoded). */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`no value for path parameter {${name}} of ${path}`);
    return encodeURIComponent(v);
  });
}

/** Example values of the route's path parameters (a random uuid for ids, so nothing is found by accident). */
export function exampleParams(route: ApiRoute): Record<string, string> {
  return Object.fromEntries(
    route.params.map((name) => {
      const schema = route.pathSchemas[name] ?? {};
      return [name, schema.format === 'uuid' ? randomUUID() : String(exampleOf(schema))];
    }),
  );
}

/** `?a=…&b=…` with an example of each required query parameter ('' when there is none). */
export function exampleQuery(route: ApiRoute): string {
  const required = route.query.filter((q) => q.required);
  if (required.length === 0) return '';
  const params = new URLSearchParams(required.map((q): [string, string] => [q.name, String(exampleOf(q.schema))]));
  return `?${params.toString()}`;
}

const ajv = new Ajv({ strict: false, allErrors: false });
addFormats.default(ajv, { mode: 'full' });

/**
 * OpenAPI 3.0's `nullable: true` as JSON Schema: null or the rest of the schema. Ajv's own `nullable` only
 * widens `type`, so an enum that is nullable (the server's TypeBox `Nullable(StringEnum)`) would refuse null.
 */
function withNull(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withNull);
  if (schema === null || typeof schema !== 'object') return schema;
  const out = Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, k === 'enum' ? v : withNull(v)]));
  if (out.nullable !== true) return out;
  delete out.nullable;
  return { anyOf: [out, { type: 'null' }] };
}

const compiled = new WeakMap<object, (value: unknown) => boolean>();

/** Whether `value` satisfies the (OpenAPI 3.0) schema — the generators below are checked with it. */
export function satisfies(schema: JsonSchema, value: unknown): boolean {
  let validate = compiled.get(schema as object);
  if (!validate) {
    const check = ajv.compile(withNull(schema) as object);
    validate = (v) => check(v) as boolean;
    compiled.set(schema as object, validate);
  }
  return validate(value);
}

const FORMAT_EXAMPLES: Record<string, string> = {
  uuid: '00000000-0000-4000-8000-000000000000',
  date: '2026-12-01',
  'date-time': '2026-12-01T08:00:00.000Z',
  email: 'kiem.thu@edugov.vn',
  uri: 'https://edugov.vn/',
  time: '08:00:00Z',
};

/** A small valid value of the schema: required properties only, the first enum value, minimal strings. */
export function exampleOf(schema: JsonSchema, overrides: Record<string, unknown> = {}): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.default !== undefined && typeof schema.default !== 'object') return schema.default;
  const alt = schema.anyOf ?? schema.oneOf;
  if (alt) return exampleOf(alt.find((s) => s.type !== 'null') ?? alt[0]!);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s) => exampleOf(s) as object));
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) out[key] = exampleOf(schema.properties?.[key] ?? {});
      return { ...out, ...overrides };
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, (_, i) =>
        schema.items?.enum ? schema.items.enum[i % schema.items.enum.length] : exampleOf(schema.items ?? {}),
      );
    case 'string': {
      if (schema.format && FORMAT_EXAMPLES[schema.format]) return FORMAT_EXAMPLES[schema.format];
      if (schema.pattern) return matching(schema);
      const min = Math.max(schema.minLength ?? 0, 1);
      return 'Kiểm thử'.padEnd(Math.min(Math.max(min, 8), schema.maxLength ?? 8), 'x').slice(0, schema.maxLength);
    }
    case 'integer':
    case 'number': {
      const min = typeof schema.minimum === 'number' ? schema.minimum : 1;
      return Math.min(Math.max(min, 1), schema.maximum ?? Number.MAX_SAFE_INTEGER);
    }
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      return {};
  }
}

/** A short string that matches the schema's pattern and length bounds. */
function matching(schema: JsonSchema): string {
  const ok = (v: string) => satisfies(schema, v);
  const found = ['KT', 'Kiểm-thử', '000.00.98.H01', 'A1', '1', 'a', 'kiem-thu', 'KT01'].find(ok);
  if (found) return found;
  const samples = fc.sample(fc.stringMatching(new RegExp(schema.pattern!)), { numRuns: 500, seed: 1 });
  const sample = samples.find(ok);
  if (sample === undefined) throw new Error(`no example for pattern ${schema.pattern}`);
  return sample;
}

/**
 * A digest of every table of the public schema, by table. Sessions and the login throttle change with every
 * login, and the audit rows of logins (and the chain head they move) are expected, so they are left out.
 */
export async function tableChecksums(db: Db): Promise<Record<string, string>> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const out: Record<string, string> = {};
  for (const { name } of tables.rows) {
    if (['sessions', 'login_throttle', 'audit_chain'].includes(name) || name.startsWith('kysely_')) continue;
    const where = name === 'audit_log' ? sql`where x.action not like 'identity.log%'` : sql``;
    const row = await sql<{ digest: string; n: string }>`
      select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as digest, count(*)::text as n
      from ${sql.table(name)} x ${where}`.execute(db);
    out[name] = `${row.rows[0]!.n}:${row.rows[0]!.digest}`;
  }
  return out;
}

/** Tables whose checksum differs. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((n) => before[n] !== after[n]).sort();
}

/** Prints a suite's counts (one line, shown by vitest and in CI logs). */
export function report(line: string): void {
  // eslint-disable-next-line no-console
  console.log(line);
}
