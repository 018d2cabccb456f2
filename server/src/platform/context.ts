/** What every module plugin and use case receives from the composition root (app.ts). */
import type { FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { AuditContext } from './audit/audit.ts';
import type { Actor } from './authz.ts';
import type { Config } from './config.ts';
import type { ListenFn } from './db/database.ts';
import type { MigrationSet } from './db/migrate.ts';
import type { Db } from './db/schema.ts';
import type { HttpServer } from './http/server.ts';
import type { AnyJob, JobQueue } from './jobs/jobs.ts';

export interface AppDeps {
  readonly config: Config;
  readonly db: Db;
  readonly engine: Config['engine'];
  readonly jobs: JobQueue;
  readonly logger: Logger;
  /** LISTEN on a database channel (live updates); absent where no database is open (OpenAPI generation). */
  readonly listen?: ListenFn;
}

/** A module: its migrations, jobs and routes. `index.ts` of each module exports one. */
export interface AppModule {
  readonly name: string;
  readonly migrations: MigrationSet;
  readonly jobs: readonly AnyJob[];
  readonly routes: (app: HttpServer, deps: AppDeps) => Promise<void>;
}

/** The actor and the audit context of one request, passed to use cases. */
export interface UseCaseContext {
  readonly actor: Actor;
  readonly audit: AuditContext;
}

export function useCaseContext(request: FastifyRequest, actor: Actor): UseCaseContext {
  return {
    actor,
    audit: {
      actorUserId: actor.userId,
      actorName: actor.fullName,
      organizationId: actor.organizationId,
      requestId: request.id,
    },
  };
}
