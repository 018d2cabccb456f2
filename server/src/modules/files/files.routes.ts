/** Routes /api/v1/files: upload (multipart), metadata and content of a file one may read directly. */
import multipart from '@fastify/multipart';
import { useCaseContext, type AppDeps } from '../../platform/context.ts';
import { requireActor } from '../../platform/http/authn.ts';
import { commonErrors, ErrorResponse } from '../../platform/http/schema.ts';
import type { HttpServer } from '../../platform/http/server.ts';
import { authorize } from '../../platform/authz.ts';
import { filesPolicy } from './files.policy.ts';
import { presentFile } from './files.presenter.ts';
import * as s from './files.schemas.ts';
import { sendFile } from './files.send.ts';
import * as service from './files.service.ts';
import { blobStoreFor } from './files.store.ts';
import { discardUpload, receiveUpload, sweepStaleUploads, uploadTempDir } from './files.upload.ts';

const security = [{ session: [] }];
const uploadErrors = { ...commonErrors, 413: ErrorResponse, 415: ErrorResponse, 503: ErrorResponse };

export async function filesRoutes(app: HttpServer, deps: AppDeps): Promise<void> {
  const { config, db, logger } = deps;
  // The store is made once, here at start-up, so a misconfigured FILES_URL stops the process at boot.
  const store = blobStoreFor(config);
  logger.debug({ files: store.location }, 'file store');
  const tempDir = uploadTempDir(config);
  sweepStaleUploads(tempDir).catch((err: unknown) => logger.warn({ err }, 'could not sweep stale uploads'));

  // Multipart parsing exists only inside this scope: no other route accepts multipart bodies.
  await app.register(async (scope) => {
    await scope.register(multipart, {
      throwFileSizeLimit: true,
      limits: { fileSize: config.uploadMaxBytes, files: 1, fields: 10, fieldSize: 1024, parts: 11, headerPairs: 100 },
    });
    scope.post(
      '/api/v1/files',
      {
        schema: {
          tags: ['files'],
          security,
          summary: 'Upload a file (multipart/form-data, one part named "file"); the type is detected from the bytes',
          consumes: ['multipart/form-data'],
          body: s.UploadBody,
          response: { 201: s.FileInfo, ...uploadErrors },
        },
        // The body is read as a stream by the handler, not parsed and validated up front.
        validatorCompiler: () => () => true,
      },
      async (request, reply) => {
        const actor = requireActor(request);
        authorize(filesPolicy.canUpload(actor));
        const upload = await receiveUpload(request, tempDir);
        // The temporary file is gone before the answer leaves, whatever the answer is.
        const file = await service
          .storeUpload(deps, useCaseContext(request, actor), upload)
          .finally(() => discardUpload(upload));
        return reply.status(201).header('location', `/api/v1/files/${file.id}`).send(presentFile(file));
      },
    );
  });

  app.get(
    '/api/v1/files/:id',
    {
      schema: {
        tags: ['files'],
        security,
        summary: 'A file’s name, size and type (its uploader, or a clerk or leader of its organisation)',
        params: s.FileParams,
        response: { 200: s.FileInfo, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return presentFile(await service.getReadableFile(db, actor, request.params.id));
    },
  );

  app.get(
    '/api/v1/files/:id/content',
    {
      schema: {
        tags: ['files'],
        security,
        summary: 'A file’s bytes, to save (attachment) or with inline=true to preview',
        params: s.FileParams,
        querystring: s.ContentQuery,
        response: { 200: s.FileBytes, ...commonErrors, 503: ErrorResponse },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const file = await service.getReadableFile(db, actor, request.params.id);
      return sendFile(deps, reply, file, { inline: request.query.inline === true });
    },
  );
}
