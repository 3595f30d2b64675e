import type { FastifyInstance } from 'fastify';
import type Provider from 'oidc-provider';
import { maskPesel } from '../../../domain/identifiers.ts';
import { abortMigration, latestMigration, skipMigration } from '../../account/service.ts';
import { finishAttempt } from '../../pz/service.ts';
import { requestMeta, type UidParams } from '../flow.ts';
import { authenticatedOf } from '../scope.ts';
import { MigrationSearchPage, Z02Page } from './pages.tsx';
import { csrfToken } from '../../../lib/csrf.ts';

/** "Migracja danych do UEOZ": the ePŁOZ search of a first login, its progress, Z02 and its two ways out. */
export async function migrationRoutes(app: FastifyInstance, opts: { provider: Provider }): Promise<void> {
  const db = () => app.deps.database.db;
  const now = () => app.deps.now();
  const step = { config: { ueozStep: 'migration' as const } };

  app.get<UidParams>('/ueoz/logowanie/:uid/migracja', step, async (req, reply) => {
    const { account, base, uid } = authenticatedOf(req);
    // wait a moment for the search to end, so most people (with or without JavaScript) never see the progress page
    let m = await latestMigration(db(), account.id);
    for (let i = 0; i < 20 && m?.status === 'searching'; i++) {
      await new Promise((r) => setTimeout(r, 200));
      m = await latestMigration(db(), account.id);
    }
    if (m?.status === 'found') return reply.redirect(`${base}/konto`, 303);
    if (!m || m.status === 'searching' || m.status === 'aborted') {
      return reply.html(MigrationSearchPage({ startedAt: m?.startedAt ?? now(), selfUrl: `${base}/migracja` }));
    }
    return reply.html(
      Z02Page({
        uid,
        csrf: csrfToken(reply),
        eventNumber: m.eventNumber,
        startedAt: m.startedAt,
        finishedAt: m.finishedAt ?? now(),
        firstName: account.firstName,
        lastName: account.lastName,
        maskedPesel: maskPesel(account.pesel),
      }),
    );
  });

  app.post<UidParams>('/ueoz/logowanie/:uid/migracja/przerwij', step, async (req, reply) => {
    const { account, attempt } = authenticatedOf(req);
    await abortMigration(db(), account.id, now(), requestMeta(req));
    await finishAttempt(db(), attempt.id);
    const url = await opts.provider.interactionResult(
      req.raw,
      reply.raw,
      { error: 'access_denied', error_description: 'migration_aborted' },
      { mergeWithLastSubmission: false },
    );
    return reply.redirect(url, 303);
  });

  app.post<UidParams>('/ueoz/logowanie/:uid/migracja/nowe-konto', step, async (req, reply) => {
    const { account, base } = authenticatedOf(req);
    await skipMigration(db(), account.id, now(), requestMeta(req));
    return reply.redirect(`${base}/konto`, 303);
  });
}
