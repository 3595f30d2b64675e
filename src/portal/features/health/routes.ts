import type { FastifyInstance } from 'fastify';
import { pingDatabase } from '../../../db/repositories/health.ts';

/** Liveness and readiness for load balancers and the start script. */
export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_req, reply) => {
    try {
      await pingDatabase(app.deps.database.db);
      return { status: 'ok' };
    } catch {
      return reply.status(503).send({ status: 'unavailable' });
    }
  });
}
