/** buildApp(deps): the HTTP kernel, authentication, then the platform's and each module's routes. */
import type { AppDeps } from './platform/context.ts';
import { registerAuthn } from './platform/http/authn.ts';
import { createHttpServer, serveWebApp, type HttpServer } from './platform/http/server.ts';
import { systemRoutes } from './platform/http/system.routes.ts';
import { createSessionResolver } from './modules/identity/index.ts';
import { MODULES } from './modules.ts';

export async function buildApp(deps: AppDeps, options: { serveWeb?: boolean } = {}): Promise<HttpServer> {
  const app = await createHttpServer({ config: deps.config, logger: deps.logger });
  const sessions = await createSessionResolver(deps, { ttlMs: deps.config.sessionCacheSeconds * 1000 });
  app.addHook('onClose', () => sessions.close());
  registerAuthn(app, sessions.resolve);
  await systemRoutes(app, deps);
  for (const module of MODULES) await module.routes(app, deps);
  await serveWebApp(app, (options.serveWeb ?? true) ? deps.config.webDist : undefined);
  await app.ready();
  return app;
}

export const ALL_JOBS = MODULES.flatMap((m) => m.jobs);
