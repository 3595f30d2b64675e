import * as oidc from 'openid-client';
import type { Config } from '../../config/index.ts';
import { BUILTIN_ISSUER } from '../../db/schema/portal.ts';
import { builtinClientSecret, builtinIssuer } from '../../identity/provider.ts';
import { peselLinkHash } from './pesel-link.ts';
import { sealPesel } from './pesel-vault.ts';

/**
 * Claims the portal keeps from the identity provider. The PESEL never leaves this module as a number:
 * a keyed hash (linking), a masked form and a ciphertext (for the verifiers, see pesel-vault.ts).
 */
export interface PortalClaims {
  /** the ID token's issuer; BUILTIN_ISSUER for the built-in UEOZ (its URL follows PUBLIC_URL) */
  issuer: string;
  subject: string;
  firstName: string;
  lastName: string;
  login: string | null;
  email: string | null;
  /** HMAC of a valid PESEL claim; null when the provider sent none (the login is refused) */
  peselHash: string | null;
  /** "85*********" and the AES-256-GCM ciphertext of the same valid PESEL claim (null without one) */
  peselMasked: string | null;
  peselEnc: string | null;
}

export type InProcessFetch = (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => Promise<Response>;

/**
 * The portal as an OpenID Connect relying party (authorization code + PKCE). With the built-in UEOZ
 * provider, requests to it go through the app in-process (no loopback HTTP needed at start or in
 * tests); with an external provider (e.g. Keycloak brokering Profil Zaufany) they go over the network.
 */
export class PortalOidcClient {
  private configuration: Promise<oidc.Configuration> | null = null;

  constructor(
    private readonly config: Config,
    private readonly inProcess: (() => InProcessFetch) | null,
  ) {}

  get isBuiltin(): boolean {
    return this.config.oidc.issuer === null;
  }

  private discover(): Promise<oidc.Configuration> {
    const issuer = this.config.oidc.issuer ?? builtinIssuer(this.config);
    const clientId = this.config.oidc.clientId ?? this.config.ueozClient.id;
    const secret = this.config.oidc.clientSecret ?? builtinClientSecret(this.config);
    const fetcher = this.inProcess && this.isBuiltin ? this.inProcess() : null;
    const custom: oidc.CustomFetch | undefined = fetcher
      ? (url, options) =>
          fetcher(url, {
            method: options.method ?? 'GET',
            headers: Object.fromEntries(new Headers(options.headers as ConstructorParameters<typeof Headers>[0]).entries()),
            ...(typeof options.body === 'string' ? { body: options.body } : options.body instanceof URLSearchParams ? { body: options.body.toString() } : {}),
          })
      : undefined;
    return oidc
      .discovery(new URL(issuer), clientId, undefined, oidc.ClientSecretBasic(secret), {
        ...(custom ? { [oidc.customFetch]: custom } : {}),
        ...(this.config.oidc.allowInsecure ? { execute: [oidc.allowInsecureRequests] } : {}),
      })
      .then((c) => {
        if (custom) c[oidc.customFetch] = custom;
        return c;
      });
  }

  async get(): Promise<oidc.Configuration> {
    this.configuration ??= this.discover().catch((err: unknown) => {
      this.configuration = null; // try again on the next login rather than caching a failure
      throw err;
    });
    return this.configuration;
  }

  async authorizationUrl(redirectUri: string): Promise<{ url: string; checks: { state: string; nonce: string; verifier: string } }> {
    const c = await this.get();
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(c, {
      redirect_uri: redirectUri,
      scope: 'openid profile email pesel',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      // every sign-in asks for Profil Zaufany again: a provider session left over from before
      // "Wyloguj się" or the 30-minute idle logout never signs anyone in silently (standard OIDC, so
      // an external provider such as Keycloak honours it too)
      prompt: 'login',
    });
    return { url: url.href, checks: { state, nonce, verifier } };
  }

  async callback(currentUrl: URL, checks: { state: string; nonce: string; verifier: string }): Promise<{ claims: PortalClaims; idToken: string }> {
    const c = await this.get();
    const tokens = await oidc.authorizationCodeGrant(c, currentUrl, {
      pkceCodeVerifier: checks.verifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    const raw = tokens.claims();
    if (!raw || !tokens.id_token) throw new Error('no ID token');
    let merged: Record<string, unknown> = { ...raw };
    const names = this.config.oidc.claims;
    if (!merged[names.givenName] || !merged[names.familyName]) {
      merged = { ...(await oidc.fetchUserInfo(c, tokens.access_token, raw.sub)), ...merged };
    }
    const str = (k: string) => (typeof merged[k] === 'string' && merged[k] ? (merged[k] as string) : null);
    const sealed = sealPesel(this.config.peselKey, str(names.pesel));
    return {
      idToken: tokens.id_token,
      claims: {
        issuer: this.isBuiltin ? BUILTIN_ISSUER : raw.iss,
        subject: raw.sub,
        firstName: str(names.givenName) ?? '',
        lastName: str(names.familyName) ?? '',
        login: str(names.login),
        email: str(names.email),
        peselHash: peselLinkHash(this.config, str(names.pesel)),
        peselMasked: sealed?.masked ?? null,
        peselEnc: sealed?.enc ?? null,
      },
    };
  }

  async endSessionUrl(idToken: string | null, postLogoutRedirectUri: string): Promise<string | null> {
    const c = await this.get();
    if (!c.serverMetadata().end_session_endpoint) return null;
    return oidc.buildEndSessionUrl(c, { post_logout_redirect_uri: postLogoutRedirectUri, ...(idToken ? { id_token_hint: idToken } : {}) }).href;
  }
}
