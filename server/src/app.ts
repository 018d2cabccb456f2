/** buildApp(deps): the HTTP kernel, authentication, then the platform's and each module's routes. */
import type { AppDeps } from './platform/context.ts';
import { registerAuthn } from './platform/http/authn.ts';
import { createHttpServer, serveWebApp, type HttpServer } from './platform/http/server.ts';
import { systemRoutes } from './platform/http/system.routes.ts';
import { resolveSession } from './modules/identity/index.ts';
import { MODULES } from './modules.ts';

export async function buildApp(deps: AppDeps, options: { serveWeb?: boolean } = {}): Promise<HttpServer> {
  const app = await createHttpServer({ config: deps.config, logger: deps.logger });
  registerAuthn(app, (tokenHash) => resolveSession(deps.db, tokenHash));
  await systemRoutes(app, deps);
  for (const module of MODULES) await module.routes(app, deps);
  await serveWebApp(app, (options.serveWeb ?? true) ? deps.config.webDist : undefined);
  await app.ready();
  return app;
}

export const ALL_JOBS = MODULES.flatMap((m) => m.jobs);
