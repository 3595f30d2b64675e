import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../../../db/repositories/audit.ts';
import { listOwnProfiles, upsertUserFromClaims } from '../../../db/repositories/users.ts';
import { requestsMissingAttachment } from '../../../db/repositories/reminders.ts';
import { safeRelativePath } from '../../session/guard.ts';
import { endBuiltinProviderSession } from '../../../identity/logout.ts';
import { uniqueViolation } from '../../../db/unique-violation.ts';
import { CallbackQuery } from './schema.ts';
import { LandingPage } from '../../../views/pages/LandingPage.tsx';
import type { PortalOidcClient } from '../../auth/oidc-client.ts';

interface OidcChecks {
  state: string;
  nonce: string;
  verifier: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    oidcClient: PortalOidcClient;
  }
}

/**
 * Portal sign-in: authorization code + PKCE against UEOZ (or the configured external provider),
 * a new server-side session at login, RP-initiated logout.
 */
export async function authRoutes(app: FastifyInstance): Promise<void> {
  const { config } = app.deps;
  const redirectUri = `${config.publicUrl}/logowanie/callback`;

  app.get('/logowanie', { config: { rateLimit: { max: 60, timeWindow: '1 minute' } } }, async (req, reply) => {
    const next = safeRelativePath((req.query as Record<string, unknown>).next);
    if (req.session?.userId) return reply.redirect(next ?? '/start', 303);
    const { url, checks } = await app.oidcClient.authorizationUrl(redirectUri);
    await reply.startSession(null, { oidc: checks, next });
    return reply.redirect(url, 303);
  });

  app.get('/logowanie/callback', async (req, reply) => {
    // error and error_description come back from the provider, and may be anything: cleaned at the boundary
    const q = CallbackQuery.parse(req.query);
    const checks = req.session?.data.oidc as OidcChecks | undefined;
    if (!checks || req.session?.userId) return reply.redirect('/logowanie', 303);
    if (q.error) {
      const aborted = q.error_description === 'migration_aborted';
      await recordAudit(app.deps.database.db, {
        action: 'login',
        outcome: 'failure',
        ip: req.ip,
        requestId: req.id,
        details: { error: q.error, description: q.error_description || null },
      });
      await reply.endSession();
      return reply.html(
        LandingPage({
          notice: aborted
            ? 'Przerwano proces migracji. Po przesłaniu zgłoszenia do infolinii CeZ możesz zalogować się ponownie.'
            : 'Logowanie zostało przerwane. Spróbuj ponownie.',
        }),
      );
    }
    let result;
    try {
      result = await app.oidcClient.callback(new URL(req.url, config.publicUrl), checks);
    } catch (err) {
      req.log.warn({ err }, 'OIDC callback refused');
      await recordAudit(app.deps.database.db, { action: 'login', outcome: 'failure', ip: req.ip, requestId: req.id, details: { error: 'callback_invalid' } });
      await reply.endSession();
      return reply.html(LandingPage({ notice: 'Nie udało się zalogować: sesja logowania wygasła lub jest nieprawidłowa. Zaloguj się ponownie.' }), 400);
    }
    const { claims, idToken } = result;
    if (!claims.peselHash || !claims.firstName || !claims.lastName) {
      await recordAudit(app.deps.database.db, {
        action: 'login',
        outcome: 'failure',
        ip: req.ip,
        requestId: req.id,
        details: { error: 'claims_missing', subject: claims.subject },
      });
      await reply.endSession();
      return reply.html(
        LandingPage({ notice: 'Dostawca tożsamości nie przekazał imienia, nazwiska lub numeru PESEL. Skontaktuj się z administratorem.' }),
        403,
      );
    }
    const now = app.deps.now();
    const signIn = () =>
      app.deps.database.db.transaction(async (tx) => {
        const { user: u, linkedFrom } = await upsertUserFromClaims(tx, { ...claims, now });
        if (linkedFrom !== null) {
          await recordAudit(tx, {
            action: 'user.identity_linked',
            actorUserId: u.id,
            actorLabel: u.login,
            subjectType: 'user',
            subjectId: u.id,
            ip: req.ip,
            requestId: req.id,
            details: { fromIssuer: linkedFrom, toIssuer: claims.issuer, by: 'pesel' },
          });
        }
        await recordAudit(tx, { action: 'login', outcome: 'success', actorUserId: u.id, actorLabel: u.login, ip: req.ip, requestId: req.id });
        return u;
      });
    let user;
    try {
      user = await signIn();
    } catch (err) {
      // two first sign-ins of one person at the same moment: the other one created the user, which this one now finds
      if (uniqueViolation(err) === null) throw err;
      user = await signIn();
    }
    const next = safeRelativePath(req.session?.data.next);
    await reply.startSession(user.id, { idToken });
    // at each login: a reminder of pending requests without the signed application
    if ((await requestsMissingAttachment(app.deps.database.db, user.id)).length > 0) {
      return reply.redirect(next ? `/przypomnienie?next=${encodeURIComponent(next)}` : '/przypomnienie', 303);
    }
    if (next) return reply.redirect(next, 303);
    const profiles = await listOwnProfiles(app.deps.database.db, user.id);
    return reply.redirect(profiles.length ? '/start' : '/witaj', 303);
  });

  app.post('/wyloguj', async (req, reply) => {
    const session = req.session;
    if (!session?.userId) return reply.redirect('/', 303);
    const idToken = typeof session.data.idToken === 'string' ? session.data.idToken : null;
    await recordAudit(app.deps.database.db, { action: 'logout', outcome: 'success', actorUserId: session.userId, ip: req.ip, requestId: req.id });
    await reply.endSession();
    // The built-in UEOZ runs in this process: its session ends here, in every browser, with or without
    // JavaScript. An external provider gets the standard end-session redirect (its own confirmation);
    // whatever it leaves behind, the next sign-in asks for Profil Zaufany again (prompt=login).
    if (app.deps.provider) {
      await endBuiltinProviderSession(app.deps.database.db, idToken, { ip: req.ip, requestId: req.id });
      return reply.redirect('/wylogowano', 303);
    }
    let url: string | null = null;
    try {
      url = await app.oidcClient.endSessionUrl(idToken, `${config.publicUrl}/wylogowano`);
    } catch (err) {
      req.log.warn({ err }, 'identity provider unreachable at logout');
    }
    return reply.redirect(url ?? '/wylogowano', 303);
  });

  app.get('/wylogowano', async (_req, reply) => reply.html(LandingPage({ notice: 'Wylogowano z systemu SSOZ II.' })));
}
