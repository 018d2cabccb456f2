/** One error handler: stable codes, vi/en messages, 4xx for every bad input, 5xx without internals. */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errorBody, type ErrorCode, type Lang } from '../errors.ts';

export function requestLang(request: FastifyRequest): Lang {
  const cookie = request.cookies?.lang;
  if (cookie === 'en' || cookie === 'vi') return cookie;
  const accept = request.headers['accept-language'];
  return typeof accept === 'string' && /^en\b/i.test(accept.trim()) ? 'en' : 'vi';
}

const DB_UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  '57P01',
  '57P02',
  '57P03',
  '08006',
  '08001',
]);

function classify(error: FastifyError & { code?: string }): { code: ErrorCode; details?: unknown } | undefined {
  if (error instanceof AppError) return { code: error.code, details: error.details };
  if (error.validation) {
    return {
      code: 'request.invalid',
      details: error.validation.map((v) => ({
        field: `${error.validationContext ?? ''}${v.instancePath}`,
        rule: v.keyword,
        params: v.params,
        message: v.message,
      })),
    };
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'request.too_large' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { code: 'request.unsupported_media_type' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { code: 'request.malformed_json' };
    default:
      break;
  }
  if (error instanceof SyntaxError) return { code: 'request.malformed_json' };
  // Constraint violations that slipped past the use case's own checks (e.g. two requests racing):
  // the database kept its integrity, so the client gets a 4xx, not a 500.
  const sqlState = typeof error.code === 'string' && /^[0-9A-Z]{5}$/.test(error.code) ? error.code : undefined;
  if (sqlState === '23505') return { code: 'record.duplicate' };
  if (sqlState === '40001' || sqlState === '40P01') return { code: 'record.conflict' };
  if (sqlState?.startsWith('23') || sqlState?.startsWith('22')) return { code: 'request.invalid' };
  if (error.code && DB_UNAVAILABLE.has(error.code)) return { code: 'database.unavailable' };
  if (/Connection terminated|connection timeout|Client has encountered a connection error/i.test(error.message)) {
    return { code: 'database.unavailable' };
  }
  const status = error.statusCode;
  if (status === 429) return { code: 'request.rate_limited' };
  if (status === 413) return { code: 'request.too_large' };
  if (status === 415) return { code: 'request.unsupported_media_type' };
  if (status !== undefined && status >= 400 && status < 500) return { code: 'request.invalid' };
  return undefined;
}

export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const known = classify(error);
  const lang = requestLang(request);
  if (!known) {
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(errorBody('server.internal', lang, { requestId: request.id }));
  }
  const body = errorBody(known.code, lang, known.details);
  const status = (body.error.code && errorStatus(known.code)) || 400;
  if (status >= 500) request.log.error({ err: error }, body.error.code);
  else request.log.info({ code: known.code }, 'request rejected');
  return reply.status(status).send(body);
}

function errorStatus(code: ErrorCode): number {
  return new AppError(code).status;
}
