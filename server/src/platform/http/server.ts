/**
 * The HTTP kernel: Fastify with TypeBox, strict JSON validation (unknown fields rejected), NFC input,
 * request ids, security headers, OpenAPI at /api/openapi.json with a browsable UI at /api/docs,
 * the single error handler, and the built web app served with a SPA fallback.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { AppError, errorBody } from '../errors.ts';
import { normalizeDeep } from '../text.ts';
import { handleError, requestLang } from './errors.ts';

export type HttpServer = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export interface HttpServerOptions {
  readonly config: Config;
  readonly logger: Logger;
}

export async function createHttpServer({ config, logger }: HttpServerOptions): Promise<HttpServer> {
  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[A-Za-z0-9._-]{8,64}$/.test(given) ? given : randomUUID();
    },
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as HttpServer;

  await app.register(cookie);
  app.setErrorHandler(handleError);
  // JSON bodies must be valid UTF-8: bytes that are not are refused, never turned into U+FFFD and stored.
  const defaultJson = app.getDefaultJsonParser('error', 'error');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = utf8.decode(body as Buffer);
    } catch {
      return done(new AppError('request.invalid', { reason: 'the body is not valid UTF-8' }), undefined);
    }
    defaultJson(request, text, done);
  });
  // Bodies are validated strictly (a number is not a string); query strings and paths are text, so
  // they are coerced to the declared types. Unknown fields are rejected, never silently dropped.
  const strict = newAjv(false);
  const coercing = newAjv('array');
  app.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === 'body' ? strict : coercing).compile(schema as object),
  );

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    // The API docs UI (Swagger UI) needs inline scripts, so it goes without the CSP; it still may not be framed.
    if (!request.url.startsWith('/api/docs')) {
      reply.header(
        'content-security-policy',
        "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; " +
          "frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
      );
    }
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    // Behind HTTPS (directly or, with TRUST_PROXY, X-Forwarded-Proto) browsers must keep to HTTPS.
    if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
  // Every string that enters EduGov is NFC (Vietnamese input may arrive decomposed).
  // Control characters other than tab and line breaks have no place in text (they break exports and logs).
  app.addHook('preValidation', async (request) => {
    const bad = findControlCharacter(request.body) ?? findControlCharacter(request.query);
    if (bad !== undefined) throw new AppError('request.invalid', { field: bad, reason: 'control character' });
    if (request.body !== undefined) request.body = normalizeDeep(request.body);
    if (request.query !== undefined) request.query = normalizeDeep(request.query);
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'EduGov API',
        version: config.version,
        description:
          'Nền tảng chính phủ điện tử ngành Giáo dục — the e-government platform of the education sector. ' +
          'Errors are `{ "error": { "code", "message", "details" } }`. State-changing requests need the ' +
          'session cookie and the `X-CSRF-Token` header returned by /api/auth/login and /api/auth/me.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'edugov_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  return app;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** The path of the first string (or key) in a JSON value holding a control character, if any. */
export function findControlCharacter(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return CONTROL.test(value) ? path || '/' : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, v] of Object.entries(value)) {
    if (CONTROL.test(key)) return `${path}/${key}`;
    const found = findControlCharacter(v, `${path}/${key}`);
    if (found !== undefined) return found;
  }
  return undefined;
}

function newAjv(coerceTypes: false | 'array'): Ajv {
  const ajv = new Ajv({ coerceTypes, useDefaults: true, removeAdditional: false, allErrors: false, strict: false });
  addFormats.default(ajv, { mode: 'full' });
  return ajv;
}

/** Serves the built web app; unknown /api/* paths get a JSON 404, other GETs the SPA's index.html. */
export async function serveWebApp(app: HttpServer, webDist: string | undefined): Promise<void> {
  const hasWeb = webDist !== undefined && fs.existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDist!,
      prefix: '/',
      // Files are looked up per request, so a rebuilt web app is served without a restart.
      wildcard: true,
      index: ['index.html'],
      // Vite puts a content hash in every asset name: they never change.
      setHeaders: (res, filePath) => {
        if (filePath.includes(`${path.sep}assets${path.sep}`)) {
          res.header('cache-control', 'public, max-age=31536000, immutable');
        }
      },
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const lang = requestLang(request);
    if (request.url.startsWith('/api/') || request.url === '/api' || request.method !== 'GET') {
      return reply.status(404).send(errorBody('request.not_found', lang));
    }
    if (request.url.startsWith('/assets/')) {
      // A missing script or style must not be answered with the HTML page.
      return reply.status(404).type('text/plain; charset=utf-8').send('Not found');
    }
    if (!hasWeb) {
      return reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send(
          'Giao diện web chưa được build. Chạy `npm start` (hoặc `npm run build -w web`).\n' +
            'The web app is not built: run `npm start` (or `npm run build -w web`).',
        );
    }
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').sendFile('index.html');
  });
}
