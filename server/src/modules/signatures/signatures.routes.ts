/**
 * Routes /api/v1/signatures: validating a stored file's signatures (report stored), the trust list
 * (system administrators), the caller's signing credentials (PKCS#12 import, remote CSC), and the signature
 * and seal images. Signing itself happens inside the outgoing document steps (see index.ts).
 */
import { useCaseContext, type AppDeps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { requireActor } from '../../platform/http/authn.ts';
import { commonErrors, ErrorResponse, Ok } from '../../platform/http/schema.ts';
import type { HttpServer } from '../../platform/http/server.ts';
import * as p from './signatures.presenter.ts';
import { listTrustRoots } from './signatures.repository.ts';
import * as s from './signatures.schemas.ts';
import * as service from './signatures.service.ts';

const security = [{ session: [] }];
const tags = ['signatures'];

export async function signaturesRoutes(app: HttpServer, deps: AppDeps): Promise<void> {
  const { db } = deps;

  app.post(
    '/api/v1/signatures/validations',
    {
      schema: {
        tags,
        security,
        summary: 'Validate the digital signatures of a stored PDF; the report is stored and returned',
        body: s.ValidateBody,
        response: { 201: s.ValidationInfo, ...commonErrors, 503: ErrorResponse },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const ctx = useCaseContext(request, actor);
      await service.assertReadableFile(deps, ctx, request.body.fileId);
      const row = await db.transaction().execute((trx) =>
        service.validateStoredFile(deps, trx, ctx.audit, {
          fileId: request.body.fileId,
          organizationId: actor.organizationId,
          validatedBy: actor.userId,
        }),
      );
      return reply.status(201).send(p.presentValidation(row) as never);
    },
  );

  app.get(
    '/api/v1/signatures/validations/latest',
    {
      schema: {
        tags,
        security,
        summary: 'The latest stored validation of a file',
        querystring: s.FileIdQuery,
        response: { 200: s.ValidationInfo, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await service.assertReadableFile(deps, useCaseContext(request, actor), request.query.fileId);
      const row = await service.latestValidation(db, request.query.fileId);
      if (!row) throw new AppError('record.not_found');
      return p.presentValidation(row) as never;
    },
  );

  app.get(
    '/api/v1/signatures/trust-roots',
    {
      schema: {
        tags,
        security,
        summary: 'The trust list: root certificates that signatures must chain to',
        response: { 200: s.TrustRootList, ...commonErrors },
      },
    },
    async (request) => {
      requireActor(request);
      return { items: (await listTrustRoots(db)).map(p.presentTrustRoot) };
    },
  );

  app.post(
    '/api/v1/signatures/trust-roots',
    {
      schema: {
        tags,
        security,
        summary: 'Add a root certificate (PEM or base64 DER) to the trust list (system administrator)',
        body: s.TrustRootBody,
        response: { 201: s.TrustRoot, ...commonErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const row = await service.addTrustRoot(deps, useCaseContext(request, actor), request.body);
      return reply.status(201).send(p.presentTrustRoot(row));
    },
  );

  app.delete(
    '/api/v1/signatures/trust-roots/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Remove a root from the trust list (system administrator)',
        params: s.IdParams,
        response: { 200: Ok, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await service.removeTrustRoot(deps, useCaseContext(request, actor), request.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/signatures/credentials',
    {
      schema: {
        tags,
        security,
        summary: 'The caller’s signing certificate and their organisation’s',
        response: { 200: s.MyCredentials, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const mine = await service.myCredentials(db, useCaseContext(request, actor));
      return {
        personal: mine.personal ? p.presentCredential(mine.personal) : null,
        organization: mine.organization ? p.presentCredential(mine.organization) : null,
      };
    },
  );

  app.post(
    '/api/v1/signatures/credentials/pkcs12',
    {
      schema: {
        tags,
        security,
        summary:
          'Import a PKCS#12 (.p12/.pfx) as the caller’s (or the organisation’s) signing credential; kept wrapped at rest, its PIN is asked at each signing',
        body: s.ImportPkcs12Body,
        response: { 201: s.Credential, ...commonErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const ctx = useCaseContext(request, actor);
      const row = await db.transaction().execute((trx) =>
        service.importPkcs12({ ...deps, db: trx as never }, ctx, {
          owner: request.body.owner,
          pkcs12Base64: request.body.pkcs12,
          pin: request.body.pin,
          ...(request.body.label ? { label: request.body.label } : {}),
        }),
      );
      return reply.status(201).send(p.presentCredential(row));
    },
  );

  app.post(
    '/api/v1/signatures/credentials/csc',
    {
      schema: {
        tags,
        security,
        summary:
          'Use a remote signing credential (Cloud Signature Consortium API v2) for the caller or the organisation',
        body: s.CscBody,
        response: { 201: s.Credential, ...commonErrors, 502: ErrorResponse },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const row = await service.registerCscCredential(deps, useCaseContext(request, actor), {
        owner: request.body.owner,
        baseUrl: request.body.baseUrl,
        credentialId: request.body.credentialId,
        accessToken: request.body.accessToken,
        ...(request.body.label ? { label: request.body.label } : {}),
      });
      return reply.status(201).send(p.presentCredential(row));
    },
  );

  app.put(
    '/api/v1/signatures/images/:kind',
    {
      schema: {
        tags,
        security,
        summary:
          'Set the caller’s signature image (kind=signature, blue) or the organisation’s seal image (kind=seal, red; administrator or clerk): a transparent PNG, base64',
        params: s.ImageKindParams,
        body: s.ImageBody,
        response: { 200: s.ImageInfo, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const png = new Uint8Array(Buffer.from(request.body.png, 'base64'));
      const row = await service.setImage(deps, useCaseContext(request, actor), { kind: request.params.kind, png });
      return p.presentImage(row);
    },
  );

  app.get(
    '/api/v1/signatures/images/:kind',
    {
      schema: {
        tags,
        security,
        summary: 'The caller’s signature image or the organisation’s seal image (PNG)',
        params: s.ImageKindParams,
        response: { 200: s.PngBytes, ...commonErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const row = await service.getImage(db, useCaseContext(request, actor), request.params.kind);
      return reply
        .header('content-type', 'image/png')
        .header('cache-control', 'private, no-store')
        .send(row.png as never);
    },
  );
}
