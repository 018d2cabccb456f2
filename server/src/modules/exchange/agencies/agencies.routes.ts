/** POST /api/v1/exchange/agencies/sync: a system administrator brings the axis directory in now. */
import { authorize, isSystemAdmin } from '../../../platform/authz.ts';
import { useCaseContext, type AppDeps } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { requireActor } from '../../../platform/http/authn.ts';
import { commonErrors, Obj, Type } from '../../../platform/http/schema.ts';
import type { HttpServer } from '../../../platform/http/server.ts';
import { axisConnectorFor } from '../exchange.connector.ts';
import { syncAgencies } from './agencies.service.ts';

const count = (description: string) => Type.Integer({ minimum: 0, description });

const AgencySyncReport = Obj({
  listed: count('Agencies the axis listed'),
  inserted: count('New external organisations'),
  updated: count('External organisations whose name or parent changed'),
  unchanged: count('Known and unchanged (organisations of our own are never changed)'),
  skipped: count('Entries without a valid identifier or a name'),
});

export async function agenciesRoutes(app: HttpServer, deps: AppDeps): Promise<void> {
  app.post(
    '/api/v1/exchange/agencies/sync',
    {
      schema: {
        tags: ['exchange'],
        security: [{ session: [] }],
        summary:
          'Bring the interchange axis directory into the organisation registry now (system administrator); ' +
          'returns the counts',
        response: { 200: AgencySyncReport, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(isSystemAdmin(actor), { action: 'sync_agencies' });
      const connector = axisConnectorFor(deps.config, deps.logger);
      if (!connector) throw new AppError('exchange.no_axis');
      return syncAgencies(deps, connector, useCaseContext(request, actor).audit);
    },
  );
}
