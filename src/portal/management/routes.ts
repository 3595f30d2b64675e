import { frameOf, type SignedInApp } from '../actor/scope.ts';
import { ctxOf } from '../context.ts';
import { authorize } from '../policies/index.ts';
import { managementAuditRoutes } from './audit/routes.tsx';
import { ManagementHubPage } from './hub/pages.tsx';
import { managementReportRoutes } from './reports/routes.tsx';
import { managementAnnouncementRoutes } from './announcements/routes.tsx';
import { managementDeadlineRoutes } from './deadlines/routes.tsx';
import { managementDictionaryRoutes } from './dictionaries/routes.tsx';
import { managementRequestRoutes } from './requests/routes.tsx';
import { managementUnitRoutes } from './units/routes.tsx';
import { managementUserRoutes } from './users/routes.tsx';
import { MANAGEMENT_PATH, submodulesFor } from './submodules.ts';

/** "Zarządzanie": its page and every sub-module's routes (signed-in scope). Each sub-module registers here. */
export async function managementRoutes(app: SignedInApp): Promise<void> {
  app.get(MANAGEMENT_PATH, async (req, reply) => {
    const { actor } = ctxOf(req);
    authorize(actor, 'management.open', { type: 'management' });
    return reply.html(ManagementHubPage({ frame: frameOf(req, reply), submodules: submodulesFor(actor.permissions), unitName: actor.profile?.unitName ?? '' }));
  });
  await app.register(managementRequestRoutes);
  await app.register(managementUnitRoutes);
  await app.register(managementAuditRoutes);
  await app.register(managementReportRoutes);
  await app.register(managementUserRoutes);
  await app.register(managementDictionaryRoutes);
  await app.register(managementAnnouncementRoutes);
  await app.register(managementDeadlineRoutes);
}
