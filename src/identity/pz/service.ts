// The SIMULATED Profil Zaufany (demo mode only): password, SMS authorization code, "Załącz profil".
// Production signs in through the real Profil Zaufany; nothing here is used there.
//
// Every function takes `now` from the caller (the app clock), changes state in one transaction and
// leaves an identity audit row (actor = PZ user name, never a PESEL; no PESEL in details either).
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import argon2 from 'argon2';
import { and, desc, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { DbOrTx } from '../../db/client.ts';
import { loginAttempts, pzAuthCodes, pzCredentials, pzLoginThrottle } from '../../db/schema/index.ts';
import { ARGON2_OPTIONS } from '../../lib/password-hash.ts';
import { normalizeEmail, normalizePhone } from '../../domain/contact.ts';
import { parsePesel } from '../../domain/identifiers.ts';
import type { Outbox } from '../../mail/outbox.ts';
import { recordIdentityAudit } from '../audit.ts';
import { uniqueViolation } from '../../db/unique-violation.ts';
import { PZ_LIMITS, pzRegisterMessages as M, smsCodeText } from './messages.ts';

export interface RequestMeta {
  ip: string;
  requestId: string;
}

export type LoginAttempt = typeof loginAttempts.$inferSelect;

export type CheckPasswordResult = { ok: true; credentialId: string } | { ok: false; reason: 'invalid' | 'locked' | 'attempt_expired'; lockedUntil?: Date };

export type SendCodeResult = { ok: true; phoneMasked: string } | { ok: false; reason: 'attempt_expired' | 'too_many_codes' };

export interface PzIdentity {
  id: string;
  username: string;
  firstName: string;
  lastName: string;
  pesel: string;
  email: string;
  phone: string;
}

export type VerifyCodeResult =
  { ok: true; credential: PzIdentity } | { ok: false; reason: 'wrong' | 'expired' | 'too_many_wrong' | 'no_code' | 'attempt_expired'; attemptsLeft?: number };

export interface RegisterInput {
  firstName: string;
  lastName: string;
  pesel: string;
  email: string;
  phone: string;
  username: string;
  password: string;
}

export type RegisterResult = { ok: true; id: string } | { ok: false; errors: Record<string, string> };

const MINUTE = 60_000;
const addMinutes = (d: Date, m: number) => new Date(d.getTime() + m * MINUTE);

export const USERNAME_PATTERN = /^[a-z0-9._-]{3,50}$/;
const PASSWORD_MIN = 12;
const PASSWORD_MAX = 128;
const NAME_MAX = 100;

/** Audit rows refer to an attempt by a digest: the attempt id itself is the browser's bearer secret. */
function attemptRef(attemptId: string): string {
  return createHash('sha256').update(`pz-attempt:${attemptId}`).digest('hex').slice(0, 16);
}

/** Only the hash of a code is stored, bound to its attempt: a code of another attempt never matches. */
function codeHash(attemptId: string, code: string): string {
  return createHash('sha256').update(`pz-code:${attemptId}:${code}`).digest('hex');
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Six digits from the CSPRNG, leading zeros kept. */
function generateCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** "+48 600 100 200" → "+48 *** *** 200": country code and the last group stay visible. */
export function maskPhone(phone: string): string {
  const groups = phone.trim().split(/\s+/);
  if (groups.length >= 3) {
    return groups.map((g, i) => ((i === 0 && g.startsWith('+')) || i === groups.length - 1 ? g : '*'.repeat(g.length))).join(' ');
  }
  const digits = phone.replace(/\D/g, '');
  return `*** *** ${digits.slice(-3)}`;
}

/**
 * The argon2 calls of the simulated Profil Zaufany, in one object so a test can count them (every
 * password check must pay for one verification, whether the login exists, is locked or not).
 */
export const pzPasswords = {
  hash: (password: string): Promise<string> => argon2.hash(password, ARGON2_OPTIONS),
  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  },
};

// Unknown or locked logins verify against this hash so that their timing matches a real account's.
let dummyHash: Promise<string> | null = null;
function getDummyHash(): Promise<string> {
  dummyHash ??= pzPasswords.hash(randomBytes(24).toString('base64url'));
  return dummyHash;
}

/** The throttle row's key: a digest of the typed login, so the table never holds what people typed. */
function loginKey(login: string): string {
  return createHash('sha256').update(`pz-login:${login}`).digest('hex');
}

async function loadLiveAttempt(db: DbOrTx, attemptId: string, now: Date, lock: boolean): Promise<LoginAttempt | null> {
  const q = db.select().from(loginAttempts).where(eq(loginAttempts.id, attemptId));
  const [row] = lock ? await q.for('update') : await q;
  if (!row || row.expiresAt.getTime() <= now.getTime()) return null;
  return row;
}

/** Marks every still-usable code of the attempt as spent (a new password check or a new code). */
async function invalidateCodes(db: DbOrTx, attemptId: string, now: Date): Promise<void> {
  await db
    .update(pzAuthCodes)
    .set({ usedAt: now })
    .where(and(eq(pzAuthCodes.attemptId, attemptId), isNull(pzAuthCodes.usedAt)));
}

/** A new sign-in at the PZ page (stage "password", valid 15 minutes); returns the random attempt id. */
export async function startAttempt(db: DbOrTx, input: { interactionUid: string; ip: string; now: Date }): Promise<string> {
  const id = randomBytes(32).toString('base64url');
  await db.insert(loginAttempts).values({
    id,
    interactionUid: input.interactionUid,
    stage: 'password',
    ip: input.ip,
    createdAt: input.now,
    expiresAt: addMinutes(input.now, PZ_LIMITS.attemptMinutes),
  });
  return id;
}

/** The attempt, or null when it does not exist or has expired. */
export async function getAttempt(db: DbOrTx, attemptId: string, now: Date): Promise<LoginAttempt | null> {
  return loadLiveAttempt(db, attemptId, now, false);
}

/**
 * "Zaloguj się": user name or e-mail (case-insensitive) and password. Five wrong passwords in a row
 * lock the login for 15 minutes; while locked even the right password is refused. Unknown logins are
 * counted and locked the same way (by the typed login), and every check runs one argon2
 * verification, so neither the answer nor its timing tells whether an account exists.
 */
export async function checkPassword(
  db: DbOrTx,
  input: { attemptId: string; login: string; password: string; now: Date; meta: RequestMeta },
): Promise<CheckPasswordResult> {
  const { attemptId, password, now, meta } = input;
  const login = input.login.trim().toLowerCase();
  const base = { ip: meta.ip, requestId: meta.requestId };
  const ref = attemptRef(attemptId);

  return db.transaction(async (tx) => {
    const attempt = await loadLiveAttempt(tx, attemptId, now, true);
    // Going back from the code step to the password form starts the step over.
    const reusable = attempt && (attempt.stage === 'password' || attempt.stage === 'code');
    if (!reusable) {
      await recordIdentityAudit(tx, { ...base, action: 'pz.login', outcome: 'failure', details: { reason: 'attempt_expired', attempt: ref } });
      return { ok: false, reason: 'attempt_expired' } as const;
    }
    await tx.update(loginAttempts).set({ stage: 'password', credentialId: null }).where(eq(loginAttempts.id, attemptId));
    await invalidateCodes(tx, attemptId, now);

    // Row locks: concurrent tries of one login are counted one after the other.
    const key = loginKey(login);
    await tx.insert(pzLoginThrottle).values({ loginKey: key, updatedAt: now }).onConflictDoNothing();
    const [throttle] = await tx.select().from(pzLoginThrottle).where(eq(pzLoginThrottle.loginKey, key)).for('update');
    const [cred] =
      login === ''
        ? []
        : await tx
            .select()
            .from(pzCredentials)
            .where(or(sql`lower(${pzCredentials.username}) = ${login}`, sql`lower(${pzCredentials.email}) = ${login}`))
            .limit(1)
            .for('update');

    // The same work whatever the case: one verification, against a dummy hash when there is no account.
    const matches = await pzPasswords.verify(cred?.passwordHash ?? (await getDummyHash()), password);
    const passwordOk = matches;

    const audit = { ...base, actor: cred?.username ?? null };
    const who = cred ? { credentialId: cred.id } : { unknownLogin: true };
    const lockedUntil = [throttle?.lockedUntil, cred?.lockedUntil]
      .filter((d): d is Date => d instanceof Date && d.getTime() > now.getTime())
      .sort((a, b) => b.getTime() - a.getTime())[0];
    if (lockedUntil) {
      await recordIdentityAudit(tx, {
        ...audit,
        action: 'pz.login',
        outcome: 'failure',
        details: { reason: 'locked', ...who, lockedUntil: lockedUntil.toISOString(), attempt: ref },
      });
      return { ok: false, reason: 'locked', lockedUntil } as const;
    }

    if (!passwordOk || !cred) {
      // a lock that has passed starts the count again from zero
      const throttleFailed = (throttle?.lockedUntil ? 0 : (throttle?.failedAttempts ?? 0)) + 1;
      const credFailed = cred ? (cred.lockedUntil ? 0 : cred.failedAttempts) + 1 : 0;
      const failed = Math.max(throttleFailed, credFailed);
      await recordIdentityAudit(tx, {
        ...audit,
        action: 'pz.login',
        outcome: 'failure',
        details: { reason: cred ? 'wrong_password' : 'unknown_login', ...who, failedAttempts: failed, attempt: ref },
      });
      if (failed >= PZ_LIMITS.maxWrongPasswords) {
        const until = addMinutes(now, PZ_LIMITS.lockoutMinutes);
        await tx.update(pzLoginThrottle).set({ failedAttempts: 0, lockedUntil: until, updatedAt: now }).where(eq(pzLoginThrottle.loginKey, key));
        if (cred) await tx.update(pzCredentials).set({ failedAttempts: 0, lockedUntil: until }).where(eq(pzCredentials.id, cred.id));
        await recordIdentityAudit(tx, {
          ...audit,
          action: 'pz.lockout',
          outcome: 'failure',
          details: { ...who, failedAttempts: failed, lockedUntil: until.toISOString(), attempt: ref },
        });
        return { ok: false, reason: 'locked', lockedUntil: until } as const;
      }
      await tx.update(pzLoginThrottle).set({ failedAttempts: throttleFailed, lockedUntil: null, updatedAt: now }).where(eq(pzLoginThrottle.loginKey, key));
      if (cred) await tx.update(pzCredentials).set({ failedAttempts: credFailed, lockedUntil: null }).where(eq(pzCredentials.id, cred.id));
      return { ok: false, reason: 'invalid' } as const;
    }

    const account = cred;
    await tx.update(pzLoginThrottle).set({ failedAttempts: 0, lockedUntil: null, updatedAt: now }).where(eq(pzLoginThrottle.loginKey, key));
    await tx.update(pzCredentials).set({ failedAttempts: 0, lockedUntil: null }).where(eq(pzCredentials.id, account.id));
    await tx.update(loginAttempts).set({ credentialId: account.id, stage: 'code' }).where(eq(loginAttempts.id, attemptId));
    await recordIdentityAudit(tx, { ...audit, action: 'pz.login', outcome: 'success', details: { credentialId: account.id, attempt: ref } });
    return { ok: true, credentialId: account.id } as const;
  });
}

/**
 * Sends a new SMS code for the attempt (the earlier ones stop working). At most 5 codes per attempt
 * and 10 per account per hour. The SMS goes through the outbox in the same transaction.
 */
export async function sendCode(
  db: DbOrTx,
  outbox: Pick<Outbox, 'enqueue'>,
  input: { attemptId: string; now: Date; meta: RequestMeta },
): Promise<SendCodeResult> {
  const { attemptId, now, meta } = input;
  const base = { ip: meta.ip, requestId: meta.requestId };
  const ref = attemptRef(attemptId);

  return db.transaction(async (tx) => {
    const attempt = await loadLiveAttempt(tx, attemptId, now, true);
    if (!attempt || attempt.stage !== 'code' || !attempt.credentialId) {
      await recordIdentityAudit(tx, { ...base, action: 'pz.code_sent', outcome: 'failure', details: { reason: 'attempt_expired', attempt: ref } });
      return { ok: false, reason: 'attempt_expired' } as const;
    }
    // Row lock: concurrent sends for one account are counted one after the other.
    const [cred] = await tx.select().from(pzCredentials).where(eq(pzCredentials.id, attempt.credentialId)).for('update');
    if (!cred) {
      await recordIdentityAudit(tx, { ...base, action: 'pz.code_sent', outcome: 'failure', details: { reason: 'attempt_expired', attempt: ref } });
      return { ok: false, reason: 'attempt_expired' } as const;
    }
    const audit = { ...base, actor: cred.username };

    const [perAttempt] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(pzAuthCodes)
      .where(eq(pzAuthCodes.attemptId, attemptId));
    const [perAccount] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(pzAuthCodes)
      .where(and(eq(pzAuthCodes.credentialId, cred.id), gt(pzAuthCodes.createdAt, addMinutes(now, -60)), lte(pzAuthCodes.createdAt, now)));
    const limit =
      (perAttempt?.n ?? 0) >= PZ_LIMITS.maxCodesPerAttempt ? 'attempt' : (perAccount?.n ?? 0) >= PZ_LIMITS.maxCodesPerAccountPerHour ? 'account' : null;
    if (limit) {
      await recordIdentityAudit(tx, {
        ...audit,
        action: 'pz.code_sent',
        outcome: 'failure',
        details: { reason: 'too_many_codes', limit, credentialId: cred.id, attempt: ref },
      });
      return { ok: false, reason: 'too_many_codes' } as const;
    }

    await invalidateCodes(tx, attemptId, now);
    const code = generateCode();
    const [row] = await tx
      .insert(pzAuthCodes)
      .values({ credentialId: cred.id, attemptId, codeHash: codeHash(attemptId, code), expiresAt: addMinutes(now, PZ_LIMITS.codeMinutes), createdAt: now })
      .returning({ id: pzAuthCodes.id });
    const messageId = await outbox.enqueue(tx, { channel: 'sms', to: cred.phone, text: smsCodeText(code) });
    const phoneMasked = maskPhone(cred.phone);
    await recordIdentityAudit(tx, {
      ...audit,
      action: 'pz.code_sent',
      outcome: 'success',
      details: { credentialId: cred.id, codeId: row?.id, messageId, phone: phoneMasked, attempt: ref },
    });
    return { ok: true, phoneMasked } as const;
  });
}

/**
 * "Potwierdź": checks the SMS code of this attempt. Single use, valid 5 minutes, three wrong
 * entries burn it. Success moves the attempt to stage "authenticated" and returns the PZ identity.
 */
export async function verifyCode(db: DbOrTx, input: { attemptId: string; code: string; now: Date; meta: RequestMeta }): Promise<VerifyCodeResult> {
  const { attemptId, now, meta } = input;
  const entered = input.code.replace(/\s+/g, '');
  const base = { ip: meta.ip, requestId: meta.requestId };
  const ref = attemptRef(attemptId);

  return db.transaction(async (tx) => {
    const attempt = await loadLiveAttempt(tx, attemptId, now, true);
    if (!attempt) {
      await recordIdentityAudit(tx, { ...base, action: 'pz.code_wrong', outcome: 'failure', details: { reason: 'attempt_expired', attempt: ref } });
      return { ok: false, reason: 'attempt_expired' } as const;
    }
    const [cred] = attempt.credentialId ? await tx.select().from(pzCredentials).where(eq(pzCredentials.id, attempt.credentialId)) : [];
    const audit = { ...base, actor: cred?.username ?? null };

    const [current] =
      attempt.stage === 'code' && cred
        ? await tx
            .select()
            .from(pzAuthCodes)
            .where(and(eq(pzAuthCodes.attemptId, attemptId), eq(pzAuthCodes.credentialId, cred.id), isNull(pzAuthCodes.usedAt)))
            .orderBy(desc(pzAuthCodes.createdAt))
            .limit(1)
            .for('update')
        : [];
    if (!current || !cred) {
      await recordIdentityAudit(tx, {
        ...audit,
        action: 'pz.code_wrong',
        outcome: 'failure',
        details: { reason: 'no_code', stage: attempt.stage, attempt: ref },
      });
      return { ok: false, reason: 'no_code' } as const;
    }
    if (current.expiresAt.getTime() <= now.getTime()) {
      await recordIdentityAudit(tx, {
        ...audit,
        action: 'pz.code_expired',
        outcome: 'failure',
        details: { credentialId: cred.id, codeId: current.id, attempt: ref },
      });
      return { ok: false, reason: 'expired' } as const;
    }

    // Always hash and compare, whatever was typed, in constant time.
    const matches = sameHash(codeHash(attemptId, entered), current.codeHash) && /^\d{6}$/.test(entered);
    if (!matches) {
      const wrong = current.wrongAttempts + 1;
      const burned = wrong >= PZ_LIMITS.maxWrongCodeEntries;
      await tx
        .update(pzAuthCodes)
        .set({ wrongAttempts: wrong, ...(burned ? { usedAt: now } : {}) })
        .where(eq(pzAuthCodes.id, current.id));
      await recordIdentityAudit(tx, {
        ...audit,
        action: 'pz.code_wrong',
        outcome: 'failure',
        details: { credentialId: cred.id, codeId: current.id, wrongAttempts: wrong, burned, attempt: ref },
      });
      return burned
        ? ({ ok: false, reason: 'too_many_wrong' } as const)
        : ({ ok: false, reason: 'wrong', attemptsLeft: PZ_LIMITS.maxWrongCodeEntries - wrong } as const);
    }

    await tx.update(pzAuthCodes).set({ usedAt: now }).where(eq(pzAuthCodes.id, current.id));
    await tx.update(loginAttempts).set({ stage: 'authenticated' }).where(eq(loginAttempts.id, attemptId));
    await recordIdentityAudit(tx, { ...audit, action: 'pz.code_ok', outcome: 'success', details: { credentialId: cred.id, codeId: current.id, attempt: ref } });
    return {
      ok: true,
      credential: {
        id: cred.id,
        username: cred.username,
        firstName: cred.firstName,
        lastName: cred.lastName,
        pesel: cred.pesel,
        email: cred.email,
        phone: cred.phone,
      },
    } as const;
  });
}

function validateRegistration(input: RegisterInput) {
  const errors: Record<string, string> = {};
  const firstName = input.firstName.trim().replace(/\s+/g, ' ');
  const lastName = input.lastName.trim().replace(/\s+/g, ' ');
  const pesel = input.pesel.trim();
  const username = input.username.trim().toLowerCase();
  const { password } = input;

  if (!firstName) errors.firstName = M.firstNameRequired;
  else if (firstName.length > NAME_MAX) errors.firstName = M.firstNameTooLong;
  if (!lastName) errors.lastName = M.lastNameRequired;
  else if (lastName.length > NAME_MAX) errors.lastName = M.lastNameTooLong;

  if (!pesel) errors.pesel = M.peselRequired;
  else {
    const p = parsePesel(pesel);
    if (!p.valid) errors.pesel = p.reason === 'format' ? M.peselFormat : p.reason === 'date' ? M.peselDate : M.peselChecksum;
  }

  const email = input.email.trim() === '' ? null : normalizeEmail(input.email);
  if (input.email.trim() === '') errors.email = M.emailRequired;
  else if (!email) errors.email = M.emailInvalid;

  const phone = input.phone.trim() === '' ? null : normalizePhone(input.phone);
  if (input.phone.trim() === '') errors.phone = M.phoneRequired;
  else if (!phone) errors.phone = M.phoneInvalid;
  else {
    const type = parsePhoneNumberFromString(phone)?.getType();
    if (type !== undefined && type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE' && type !== 'PERSONAL_NUMBER') errors.phone = M.phoneNotMobile;
  }

  if (!username) errors.username = M.usernameRequired;
  else if (!USERNAME_PATTERN.test(username)) errors.username = M.usernameFormat;

  if (password === '') errors.password = M.passwordRequired;
  else if (password.length > PASSWORD_MAX) errors.password = M.passwordTooLong;
  else if (password.length < PASSWORD_MIN || !/\p{L}/u.test(password) || !/\p{Nd}/u.test(password)) errors.password = M.passwordWeak;

  return { errors, values: { firstName, lastName, pesel, email: email ?? '', phone: phone ?? '', username, password } };
}

/** Housekeeping (the purge job): throttle rows of logins nobody has mistyped for an hour and not locked. */
export async function purgeLoginThrottle(db: DbOrTx, now: Date): Promise<number> {
  const rows = await db
    .delete(pzLoginThrottle)
    .where(and(lte(pzLoginThrottle.updatedAt, addMinutes(now, -60)), or(isNull(pzLoginThrottle.lockedUntil), lte(pzLoginThrottle.lockedUntil, now))))
    .returning({ key: pzLoginThrottle.loginKey });
  return rows.length;
}

/** "Załącz profil" → "Zarejestruj się": a new simulated Profil Zaufany account. */
export async function registerPzAccount(db: DbOrTx, input: RegisterInput & { now: Date; meta: RequestMeta }): Promise<RegisterResult> {
  const { now, meta } = input;
  const base = { ip: meta.ip, requestId: meta.requestId };
  const { errors, values: v } = validateRegistration(input);

  const fail = async (errs: Record<string, string>): Promise<RegisterResult> => {
    // Field names only: the values (PESEL among them) stay out of the audit trail.
    await recordIdentityAudit(db, { ...base, action: 'pz.register', outcome: 'failure', details: { fields: Object.keys(errs) } });
    return { ok: false, errors: errs };
  };
  if (Object.keys(errors).length > 0) return fail(errors);

  const taken = async (tx: DbOrTx) => {
    const rows = await tx
      .select({ username: pzCredentials.username, email: pzCredentials.email, pesel: pzCredentials.pesel })
      .from(pzCredentials)
      .where(
        or(
          sql`lower(${pzCredentials.username}) = ${v.username}`,
          sql`lower(${pzCredentials.email}) = ${v.email.toLowerCase()}`,
          eq(pzCredentials.pesel, v.pesel),
        ),
      );
    const e: Record<string, string> = {};
    if (rows.some((r) => r.pesel === v.pesel)) e.pesel = M.peselTaken;
    if (rows.some((r) => r.email.toLowerCase() === v.email.toLowerCase())) e.email = M.emailTaken;
    if (rows.some((r) => r.username.toLowerCase() === v.username)) e.username = M.usernameTaken;
    return e;
  };

  // Cheap check first so a duplicate does not cost an argon2 hash.
  const dup = await taken(db);
  if (Object.keys(dup).length > 0) return fail(dup);
  const passwordHash = await pzPasswords.hash(v.password);

  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(pzCredentials)
        .values({
          username: v.username,
          email: v.email,
          passwordHash,
          firstName: v.firstName,
          lastName: v.lastName,
          pesel: v.pesel,
          phone: v.phone,
          createdAt: now,
        })
        .returning({ id: pzCredentials.id });
      if (!row) throw new Error('pz_credentials insert returned nothing');
      await recordIdentityAudit(tx, { ...base, actor: v.username, action: 'pz.register', outcome: 'success', details: { credentialId: row.id } });
      return { ok: true, id: row.id } as const;
    });
  } catch (err) {
    if (uniqueViolation(err) === null) throw err;
    // Someone registered the same data in the meantime: report it like the check above.
    const again = await taken(db);
    return fail(Object.keys(again).length > 0 ? again : { username: M.usernameTaken });
  }
}

/** The login attempt is over (signed in, or the migration was stopped): its cookie no longer leads anywhere. */
export async function finishAttempt(db: DbOrTx, attemptId: string): Promise<void> {
  await db.update(loginAttempts).set({ stage: 'done' }).where(eq(loginAttempts.id, attemptId));
}

/** The phone of a Profil Zaufany credential (where the SMS code went), or '' when unknown. */
export async function credentialPhone(db: DbOrTx, credentialId: string | null): Promise<string> {
  if (!credentialId) return '';
  const [cred] = await db.select({ phone: pzCredentials.phone }).from(pzCredentials).where(eq(pzCredentials.id, credentialId));
  return cred?.phone ?? '';
}
