import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { Config } from '../config/index.ts';
import type { Db } from '../db/client.ts';
import { accounts } from '../db/schema/index.ts';
import { escapeHtml } from '../lib/html.ts';
import { Layout } from '../views/layouts/Layout.tsx';
import { databaseAdapter } from './adapter.ts';
import { loadSigningKeys } from './keys.ts';
import { isUuid } from '../lib/ids.ts';

/** Where the built-in UEOZ provider is mounted inside the portal's process. */
export const OIDC_PREFIX = '/ueoz/oidc';
export const INTERACTION_PREFIX = '/ueoz/logowanie';

/** The portal's client secret at the built-in provider: configured, or derived so nothing extra is needed. */
export function builtinClientSecret(config: Config): string {
  return config.ueozClient.secret ?? createHmac('sha256', config.sessionSecret).update('ueoz-client-secret').digest('base64url');
}

export function builtinIssuer(config: Config): string {
  return `${config.publicUrl}${OIDC_PREFIX}`;
}

/** TTLs that fit the portal: the IdP session may not outlive the portal's 10-hour absolute limit. */
const TTL = {
  Session: 10 * 3600,
  Interaction: 3600,
  Grant: 10 * 3600,
  AuthorizationCode: 60,
  AccessToken: 600,
  IdToken: 600,
} as const;

/** oidc-provider's own pages (logout, errors) in the UEOZ layout; `body` is trusted markup. */
async function page(title: string, safeBody: string): Promise<string> {
  return Layout({ title, variant: 'ueoz', children: safeBody });
}

/** oidc-provider's cookie names (its `.sig` companions follow them): its defaults, prefixed in production. */
export function providerCookieNames(config: Pick<Config, 'isProduction'>): { session: string; interaction: string; resume: string } {
  const prefix = config.isProduction ? '__Secure-' : '';
  return { session: `${prefix}_session`, interaction: `${prefix}_interaction`, resume: `${prefix}_interaction_resume` };
}

export async function createProvider(config: Config, db: Db, opts: { now: () => Date }): Promise<Provider> {
  const clientUrl = config.ueozClient.url;
  const jwks = { keys: await loadSigningKeys(db) };
  const configuration: Configuration = {
    adapter: databaseAdapter(db, opts.now),
    jwks,
    clients: [
      {
        client_id: config.ueozClient.id,
        client_secret: builtinClientSecret(config),
        redirect_uris: [`${clientUrl}/logowanie/callback`],
        post_logout_redirect_uris: [`${clientUrl}/wylogowano`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
        // the portal ends this provider's session at "Wyloguj się" by the ID token's sub and auth_time
        require_auth_time: true,
      },
    ],
    // No maxAge on either: browser-session cookies. The `_session` cookie gets an Expires only for a
    // remembered login, and every login ends with `remember: false` (interactions/routes.tsx).
    // In production every name carries the `__Secure-` prefix (ASVS V3.3.1): the browser keeps them only
    // when Secure and set over https. Not `__Host-`: their paths are under /ueoz, not /.
    cookies: {
      names: providerCookieNames(config),
      keys: [createHmac('sha256', config.sessionSecret).update('ueoz-cookies').digest('base64url')],
      long: { httpOnly: true, sameSite: 'lax', secure: config.isProduction },
      short: { httpOnly: true, sameSite: 'lax', secure: config.isProduction },
    },
    claims: {
      openid: ['sub'],
      profile: ['given_name', 'family_name', 'preferred_username'],
      email: ['email', 'email_verified'],
      pesel: ['pesel'],
    },
    scopes: ['openid', 'profile', 'email', 'pesel'],
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx: KoaContextWithOIDC, form: string) => {
          ctx.type = 'html';
          ctx.body = await page(
            'Wylogowanie',
            // The portal's own "Wyloguj się" never comes here (it ends the session server-side). Whoever
            // does - a link from another site included - is asked, and only the button logs out: no auto-submit.
            `<h1>Wylogowanie</h1><p>Czy chcesz wylogować się z Usług Elektronicznych Ochrony Zdrowia?</p>${form}<div class="button-group"><button class="button" type="submit" form="op.logoutForm" name="logout" value="yes" data-qa="ueoz-logout-confirm">Wyloguj się</button></div>`,
          );
        },
        postLogoutSuccessSource: async (ctx: KoaContextWithOIDC) => {
          ctx.type = 'html';
          ctx.body = await page(
            'Wylogowano',
            '<h1>Wylogowano</h1><p>Zostałeś wylogowany z Usług Elektronicznych Ochrony Zdrowia.</p><p><a class="button" href="/">Przejdź do strony głównej</a></p>',
          );
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `${INTERACTION_PREFIX}/${interaction.uid}` },
    ttl: { ...TTL },
    // the portal is a first-party client: its scopes need no consent screen
    loadExistingGrant: async (ctx) => {
      const accountId = ctx.oidc.session?.accountId;
      const client = ctx.oidc.client;
      if (!accountId || !client) return undefined;
      const existing = ctx.oidc.session?.grantIdFor(client.clientId);
      if (existing) {
        const grant = await ctx.oidc.provider.Grant.find(existing);
        if (grant) return grant;
      }
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId });
      grant.addOIDCScope('openid profile email pesel');
      await grant.save();
      return grant;
    },
    findAccount: async (_ctx, id) => {
      if (!isUuid(id)) return undefined;
      const [acc] = await db.select().from(accounts).where(eq(accounts.id, id));
      if (!acc || acc.status !== 'active') return undefined;
      return {
        accountId: acc.id,
        claims: () => ({
          sub: acc.id,
          given_name: acc.firstName,
          family_name: acc.lastName,
          preferred_username: acc.login ?? undefined,
          email: acc.email ?? undefined,
          email_verified: Boolean(acc.emailVerifiedAt),
          pesel: acc.pesel,
        }),
      };
    },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = await page(
        'Błąd logowania',
        `<h1>Nie udało się zalogować</h1><p>Sesja logowania wygasła lub żądanie jest nieprawidłowe. Wróć do strony głównej i zaloguj się ponownie.</p><p class="muted">Kod błędu: <code>${escapeHtml(String(out.error ?? 'error'))}</code></p><p><a class="button" href="/">Przejdź do strony głównej</a></p>`,
      );
    },
  };
  // proxy mode and the pinned host/protocol headers are set where it is mounted (mount.ts)
  return new Provider(builtinIssuer(config), configuration);
}
