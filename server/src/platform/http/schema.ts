/** Schema helpers shared by every module's `<module>.schemas.ts`. */
import { Type, type TSchema } from '@fastify/type-provider-typebox';

export { Type };
export type { Static, TSchema } from '@fastify/type-provider-typebox';

/** A string among fixed values (an OpenAPI `enum`), typed as their union. */
export const StringEnum = <const T extends readonly string[]>(values: T, options: { description?: string } = {}) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });

/** An object that rejects unknown fields (unknown field → 400, never silently dropped). */
export const Obj = <P extends Record<string, TSchema>>(properties: P, options: { description?: string } = {}) =>
  Type.Object(properties, { additionalProperties: false, ...options });

export const Uuid = Type.String({ format: 'uuid' });
export const IsoDate = Type.String({ format: 'date', description: 'yyyy-mm-dd' });
export const IsoDateTime = Type.String({ format: 'date-time' });
export const Text = (maxLength: number, minLength = 1) => Type.String({ minLength, maxLength });

export const ErrorResponse = Obj(
  {
    error: Obj({
      code: Type.String(),
      message: Type.String(),
      details: Type.Unknown(),
    }),
  },
  { description: 'Error: stable code, message in the request language (vi/en), details' },
);

/** The error responses every authenticated route can give. */
export const commonErrors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
};

export const Ok = Obj({ ok: Type.Literal(true) });
