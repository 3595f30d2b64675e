import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parsePeselKey } from '../portal/auth/pesel-vault.ts';

/** Typed, frozen configuration, parsed once from the environment. Every variable is in .env.example. */
export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly isProduction: boolean;
  /** Demo mode: simulated Profil Zaufany, demo data and the demo mailbox. Never in production. */
  readonly demo: boolean;
  readonly host: string;
  readonly port: number;
  readonly publicUrl: string;
  readonly dataDir: string;
  readonly databaseUrl: string | null;
  readonly sessionSecret: string;
  /** AES-256-GCM key (32 bytes) of the stored PESEL numbers, see portal/auth/pesel-vault.ts */
  readonly peselKey: Buffer;
  readonly smtpUrl: string | null;
  readonly mailFrom: string;
  /** where "Skontaktuj się z nami" messages go */
  readonly helpdeskEmail: string;
  readonly clamdUrl: string | null;
  readonly logLevel: string;
  readonly trustProxy: boolean;
  readonly seedDemoData: boolean;
  readonly workers: boolean;
  /** largest accepted attachment, in bytes */
  readonly attachmentMaxBytes: number;
  /** SSOZ I accounts created before this date (YYYY-MM-DD) are not transferred */
  readonly legacyCutoffDate: string;
  /**
   * Role requests: a pending request's decision is due `decisionDays` after "Zakończ" (past it the
   * request is escalated: marked "eskalowany" and listed as overdue in the verifiers' daily digest);
   * a request pending longer than `staleDays` may be archived ("Archiwizuj").
   */
  readonly requests: { readonly decisionDays: number; readonly staleDays: number };
  /** simulated duration of the ePŁOZ search, so the progress screen is seen (demo) */
  readonly eplozLookupDelayMs: number;
  /** the built-in UEOZ provider's one client: the portal (this process by default, or another instance) */
  readonly ueozClient: { readonly id: string; readonly secret: string | null; readonly url: string };
  /** OpenID Connect: null issuer → the built-in UEOZ provider is started in this process */
  readonly oidc: {
    readonly issuer: string | null;
    readonly clientId: string | null;
    readonly clientSecret: string | null;
    readonly claims: { readonly pesel: string; readonly givenName: string; readonly familyName: string; readonly login: string; readonly email: string };
    /** allow an http:// issuer (loopback only: tests and local development) */
    readonly allowInsecure: boolean;
  };
  /**
   * Benchmark-only knobs (issue #11), null everywhere else. No environment variable sets them:
   * only bench/portal-server.ts does, through withBenchmarkKnobs() over a production configuration.
   */
  readonly benchmark: BenchmarkKnobs | null;
}

/** What the load generator of `npm run bench` needs from a production-configured portal. */
export interface BenchmarkKnobs {
  /** the simulated Profil Zaufany (password + SMS code) is offered, and its SMS are accepted by a sink, as by a gateway */
  readonly pzSimulator: boolean;
}

/** The variable someone might expect to switch the knobs on: refused in every mode, so it is never silently ignored. */
export const BENCHMARK_KNOBS_VAR = 'SSOZ_BENCHMARK_KNOBS';

const boolish = z.enum(['1', '0', 'true', 'false', 'yes', 'no', '']).transform((v) => v === '1' || v === 'true' || v === 'yes');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL musi zaczynać się od postgres:// lub postgresql://')
    .optional(),
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET musi mieć co najmniej 32 znaki').optional(),
  PESEL_KEY: z
    .string()
    .refine((v) => parsePeselKey(v) !== null, 'PESEL_KEY musi być kluczem 32-bajtowym: 64 cyfry szesnastkowe lub base64')
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL musi zaczynać się od smtp:// lub smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('SSOZ II <no-reply@ssoz.example.pl>'),
  HELPDESK_EMAIL: z.email().default('pomoc@ssoz.example.pl'),
  CLAMD_URL: z
    .string()
    .regex(/^tcp:\/\/[^:]+:\d+$/, 'CLAMD_URL ma postać tcp://host:port')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: boolish.default(false),
  SEED_DEMO_DATA: boolish.optional(),
  WORKERS: boolish.default(true),
  ATTACHMENT_MAX_MB: z.coerce.number().int().min(1).max(100).default(20),
  LEGACY_CUTOFF_DATE: z.iso.date('LEGACY_CUTOFF_DATE ma postać RRRR-MM-DD').default('2010-01-01'),
  REQUEST_DECISION_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  REQUEST_STALE_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  EPLOZ_LOOKUP_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(1500),
  UEOZ_CLIENT_ID: z.string().min(1).default('ssoz-portal'),
  UEOZ_CLIENT_SECRET: z.string().min(16, 'UEOZ_CLIENT_SECRET musi mieć co najmniej 16 znaków').optional(),
  UEOZ_CLIENT_URL: z.url({ protocol: /^https?$/ }).optional(),
  OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_PESEL_CLAIM: z.string().min(1).default('pesel'),
  OIDC_GIVEN_NAME_CLAIM: z.string().min(1).default('given_name'),
  OIDC_FAMILY_NAME_CLAIM: z.string().min(1).default('family_name'),
  OIDC_LOGIN_CLAIM: z.string().min(1).default('preferred_username'),
  OIDC_EMAIL_CLAIM: z.string().min(1).default('email'),
});

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Nieprawidłowa konfiguracja:\n - ${problems.join('\n - ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * In demo mode a secret is generated once and kept in the data directory, so restarts keep sessions
 * (`session-secret`) and can read the PESEL numbers stored before (`pesel-key`).
 */
function demoSecret(dataDir: string, name = 'session-secret', encoding: BufferEncoding = 'base64url'): string {
  const file = path.join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString(encoding);
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** PESEL_KEY, or in demo mode the one kept in the data directory (64 hex digits). */
function peselKeyOf(value: string | undefined, isProduction: boolean, dataDir: string): Buffer {
  const text = value ?? (isProduction ? null : demoSecret(dataDir, 'pesel-key', 'hex'));
  const key = text === null ? null : parsePeselKey(text);
  if (!key) throw new ConfigError(['PESEL_KEY jest wymagany w produkcji (64 cyfry szesnastkowe lub base64)']);
  return key;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === 'production';
  const problems: string[] = [];
  if (cleaned[BENCHMARK_KNOBS_VAR] !== undefined)
    problems.push(`${BENCHMARK_KNOBS_VAR}: przełączniki pomiarowe nie są ustawiane zmienną środowiskową (włącza je tylko bench/portal-server.ts)`);
  if (isProduction) {
    if (!e.SESSION_SECRET) problems.push('SESSION_SECRET jest wymagany w produkcji');
    if (!e.PESEL_KEY) problems.push('PESEL_KEY jest wymagany w produkcji (klucz szyfrowania numerów PESEL, 32 bajty: 64 cyfry szesnastkowe lub base64)');
    if (!e.DATABASE_URL) problems.push('DATABASE_URL jest wymagany w produkcji (PGlite służy tylko do demonstracji)');
    if (!e.SMTP_URL) problems.push('SMTP_URL jest wymagany w produkcji (skrzynka demonstracyjna jest wyłączona)');
    if (!e.PUBLIC_URL) problems.push('PUBLIC_URL jest wymagany w produkcji');
    else if (!e.PUBLIC_URL.startsWith('https://')) problems.push('PUBLIC_URL musi używać https:// w produkcji');
    if (e.SEED_DEMO_DATA) problems.push('SEED_DEMO_DATA nie może być włączony w produkcji');
    // TLS ends at the reverse proxy: the built-in provider must see https (X-Forwarded-Proto) to issue Secure cookies
    if (!e.OIDC_ISSUER && !e.TRUST_PROXY)
      problems.push('TRUST_PROXY=true jest wymagany w produkcji z wbudowanym dostawcą tożsamości (TLS na serwerze pośredniczącym)');
  }
  if (e.OIDC_ISSUER && (!e.OIDC_CLIENT_ID || !e.OIDC_CLIENT_SECRET)) {
    problems.push('OIDC_ISSUER wymaga OIDC_CLIENT_ID i OIDC_CLIENT_SECRET');
  }
  if (e.OIDC_ISSUER?.startsWith('http://') && !/^http:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?(\/|$)/.test(e.OIDC_ISSUER)) {
    problems.push('OIDC_ISSUER przez http:// jest dozwolony tylko na adresie lokalnym (loopback)');
  }
  if (problems.length) throw new ConfigError(problems);

  const dataDir = path.resolve(e.DATA_DIR);
  const demo = !isProduction;
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return Object.freeze({
    env: e.NODE_ENV,
    isProduction,
    demo,
    host: e.HOST,
    port: e.PORT,
    publicUrl,
    dataDir,
    databaseUrl: e.DATABASE_URL ?? null,
    sessionSecret: e.SESSION_SECRET ?? (isProduction ? '' : demoSecret(dataDir)),
    peselKey: peselKeyOf(e.PESEL_KEY, isProduction, dataDir),
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM,
    helpdeskEmail: e.HELPDESK_EMAIL,
    clamdUrl: e.CLAMD_URL ?? null,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    seedDemoData: demo && (e.SEED_DEMO_DATA ?? true),
    workers: e.WORKERS,
    eplozLookupDelayMs: e.EPLOZ_LOOKUP_DELAY_MS,
    requests: Object.freeze({ decisionDays: e.REQUEST_DECISION_DAYS, staleDays: e.REQUEST_STALE_DAYS }),
    legacyCutoffDate: e.LEGACY_CUTOFF_DATE,
    attachmentMaxBytes: e.ATTACHMENT_MAX_MB * 1024 * 1024,
    ueozClient: Object.freeze({ id: e.UEOZ_CLIENT_ID, secret: e.UEOZ_CLIENT_SECRET ?? null, url: (e.UEOZ_CLIENT_URL ?? publicUrl).replace(/\/+$/, '') }),
    oidc: Object.freeze({
      issuer: e.OIDC_ISSUER ?? null,
      clientId: e.OIDC_CLIENT_ID ?? null,
      clientSecret: e.OIDC_CLIENT_SECRET ?? null,
      claims: Object.freeze({
        pesel: e.OIDC_PESEL_CLAIM,
        givenName: e.OIDC_GIVEN_NAME_CLAIM,
        familyName: e.OIDC_FAMILY_NAME_CLAIM,
        login: e.OIDC_LOGIN_CLAIM,
        email: e.OIDC_EMAIL_CLAIM,
      }),
      allowInsecure: (e.OIDC_ISSUER ?? publicUrl).startsWith('http://'),
    }),
    benchmark: null,
  });
}

/**
 * The production configuration with the benchmark's knobs (bench/portal-server.ts only: no module of
 * src/ calls it, test/unit/benchmark-knobs.test.ts checks). Refuses any other configuration: the demo has the
 * simulator already, and a benchmark measures production settings.
 */
export function withBenchmarkKnobs(config: Config, knobs: BenchmarkKnobs): Config {
  if (!config.isProduction || config.demo) throw new ConfigError(['przełączniki pomiarowe działają tylko z ustawieniami produkcyjnymi (NODE_ENV=production)']);
  return Object.freeze({ ...config, benchmark: Object.freeze({ ...knobs }) });
}
