import { createHash, randomBytes } from 'node:crypto';
import { and, count, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../../db/client.ts';
import { accounts, emailVerificationTokens, eplozAccounts, loginAttempts, migrationAttempts } from '../../db/schema/index.ts';
import { QUEUES, type JobQueue } from '../../jobs/queue.ts';
import type { Outbox } from '../../mail/outbox.ts';
import { escapeHtml } from '../../lib/html.ts';
import { recordIdentityAudit } from '../audit.ts';
import { uniqueViolation } from '../../db/unique-violation.ts';

export const ACTIVATION_TTL_MS = 24 * 3600 * 1000;
export const RESEND_MIN_INTERVAL_MS = 60 * 1000;
export const RESEND_MAX_PER_HOUR = 5;

type Meta = { ip: string; requestId: string };
export type AccountRow = typeof accounts.$inferSelect;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * After Profil Zaufany: the UEOZ account of this PESEL, created on first login with status
 * 'migration' and a new ePŁOZ search started as a background job (same transaction).
 */
export async function accountAfterPz(
  deps: { db: Db; queue: JobQueue },
  input: { attemptId: string; pesel: string; firstName: string; lastName: string; now: Date; meta: Meta },
): Promise<AccountRow> {
  return deps.db.transaction(async (tx) => {
    // Insert-or-nothing, then read under a row lock: two first logins with the same PESEL at once
    // (two browsers) end with one account and one ePŁOZ search instead of a unique violation.
    await tx
      .insert(accounts)
      .values({ pesel: input.pesel, firstName: input.firstName, lastName: input.lastName, status: 'migration', createdAt: input.now, updatedAt: input.now })
      .onConflictDoNothing({ target: accounts.pesel });
    const [acc] = await tx.select().from(accounts).where(eq(accounts.pesel, input.pesel)).for('update');
    if (!acc) throw new Error('account insert failed');
    await tx.update(loginAttempts).set({ accountId: acc.id }).where(eq(loginAttempts.id, input.attemptId));
    if (acc.status === 'migration') {
      const [running] = await tx
        .select()
        .from(migrationAttempts)
        .where(and(eq(migrationAttempts.accountId, acc.id), eq(migrationAttempts.status, 'searching')));
      if (!running) {
        // MIGRATION_<epoch millis> as in the manual; two first logins in the same millisecond take the next one
        let m: { id: string } | undefined;
        for (let ms = input.now.getTime(); !m; ms++) {
          [m] = await tx
            .insert(migrationAttempts)
            .values({ accountId: acc.id, eventNumber: `MIGRATION_${ms}`, startedAt: input.now })
            .onConflictDoNothing({ target: migrationAttempts.eventNumber })
            .returning({ id: migrationAttempts.id });
        }
        await deps.queue.send(tx, QUEUES.eplozMigration.name, { migrationId: m.id });
        await recordIdentityAudit(tx, {
          action: 'migration.started',
          outcome: 'success',
          accountId: acc.id,
          ip: input.meta.ip,
          requestId: input.meta.requestId,
        });
      }
    }
    return acc;
  });
}

/** The ePŁOZ lookup (background job). Found: login and e-mail are carried over into the next form. */
export async function runMigration(db: Db, migrationId: string, now: () => Date): Promise<void> {
  await db.transaction(async (tx) => {
    const [m] = await tx.select().from(migrationAttempts).where(eq(migrationAttempts.id, migrationId));
    if (!m || m.status !== 'searching') return;
    const [acc] = await tx.select().from(accounts).where(eq(accounts.id, m.accountId));
    if (!acc) return;
    const [found] = await tx.select().from(eplozAccounts).where(eq(eplozAccounts.pesel, acc.pesel));
    await tx
      .update(migrationAttempts)
      .set({ status: found ? 'found' : 'not_found', eplozAccountId: found?.id ?? null, finishedAt: now() })
      .where(eq(migrationAttempts.id, m.id));
    if (found) {
      await tx
        .update(accounts)
        .set({ status: 'update_required', eplozAccountId: found.id, login: acc.login ?? found.login, email: acc.email ?? found.email, updatedAt: now() })
        .where(eq(accounts.id, acc.id));
    }
    await recordIdentityAudit(tx, {
      action: found ? 'migration.found' : 'migration.not_found',
      outcome: found ? 'success' : 'failure',
      accountId: acc.id,
      details: { eventNumber: m.eventNumber, ...(found ? { eplozLogin: found.login } : { code: 'Z02' }) },
    });
  });
}

export async function latestMigration(db: Db, accountId: string) {
  const [m] = await db.select().from(migrationAttempts).where(eq(migrationAttempts.accountId, accountId)).orderBy(desc(migrationAttempts.startedAt)).limit(1);
  return m ?? null;
}

/** "Przerwij proces migracji": the attempt ends; the next login searches again. */
export async function abortMigration(db: Db, accountId: string, now: Date, meta: Meta): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(migrationAttempts)
      .set({ status: 'aborted', finishedAt: now })
      .where(and(eq(migrationAttempts.accountId, accountId), ne(migrationAttempts.status, 'aborted')));
    await recordIdentityAudit(tx, { action: 'migration.aborted', outcome: 'success', accountId, ip: meta.ip, requestId: meta.requestId });
  });
}

/** "Utwórz nowe konto bez migracji". */
export async function skipMigration(db: Db, accountId: string, now: Date, meta: Meta): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(accounts)
      .set({ status: 'update_required', updatedAt: now })
      .where(and(eq(accounts.id, accountId), eq(accounts.status, 'migration')));
    await recordIdentityAudit(tx, { action: 'migration.skipped', outcome: 'success', accountId, ip: meta.ip, requestId: meta.requestId });
  });
}

export async function isLoginTaken(db: DbOrTx, login: string, exceptAccountId: string): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(accounts)
    .where(and(sql`lower(${accounts.login}) = ${login.toLowerCase()}`, ne(accounts.id, exceptAccountId)));
  return (row?.n ?? 0) > 0;
}

/** Another UEOZ account already uses this e-mail address (case-insensitive). */
export async function isEmailTaken(db: DbOrTx, email: string, exceptAccountId: string): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(accounts)
    .where(and(sql`lower(${accounts.email}) = ${email.toLowerCase()}`, ne(accounts.id, exceptAccountId)));
  return (row?.n ?? 0) > 0;
}

function activationMail(publicUrl: string, token: string, acc: { firstName: string }) {
  const link = `${publicUrl}/ueoz/aktywuj?token=${token}`;
  const text =
    `Dzień dobry ${acc.firstName},\n\n` +
    'aby aktywować konto w Usługach Elektronicznych Ochrony Zdrowia (UEOZ), kliknij link aktywacyjny:\n' +
    `${link}\n\nLink jest ważny 24 godziny i można go użyć tylko raz.\n` +
    'Jeżeli to nie Ty zakładałeś konto, zignoruj tę wiadomość.\n\n' +
    'Niniejsza wiadomość e-mail została wygenerowana automatycznie. Prosimy na nią nie odpowiadać.\n';
  const html =
    `<p>Dzień dobry ${escapeHtml(acc.firstName)},</p><p>aby aktywować konto w Usługach Elektronicznych Ochrony Zdrowia (UEOZ), kliknij link aktywacyjny:</p>` +
    `<p><a href="${escapeHtml(link)}">Aktywuj konto</a></p><p>Link jest ważny 24 godziny i można go użyć tylko raz. Jeżeli to nie Ty zakładałeś konto, zignoruj tę wiadomość.</p>` +
    '<p>Niniejsza wiadomość e-mail została wygenerowana automatycznie. Prosimy na nią nie odpowiadać.</p>';
  return { subject: 'Aktywuj konto w UEOZ', text, html };
}

/** A new activation link; every older unused link of the account stops working (only the newest e-mail counts). */
async function issueActivation(tx: Tx, outbox: Outbox, publicUrl: string, acc: AccountRow, email: string, now: Date) {
  await tx
    .update(emailVerificationTokens)
    .set({ replacedAt: now })
    .where(and(eq(emailVerificationTokens.accountId, acc.id), isNull(emailVerificationTokens.usedAt), isNull(emailVerificationTokens.replacedAt)));
  const token = randomBytes(32).toString('base64url');
  await tx
    .insert(emailVerificationTokens)
    .values({ accountId: acc.id, tokenHash: sha256(token), email, expiresAt: new Date(now.getTime() + ACTIVATION_TTL_MS), createdAt: now });
  await outbox.enqueue(tx, { channel: 'email', to: email, ...activationMail(publicUrl, token, acc) });
}

export const accountMessages = {
  loginTaken: 'Ten login jest już zajęty. Wybierz inny',
  emailTaken: 'Ten adres e-mail jest już używany przez inne konto. Podaj inny adres',
} as const;

export type UpdateAccountResult = { ok: true } | { ok: false; errors: { login?: string; email?: string } };

/**
 * "Zaktualizuj informacje konta" → Zapisz: login and e-mail saved, activation e-mail queued. A login
 * or an e-mail address another account uses is refused; a login taken by someone saving at the same
 * moment (the unique index) is refused the same way instead of failing.
 */
export async function updateAccountInfo(
  deps: { db: Db; outbox: Outbox; publicUrl: string },
  input: { accountId: string; login: string; email: string; now: Date; meta: Meta },
): Promise<UpdateAccountResult> {
  try {
    return await deps.db.transaction(async (tx) => {
      const errors: { login?: string; email?: string } = {};
      if (await isLoginTaken(tx, input.login, input.accountId)) errors.login = accountMessages.loginTaken;
      if (await isEmailTaken(tx, input.email, input.accountId)) errors.email = accountMessages.emailTaken;
      if (errors.login || errors.email) return { ok: false, errors } as const;
      const [acc] = await tx
        .update(accounts)
        .set({ login: input.login, email: input.email, termsAcceptedAt: input.now, status: 'activation_required', updatedAt: input.now })
        .where(eq(accounts.id, input.accountId))
        .returning();
      if (!acc) throw new Error('account missing');
      await issueActivation(tx, deps.outbox, deps.publicUrl, acc, input.email, input.now);
      await recordIdentityAudit(tx, {
        action: 'account.updated',
        outcome: 'success',
        accountId: acc.id,
        actor: input.login,
        ip: input.meta.ip,
        requestId: input.meta.requestId,
      });
      return { ok: true } as const;
    });
  } catch (err) {
    if (uniqueViolation(err) === null) throw err;
    return { ok: false, errors: { login: accountMessages.loginTaken } };
  }
}

/** "Chcę dostać nowy e-mail": at most one a minute and five an hour. */
export async function resendActivation(
  deps: { db: Db; outbox: Outbox; publicUrl: string },
  input: { accountId: string; now: Date; meta: Meta },
): Promise<{ ok: true } | { ok: false; reason: 'too_soon' | 'too_many' | 'not_needed' }> {
  return deps.db.transaction(async (tx) => {
    const [acc] = await tx.select().from(accounts).where(eq(accounts.id, input.accountId)).for('update');
    if (!acc || acc.status !== 'activation_required' || !acc.email) return { ok: false, reason: 'not_needed' } as const;
    const hourAgo = new Date(input.now.getTime() - 3600_000);
    const recent = await tx
      .select({ createdAt: emailVerificationTokens.createdAt })
      .from(emailVerificationTokens)
      .where(and(eq(emailVerificationTokens.accountId, acc.id), gt(emailVerificationTokens.createdAt, hourAgo)))
      .orderBy(desc(emailVerificationTokens.createdAt));
    const last = recent[0]?.createdAt;
    if (last && input.now.getTime() - last.getTime() < RESEND_MIN_INTERVAL_MS) return { ok: false, reason: 'too_soon' } as const;
    if (recent.length >= RESEND_MAX_PER_HOUR) return { ok: false, reason: 'too_many' } as const;
    await issueActivation(tx, deps.outbox, deps.publicUrl, acc, acc.email, input.now);
    await recordIdentityAudit(tx, {
      action: 'account.activation_resent',
      outcome: 'success',
      accountId: acc.id,
      actor: acc.login,
      ip: input.meta.ip,
      requestId: input.meta.requestId,
    });
    return { ok: true } as const;
  });
}

export type ActivationRefusal = 'invalid' | 'expired' | 'used' | 'replaced';

/** Why a link no longer works, or null while it does; the newest link of the address counts only. */
function refusalOf(t: typeof emailVerificationTokens.$inferSelect, acc: AccountRow | undefined, now: Date): Exclude<ActivationRefusal, 'invalid'> | null {
  if (t.replacedAt) return 'replaced';
  if (t.usedAt) return 'used';
  if (t.expiresAt <= now) return 'expired';
  if (!acc || acc.email !== t.email) return 'replaced';
  return null;
}

async function loadToken(db: DbOrTx, token: string, lock: boolean) {
  const q = db
    .select()
    .from(emailVerificationTokens)
    .where(eq(emailVerificationTokens.tokenHash, sha256(token)));
  const [t] = lock ? await q.for('update') : await q;
  if (!t) return null;
  const [acc] = await db.select().from(accounts).where(eq(accounts.id, t.accountId));
  return { t, acc };
}

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{20,100}$/;

/**
 * Opening the link (GET) only looks: it changes nothing, so a mail scanner that fetches links does not
 * spend it. A refusal is audited (someone tried a dead link).
 */
export async function checkActivationToken(
  db: Db,
  input: { token: string; now: Date; meta: Meta },
): Promise<{ ok: true } | { ok: false; reason: ActivationRefusal }> {
  if (!TOKEN_PATTERN.test(input.token)) return { ok: false, reason: 'invalid' };
  const found = await loadToken(db, input.token, false);
  if (!found) return { ok: false, reason: 'invalid' };
  const reason = refusalOf(found.t, found.acc, input.now);
  if (!reason) return { ok: true };
  await recordIdentityAudit(db, {
    action: 'email.verify',
    outcome: 'failure',
    accountId: found.t.accountId,
    ip: input.meta.ip,
    requestId: input.meta.requestId,
    details: { reason },
  });
  return { ok: false, reason };
}

/** "Aktywuj konto" on the link's page (POST): single use, 24 h, and only the newest link of the newest address. */
export async function activateByToken(
  db: Db,
  input: { token: string; now: Date; meta: Meta },
): Promise<{ ok: true; accountId: string } | { ok: false; reason: ActivationRefusal; accountId?: string }> {
  if (!TOKEN_PATTERN.test(input.token)) return { ok: false, reason: 'invalid' };
  return db.transaction(async (tx) => {
    const found = await loadToken(tx, input.token, true);
    if (!found) return { ok: false, reason: 'invalid' } as const;
    const { t, acc } = found;
    const reason = refusalOf(t, acc, input.now);
    if (reason || !acc) {
      const r = reason ?? 'replaced';
      await recordIdentityAudit(tx, {
        action: 'email.verify',
        outcome: 'failure',
        accountId: t.accountId,
        ip: input.meta.ip,
        requestId: input.meta.requestId,
        details: { reason: r },
      });
      return { ok: false, reason: r, accountId: t.accountId } as const;
    }
    await tx.update(emailVerificationTokens).set({ usedAt: input.now }).where(eq(emailVerificationTokens.id, t.id));
    // other links of the same account stop working once one is used
    await tx
      .update(emailVerificationTokens)
      .set({ usedAt: input.now })
      .where(and(eq(emailVerificationTokens.accountId, acc.id), isNull(emailVerificationTokens.usedAt), isNull(emailVerificationTokens.replacedAt)));
    await tx.update(accounts).set({ status: 'active', emailVerifiedAt: input.now, updatedAt: input.now }).where(eq(accounts.id, acc.id));
    await recordIdentityAudit(tx, {
      action: 'email.verified',
      outcome: 'success',
      accountId: acc.id,
      actor: acc.login,
      ip: input.meta.ip,
      requestId: input.meta.requestId,
    });
    return { ok: true, accountId: acc.id } as const;
  });
}
