import type { FastifyInstance } from 'fastify';
import type Provider from 'oidc-provider';
import { recordIdentityAudit } from '../audit.ts';
import { finishAttempt } from '../pz/service.ts';
import { accountUpdateRoutes } from './account-update/routes.tsx';
import { activationLinkRoutes, activationRoutes } from './activation/routes.tsx';
import { clearAttemptCookie, type UidParams } from './flow.ts';
import { migrationRoutes } from './migration/routes.tsx';
import { UeozLoginPage } from './pages.tsx';
import { profilZaufanyRoutes } from './profil-zaufany/routes.tsx';
import { authenticatedOf, interactionScope } from './scope.ts';

/**
 * The UEOZ sign-in, one module per flow: Profil Zaufany (demo simulator), ePŁOZ migration,
 * "Zaktualizuj informacje konta", "Aktywuj konto". All steps of one oidc-provider interaction run in
 * a scope whose hook loads the interaction and this browser's login attempt once per request.
 */
export async function interactionRoutes(app: FastifyInstance, opts: { provider: Provider }): Promise<void> {
  const { provider } = opts;
  // the demo's simulator; in a production-configured process only under the benchmark's knob (bench/portal-server.ts)
  const pzAvailable = app.deps.config.demo || app.deps.config.benchmark?.pzSimulator === true;

  await app.register(
    interactionScope(provider, async (scope) => {
      scope.get<UidParams>('/ueoz/logowanie/:uid', async (req, reply) => reply.html(UeozLoginPage({ uid: req.params.uid, pzAvailable })));
      if (pzAvailable) await scope.register(profilZaufanyRoutes);
      await scope.register(migrationRoutes, { provider });
      await scope.register(accountUpdateRoutes);
      await scope.register(activationRoutes);

      // the end of a sign-in: an active account logs in at the provider, and the browser returns to the portal
      scope.get<UidParams>('/ueoz/logowanie/:uid/dokoncz', { config: { ueozStep: 'active' } }, async (req, reply) => {
        const { account, attempt } = authenticatedOf(req);
        const db = app.deps.database.db;
        await finishAttempt(db, attempt.id);
        await recordIdentityAudit(db, { action: 'login', outcome: 'success', accountId: account.id, actor: account.login, ip: req.ip, requestId: req.id });
        clearAttemptCookie(reply);
        // remember: false → a browser-session cookie at the provider: closing the browser ends the UEOZ session
        const url = await provider.interactionResult(
          req.raw,
          reply.raw,
          { login: { accountId: account.id, remember: false } },
          { mergeWithLastSubmission: false },
        );
        return reply.redirect(url, 303);
      });
    }),
  );
  await app.register(activationLinkRoutes);
}
