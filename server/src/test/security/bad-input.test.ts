/**
 * [SECURITY] Bad input everywhere (ASVS V5, V13). For every JSON-body route of the OpenAPI document the app
 * serves, a valid example is generated from the route's schema and then mutated with fast-check: wrong types,
 * missing and extra fields (__proto__ too), 1 MB strings, invalid UTF-8 bytes, control characters,
 * 10 000-element arrays, numbers out of range, null, a body that is not an object, deep nesting. Sent by a
 * signed-in official with the route's roles, every request must be refused with a 4xx (never a 5xx, never
 * a 2xx), and the database must be exactly as before (checksum of every table).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../test-app.ts';
import {
  apiRoutes,
  changedTables,
  exampleOf,
  exampleParams,
  exampleQuery,
  fillPath,
  satisfies,
  tableChecksums,
  type ApiRoute,
  type JsonSchema,
  report,
} from './security-kit.ts';

let t: TestApp;
const clients = new Map<string, Client>();

/** Who sends the requests of a route: someone holding the roles the route needs. */
const ACTOR_BY_PREFIX: [RegExp, string | undefined][] = [
  [/^\/api\/auth\/login$/, undefined],
  [/^\/api\/auth\//, 'hn.luutru'],
  [/^\/api\/v1\/(organizations|units|users|memberships|calendar|admin)/, 'admin'],
  [/^\/api\/v1\/delegations/, 'hn.lanhdao'],
  [/^\/api\/v1\/approval-templates/, 'hn.quantri'],
  [/^\/api\/v1\/(outgoing-documents|notifications)/, 'hn.chuyenvien'],
  [/^\/api\/v1\//, 'hn.vanthu'],
];

function actorFor(route: ApiRoute): Client | undefined {
  const username = ACTOR_BY_PREFIX.find(([re]) => re.test(route.path))![1];
  return username ? clients.get(username) : undefined;
}

beforeAll(async () => {
  t = await createTestApp();
  for (const username of new Set(ACTOR_BY_PREFIX.map(([, u]) => u))) {
    if (username) clients.set(username, await t.login(username));
  }
}, 240_000);
afterAll(() => t.close());

type Path = (string | number)[];

/** Property paths of the example, with the schema at each (optional properties of its objects included). */
function slotsOf(schema: JsonSchema, value: unknown, path: Path = []): { path: Path; schema: JsonSchema }[] {
  const out: { path: Path; schema: JsonSchema }[] = path.length ? [{ path, schema }] : [];
  const alt = schema.anyOf ?? schema.oneOf;
  if (alt) return out;
  if (schema.type === 'object' && schema.properties && value && typeof value === 'object') {
    for (const [key, sub] of Object.entries(schema.properties)) {
      out.push(...slotsOf(sub, (value as Record<string, unknown>)[key], [...path, key]));
    }
  }
  if (schema.type === 'array' && Array.isArray(value) && value.length > 0 && schema.items) {
    out.push(...slotsOf(schema.items, value[0], [...path, 0]));
  }
  return out;
}

function setAt(root: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) {
    node[key] ??= typeof key === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  }
  node[path[path.length - 1]!] = value;
  return copy;
}

function deleteAt(root: unknown, path: Path): unknown {
  const copy = structuredClone(root) as Record<string, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  delete node[path[path.length - 1] as string];
  return copy;
}

const MB = 'x'.repeat(1024 * 1024);
const controlChar = fc.integer({ min: 0, max: 31 }).filter((c) => ![9, 10, 13].includes(c));
const deep = (n: number): unknown => (n === 0 ? 'đáy' : { a: deep(n - 1) });

interface Mutant {
  readonly label: string;
  /** A JSON value, or raw bytes for what JSON cannot express. */
  readonly body: unknown;
  readonly raw?: Buffer;
  /** Still valid for the schema: only the edge's own checks (control characters) refuse it. */
  readonly schemaValid?: boolean;
}

/** A mutation of the route's valid example, chosen by fast-check. */
function mutantArb(schema: JsonSchema): fc.Arbitrary<Mutant> {
  const example = exampleOf(schema);
  const slots = slotsOf(schema, example);
  const strings = slots.filter((s) => s.schema.type === 'string' && !s.schema.enum && !s.schema.format);
  const present = slots.filter((s) => s.path.length === 1 && (schema.required ?? []).includes(String(s.path[0])));
  const pick = <T>(xs: T[]) => fc.constantFrom(...xs);
  const options: fc.Arbitrary<Mutant>[] = [
    fc
      .constantFrom<unknown>(42, 4.2, -1, true, 'chuỗi', {}, [], null, [1, 2], { x: 1 })
      .chain((v) =>
        slots.length
          ? pick(slots).map((s) => ({ label: `wrong type at /${s.path.join('/')}`, body: setAt(example, s.path, v) }))
          : fc.constant({ label: 'wrong type', body: v }),
      ),
    fc
      .constantFrom(
        ...['isAdmin', 'organizationId', 'createdBy', 'status', '__proto__', 'constructor', 'x'.repeat(300)].filter(
          (key) => !Object.hasOwn(schema.properties ?? {}, key), // a field of the schema would be a duplicate key
        ),
      )
      .map((key) => ({
        label: `extra field ${key.slice(0, 20)}`,
        body: example,
        raw: Buffer.from(
          `{"${key}":{"isAdmin":true}${JSON.stringify(example)
            .replace(/^\{\}?/, ',')
            .replace(/^,$/, '}')}`,
        ),
      })),
    fc.constant<Mutant>({ label: 'deep nesting', body: { ...(example as object), nested: deep(2000) } }),
    fc.constantFrom<unknown>([], 'chuỗi', 42, null, true).map((v) => ({ label: `body ${JSON.stringify(v)}`, body: v })),
    fc.constant<Mutant>({ label: '10 000-element array body', body: Array.from({ length: 10_000 }, () => example) }),
  ];
  if (present.length) {
    options.push(pick(present).map((s) => ({ label: `missing ${s.path[0]}`, body: deleteAt(example, s.path) })));
  }
  if (slots.length) {
    options.push(
      pick(slots).map((s) => ({ label: `1 MB at /${s.path.join('/')}`, body: setAt(example, s.path, MB) })),
      pick(slots).map((s) => ({
        label: `10 000-element array at /${s.path.join('/')}`,
        body: setAt(
          example,
          s.path,
          Array.from({ length: 10_000 }, () => (s.schema.items ? exampleOf(s.schema.items) : 'x')),
        ),
      })),
      fc
        .constantFrom(1e20, -1e20, 1.5, -1, 0, 2 ** 31, Number.MAX_SAFE_INTEGER + 2, 1e308)
        .chain((n) =>
          pick(slots).map((s) => ({ label: `number ${n} at /${s.path.join('/')}`, body: setAt(example, s.path, n) })),
        ),
      pick(slots).map((s) => ({ label: `null at /${s.path.join('/')}`, body: setAt(example, s.path, null) })),
    );
  }
  if (strings.length) {
    options.push(
      fc.tuple(pick(strings), controlChar, fc.string({ maxLength: 20 })).map(([s, c, tail]) => ({
        label: `control character U+${c.toString(16).padStart(4, '0')} at /${s.path.join('/')}`,
        body: setAt(example, s.path, `Kiểm${String.fromCharCode(c)}thử${tail}`),
        schemaValid: true,
      })),
      fc
        .tuple(pick(strings), fc.constantFrom([0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80]))
        .map(([s, bytes]) => {
          const marker = 'MARKER_INVALID_UTF8';
          const text = JSON.stringify(setAt(example, s.path, `Văn bản ${marker}`));
          const [before, after] = text.split(marker) as [string, string];
          return {
            label: `invalid UTF-8 ${Buffer.from(bytes).toString('hex')} at /${s.path.join('/')}`,
            body: example,
            raw: Buffer.concat([Buffer.from(before), Buffer.from(bytes), Buffer.from(after)]),
            schemaValid: true,
          };
        }),
    );
  }
  return fc.oneof(...options);
}

describe('bad input on every JSON route', () => {
  it('answers every mutated request with a 4xx and leaves the database unchanged', async () => {
    const routes = apiRoutes(t.app).filter((r) => r.jsonBody);
    expect(routes.length).toBeGreaterThan(30);
    const before = await tableChecksums(t.db);
    const started = Date.now();
    let tried = 0;
    let skipped = 0;
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const passedValidation: string[] = []; // refused later by the use case (404 of the random id, 403, 409)
    for (const route of routes) {
      const schema = route.jsonBody!;
      const actor = actorFor(route);
      const params = exampleParams(route);
      const url = fillPath(route.path, params) + exampleQuery(route);
      expect(satisfies(schema, exampleOf(schema)), `${route.method} ${route.path}: the example must be valid`).toBe(
        true,
      );
      await fc.assert(
        fc.asyncProperty(mutantArb(schema), async (mutant) => {
          if (!mutant.raw && !mutant.schemaValid && satisfies(schema, mutant.body)) {
            skipped++; // the mutation happened to be valid (e.g. a number where any number is allowed)
            return;
          }
          tried++;
          const res = await t.app.inject({
            method: route.method,
            url,
            headers: {
              'content-type': 'application/json',
              ...(actor ? { cookie: actor.cookie, 'x-csrf-token': actor.csrfToken } : {}),
            },
            payload: mutant.raw ?? JSON.stringify(mutant.body),
          });
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          if (res.statusCode < 400 || res.statusCode >= 500) {
            failures.push(
              `${route.method} ${route.path} ${mutant.label} → ${res.statusCode} ${res.body.slice(0, 300)}`,
            );
          } else {
            expect(res.json().error.code, res.body).toEqual(expect.any(String));
            if (![400, 413].includes(res.statusCode))
              passedValidation.push(`${route.method} ${route.path} ${mutant.label}`);
          }
        }),
        { numRuns: 25 },
      );
    }
    const after = await tableChecksums(t.db);
    report(
      `bad input: ${routes.length} JSON routes, ${tried} mutated requests tried (${skipped} valid mutations skipped) ` +
        `in ${((Date.now() - started) / 1000).toFixed(1)} s, ${failures.length} not refused with a 4xx; statuses ` +
        JSON.stringify(Object.fromEntries(statuses)),
    );
    if (passedValidation.length) report(`bad input refused after validation: ${passedValidation.join('; ')}`);
    expect(failures).toEqual([]);
    expect(changedTables(before, after)).toEqual([]);
  }, 600_000);
});
