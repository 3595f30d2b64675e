import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, count, eq, inArray, notInArray } from 'drizzle-orm';
import { identityAudit, loginAttempts, messages, pzAuthCodes, pzCredentials } from '../../src/db/schema/index.ts';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../../src/demo/demo-accounts.ts';
import {
  passwordFailureMessage,
  pzMessages,
  pzRegisterMessages,
  smsCodeText,
  verifyCodeFailureMessage,
  wrongCodeMessage,
} from '../../src/identity/pz/messages.ts';
import { checkPassword, getAttempt, registerPzAccount, sendCode, startAttempt, verifyCode, type RegisterInput } from '../../src/identity/pz/service.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';

const meta = { ip: '203.0.113.7', requestId: 'req-pz-service' };
const MIN = 60_000;
/** Each test gets its own hours so lockouts and hourly limits of one never reach another. */
const hour = (n: number) => new Date(Date.UTC(2026, 2, 2, 8 + 2 * n, 0, 0));
const plus = (d: Date, minutes: number) => new Date(d.getTime() + minutes * MIN);

const ANNA_PHONE = '+48 600 100 200';

/** A PESEL with a correct check digit. */
function withCheckDigit(first10: string): string {
  const w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  const sum = [...first10].reduce((s, d, i) => s + Number(d) * (w[i] ?? 0), 0);
  return first10 + String((10 - (sum % 10)) % 10);
}

describe('simulated Profil Zaufany: service', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp({ env: { WORKERS: 'false' } });
  });
  after(() => t.close());

  const db = () => t.database.db;

  async function attempt(now: Date): Promise<string> {
    return startAttempt(db(), { interactionUid: 'int-test', ip: meta.ip, now });
  }

  async function loggedIn(login: string, now: Date): Promise<string> {
    const id = await attempt(now);
    const r = await checkPassword(db(), { attemptId: id, login, password: DEMO_PASSWORD, now, meta });
    assert.equal(r.ok, true, `password accepted for ${login}`);
    return id;
  }

  /** Sends a code and reads it back from the SMS the outbox queued. */
  async function sendAndRead(attemptId: string, now: Date, phone = ANNA_PHONE): Promise<string> {
    const before = (await db().select({ id: messages.id }).from(messages).where(eq(messages.to, phone))).map((m) => m.id);
    const r = await sendCode(db(), t.app.deps.outbox, { attemptId, now, meta });
    assert.equal(r.ok, true, 'code sent');
    const fresh = await db()
      .select()
      .from(messages)
      .where(and(eq(messages.to, phone), eq(messages.channel, 'sms'), before.length ? notInArray(messages.id, before) : undefined));
    assert.equal(fresh.length, 1, 'exactly one new SMS');
    const code = /\(demo\): (\d+)\./.exec(fresh[0]?.text ?? '')?.[1];
    assert.ok(code, 'SMS carries the code');
    assert.equal(fresh[0]?.text, `Kod autoryzacyjny Profilu Zaufanego (demo): ${code}. Kod jest ważny 5 minut. Nie przekazuj go nikomu.`);
    return code;
  }

  const otherCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

  it('the right password moves the attempt to the code stage (user name, any case)', async () => {
    const now = hour(0);
    const id = await attempt(now);
    const before = await getAttempt(db(), id, now);
    assert.equal(before?.stage, 'password');
    assert.equal(before?.expiresAt.getTime(), plus(now, 15).getTime());
    const r = await checkPassword(db(), { attemptId: id, login: '  Anna.Nowak ', password: DEMO_PASSWORD, now, meta });
    assert.equal(r.ok, true);
    const [cred] = await db().select().from(pzCredentials).where(eq(pzCredentials.username, 'anna.nowak'));
    assert.deepEqual(r, { ok: true, credentialId: cred?.id });
    const row = await getAttempt(db(), id, now);
    assert.equal(row?.stage, 'code');
    assert.equal(row?.credentialId, cred?.id);
    assert.equal(await getAttempt(db(), id, plus(now, 16)), null, 'attempt expires after 15 minutes');
    assert.equal(await getAttempt(db(), 'no-such-attempt', now), null);
  });

  it('signs in with the e-mail address too; wrong password and unknown login say the same', async () => {
    const now = hour(1);
    const id = await attempt(now);
    assert.equal((await checkPassword(db(), { attemptId: id, login: 'ANNA.NOWAK@example.pl', password: DEMO_PASSWORD, now, meta })).ok, true);
    assert.equal((await getAttempt(db(), id, now))?.stage, 'code');

    const id2 = await attempt(now);
    const wrong = await checkPassword(db(), { attemptId: id2, login: 'anna.nowak', password: 'Zle-haslo-123', now, meta });
    assert.deepEqual(wrong, { ok: false, reason: 'invalid' });
    assert.equal(passwordFailureMessage(wrong as { reason: 'invalid' }), 'Nieprawidłowa nazwa użytkownika lub hasło');
    // warm up the dummy hash, then compare timings: an unknown login must also pay for argon2
    await checkPassword(db(), { attemptId: id2, login: 'nikt.taki', password: 'x', now, meta });
    let known = 0;
    let unknown = 0;
    for (let i = 0; i < 3; i++) {
      let s = performance.now();
      await checkPassword(db(), { attemptId: id2, login: 'tomasz.lewandowski', password: `zle-${i}`, now: plus(now, i), meta });
      known += performance.now() - s;
      s = performance.now();
      const r = await checkPassword(db(), { attemptId: id2, login: `nikt.taki.${i}`, password: `zle-${i}`, now: plus(now, i), meta });
      unknown += performance.now() - s;
      assert.deepEqual(r, { ok: false, reason: 'invalid' });
    }
    assert.ok(unknown > known / 4, `unknown login took ${unknown.toFixed(1)} ms, a real account ${known.toFixed(1)} ms`);
    // tomasz: reset his counter so these 3 wrong passwords do not stay around
    assert.equal((await checkPassword(db(), { attemptId: await attempt(now), login: 'tomasz.lewandowski', password: DEMO_PASSWORD, now, meta })).ok, true);
  });

  it('five wrong passwords lock the account for 15 minutes, even against the right password', async () => {
    const now = hour(2); // 12:00 UTC = 13:00 in Warsaw (CET)
    const id = await attempt(now);
    for (let i = 1; i <= 4; i++) {
      const r = await checkPassword(db(), { attemptId: id, login: 'piotr.zielinski', password: `Zle-haslo-${i}`, now: plus(now, i / 10), meta });
      assert.deepEqual(r, { ok: false, reason: 'invalid' }, `wrong password ${i}`);
    }
    const fifth = await checkPassword(db(), { attemptId: id, login: 'piotr.zielinski', password: 'Zle-haslo-5', now, meta });
    assert.deepEqual(fifth, { ok: false, reason: 'locked', lockedUntil: plus(now, 15) });
    assert.equal(
      passwordFailureMessage(fifth as { reason: 'locked'; lockedUntil: Date }),
      'Konto zostało czasowo zablokowane po 5 nieudanych próbach logowania. Spróbuj ponownie po godzinie 13:15.',
    );
    const [cred] = await db().select().from(pzCredentials).where(eq(pzCredentials.username, 'piotr.zielinski'));
    assert.equal(cred?.lockedUntil?.getTime(), plus(now, 15).getTime());

    const right = await checkPassword(db(), { attemptId: id, login: 'piotr.zielinski', password: DEMO_PASSWORD, now: plus(now, 14), meta });
    assert.equal(right.ok, false);
    assert.equal(!right.ok && right.reason, 'locked');
    assert.equal((await getAttempt(db(), id, plus(now, 14)))?.stage, 'password');

    const later = await checkPassword(db(), {
      attemptId: await attempt(plus(now, 16)),
      login: 'piotr.zielinski',
      password: DEMO_PASSWORD,
      now: plus(now, 16),
      meta,
    });
    assert.equal(later.ok, true, 'accepted once the lock has passed');
    const [after] = await db().select().from(pzCredentials).where(eq(pzCredentials.username, 'piotr.zielinski'));
    assert.equal(after?.failedAttempts, 0);
    assert.equal(after?.lockedUntil, null);

    const lockouts = await db()
      .select()
      .from(identityAudit)
      .where(and(eq(identityAudit.action, 'pz.lockout'), eq(identityAudit.actor, 'piotr.zielinski')));
    assert.equal(lockouts.length, 1);
  });

  it('only consecutive wrong passwords count: a success resets the counter', async () => {
    const now = hour(3);
    const id = await attempt(now);
    const tryWith = (password: string) => checkPassword(db(), { attemptId: id, login: 'jan.kowalski', password, now, meta });
    for (let i = 0; i < 4; i++) assert.deepEqual(await tryWith(`zle-${i}`), { ok: false, reason: 'invalid' });
    assert.equal((await tryWith(DEMO_PASSWORD)).ok, true);
    for (let i = 0; i < 4; i++) assert.deepEqual(await tryWith(`zle-${i}`), { ok: false, reason: 'invalid' });
    assert.equal((await tryWith(DEMO_PASSWORD)).ok, true);
  });

  it('sends the code by SMS through the outbox; it works once and then is refused', async () => {
    const now = hour(4);
    const id = await loggedIn('anna.nowak', now);
    const sent = await sendCode(db(), t.app.deps.outbox, { attemptId: id, now, meta });
    assert.deepEqual(sent, { ok: true, phoneMasked: '+48 *** *** 200' });
    const [sms] = await db()
      .select()
      .from(messages)
      .where(eq(messages.to, ANNA_PHONE))
      .orderBy(messages.createdAt)
      .then((r) => r.slice(-1));
    assert.equal(sms?.channel, 'sms');
    const code = /\(demo\): (\d{6})\./.exec(sms?.text ?? '')?.[1] ?? '';
    assert.equal(sms?.text, smsCodeText(code));
    const [stored] = await db().select().from(pzAuthCodes).where(eq(pzAuthCodes.attemptId, id));
    assert.notEqual(stored?.codeHash, code);
    assert.ok(!stored?.codeHash.includes(code), 'only a hash is stored');
    assert.equal(stored?.expiresAt.getTime(), plus(now, 5).getTime());

    const ok = await verifyCode(db(), { attemptId: id, code, now: plus(now, 1), meta });
    assert.deepEqual(ok, {
      ok: true,
      credential: {
        id: stored?.credentialId,
        username: 'anna.nowak',
        firstName: 'Anna',
        lastName: 'Nowak',
        pesel: '85031401244',
        email: 'anna.nowak@example.pl',
        phone: ANNA_PHONE,
      },
    });
    assert.equal((await getAttempt(db(), id, now))?.stage, 'authenticated');
    const [usedRow] = await db().select().from(pzAuthCodes).where(eq(pzAuthCodes.attemptId, id));
    assert.equal(usedRow?.usedAt?.getTime(), plus(now, 1).getTime(), 'the code is marked used');

    const again = await verifyCode(db(), { attemptId: id, code, now: plus(now, 2), meta });
    assert.equal(again.ok, false, 'a used code is refused');
    assert.equal(!again.ok && again.reason, 'no_code');
    assert.equal((await sendCode(db(), t.app.deps.outbox, { attemptId: id, now, meta })).ok, false, 'no new code once authenticated');
  });

  it('three wrong entries burn the code; a new code is needed', async () => {
    const now = hour(5);
    const id = await loggedIn('anna.nowak', now);
    const code = await sendAndRead(id, now);
    const wrong = otherCode(code);
    const r1 = await verifyCode(db(), { attemptId: id, code: wrong, now, meta });
    assert.deepEqual(r1, { ok: false, reason: 'wrong', attemptsLeft: 2 });
    assert.equal(verifyCodeFailureMessage(r1 as { reason: 'wrong'; attemptsLeft: number }), 'Nieprawidłowy kod autoryzacyjny. Pozostało prób: 2');
    assert.deepEqual(await verifyCode(db(), { attemptId: id, code: 'abc', now, meta }), { ok: false, reason: 'wrong', attemptsLeft: 1 });
    const r3 = await verifyCode(db(), { attemptId: id, code: wrong, now, meta });
    assert.deepEqual(r3, { ok: false, reason: 'too_many_wrong' });
    assert.equal(verifyCodeFailureMessage(r3 as { reason: 'too_many_wrong' }), 'Wpisano 3 razy nieprawidłowy kod. Wyślij nowy kod.');
    const burned = await verifyCode(db(), { attemptId: id, code, now, meta });
    assert.equal(burned.ok, false, 'the right code no longer works');

    const fresh = await sendAndRead(id, plus(now, 1));
    assert.equal((await verifyCode(db(), { attemptId: id, code: fresh, now: plus(now, 1), meta })).ok, true);
  });

  it('a code expires after 5 minutes', async () => {
    const now = hour(6);
    const id = await loggedIn('anna.nowak', now);
    const code = await sendAndRead(id, now);
    const r = await verifyCode(db(), { attemptId: id, code, now: plus(now, 6), meta });
    assert.deepEqual(r, { ok: false, reason: 'expired' });
    assert.equal(verifyCodeFailureMessage(r as { reason: 'expired' }), 'Kod autoryzacyjny wygasł. Wyślij nowy kod.');

    const id2 = await loggedIn('anna.nowak', now);
    const code2 = await sendAndRead(id2, now);
    assert.equal((await verifyCode(db(), { attemptId: id2, code: code2, now: plus(now, 4.9), meta })).ok, true, 'still valid just before 5 minutes');
  });

  it('a code belongs to its attempt: the code of another attempt is refused', async () => {
    const now = hour(7);
    const a = await loggedIn('anna.nowak', now);
    const b = await loggedIn('anna.nowak', now);
    const codeA = await sendAndRead(a, now);
    const codeB = await sendAndRead(b, now);
    if (codeA !== codeB) {
      assert.deepEqual(await verifyCode(db(), { attemptId: a, code: codeB, now, meta }), { ok: false, reason: 'wrong', attemptsLeft: 2 });
    }
    const [n] = await db()
      .select({ n: count() })
      .from(pzAuthCodes)
      .where(inArray(pzAuthCodes.attemptId, [a, b]));
    assert.equal(n?.n, 2);
    // the same (a, b) with the codes swapped: the hash is bound to the attempt id
    const bHash = (await db().select().from(pzAuthCodes).where(eq(pzAuthCodes.attemptId, b)))[0]?.codeHash;
    const aHash = (await db().select().from(pzAuthCodes).where(eq(pzAuthCodes.attemptId, a)))[0]?.codeHash;
    assert.notEqual(aHash, bHash);
    assert.equal((await verifyCode(db(), { attemptId: a, code: codeA, now, meta })).ok, true);
    assert.equal((await verifyCode(db(), { attemptId: b, code: codeB, now, meta })).ok, true);

    const notYet = await attempt(now);
    assert.deepEqual(
      await sendCode(db(), t.app.deps.outbox, { attemptId: notYet, now, meta }),
      { ok: false, reason: 'attempt_expired' },
      'no code before the password',
    );
    assert.deepEqual(await verifyCode(db(), { attemptId: 'unknown', code: codeA, now, meta }), { ok: false, reason: 'attempt_expired' });
  });

  it('a new code invalidates the old one', async () => {
    const now = hour(8);
    const id = await loggedIn('anna.nowak', now);
    const first = await sendAndRead(id, now);
    const second = await sendAndRead(id, plus(now, 1));
    if (first !== second) {
      assert.deepEqual(await verifyCode(db(), { attemptId: id, code: first, now: plus(now, 1), meta }), { ok: false, reason: 'wrong', attemptsLeft: 2 });
    }
    const rows = await db().select().from(pzAuthCodes).where(eq(pzAuthCodes.attemptId, id));
    assert.equal(rows.filter((r) => r.usedAt === null).length, 1, 'only the newest code is usable');
    assert.equal((await verifyCode(db(), { attemptId: id, code: second, now: plus(now, 2), meta })).ok, true);
  });

  it('codes are 6 random digits; at most 5 per attempt', async () => {
    const now = hour(9);
    const id = await loggedIn('anna.nowak', now);
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) codes.push(await sendAndRead(id, plus(now, i)));
    for (const c of codes) assert.match(c, /^\d{6}$/);
    assert.ok(new Set(codes).size >= 4, `codes differ: ${codes.join(', ')}`);
    const sixth = await sendCode(db(), t.app.deps.outbox, { attemptId: id, now: plus(now, 5), meta });
    assert.deepEqual(sixth, { ok: false, reason: 'too_many_codes' });
    assert.equal(pzMessages.tooManyCodes, 'Wysłano zbyt wiele kodów. Spróbuj ponownie później.');
    assert.equal((await verifyCode(db(), { attemptId: id, code: codes[4] ?? '', now: plus(now, 5), meta })).ok, true, 'the last one sent still works');
  });

  it('at most 10 codes per account per hour, across attempts', async () => {
    const now = hour(10);
    const phone = '+48 600 100 203';
    for (let a = 0; a < 2; a++) {
      const id = await loggedIn('maria.wisniewska', plus(now, a));
      for (let i = 0; i < 5; i++) await sendAndRead(id, plus(now, a + i / 10), phone);
    }
    const third = await loggedIn('maria.wisniewska', plus(now, 30));
    assert.deepEqual(await sendCode(db(), t.app.deps.outbox, { attemptId: third, now: plus(now, 30), meta }), { ok: false, reason: 'too_many_codes' });
    const nextHour = await loggedIn('maria.wisniewska', plus(now, 62));
    assert.equal((await sendCode(db(), t.app.deps.outbox, { attemptId: nextHour, now: plus(now, 62), meta })).ok, true);
  });

  it('"Załącz profil" validates every field in Polish', async () => {
    const now = hour(11);
    const [before] = await db().select({ n: count() }).from(pzCredentials);
    const empty = await registerPzAccount(db(), { firstName: ' ', lastName: '', pesel: '', email: '', phone: '', username: '', password: '', now, meta });
    assert.deepEqual(empty, {
      ok: false,
      errors: {
        firstName: 'Wpisz imię',
        lastName: 'Wpisz nazwisko',
        pesel: 'Wpisz numer PESEL',
        email: 'Wpisz adres e-mail',
        phone: 'Wpisz numer telefonu komórkowego',
        username: 'Wpisz nazwę użytkownika',
        password: 'Wpisz hasło',
      },
    });

    const bad = await registerPzAccount(db(), {
      firstName: 'Ola',
      lastName: 'Test',
      pesel: '85031401245',
      email: 'nie-email',
      phone: '+48 22 597 09 27',
      username: 'Ab',
      password: 'samelitery-bez-cyfr',
      now,
      meta,
    });
    assert.equal(bad.ok, false);
    assert.deepEqual(!bad.ok && bad.errors, {
      pesel: pzRegisterMessages.peselChecksum,
      email: 'Wpisz poprawny adres e-mail, np. jan.kowalski@example.pl',
      phone: pzRegisterMessages.phoneNotMobile,
      username: pzRegisterMessages.usernameFormat,
      password: 'Hasło musi mieć co najmniej 12 znaków i zawierać litery oraz cyfry',
    });

    const more = await registerPzAccount(db(), {
      firstName: 'Ola',
      lastName: 'Test',
      pesel: '85023000000',
      email: 'ola@example.pl',
      phone: '12',
      username: 'ola test',
      password: 'krotkie1',
      now,
      meta,
    });
    assert.deepEqual(!more.ok && more.errors, {
      pesel: pzRegisterMessages.peselDate,
      phone: 'Wpisz poprawny numer telefonu, np. +48 600 100 200',
      username: pzRegisterMessages.usernameFormat,
      password: pzRegisterMessages.passwordWeak,
    });

    const taken = await registerPzAccount(db(), {
      firstName: 'Anna',
      lastName: 'Nowak',
      pesel: '85031401244',
      email: 'ANNA.NOWAK@EXAMPLE.PL',
      phone: '600 100 200',
      username: 'Anna.Nowak',
      password: 'Bardzo-dobre-haslo-2026',
      now,
      meta,
    });
    assert.deepEqual(!taken.ok && taken.errors, {
      pesel: 'Konto Profilu Zaufanego z tym numerem PESEL już istnieje',
      email: 'Konto Profilu Zaufanego z tym adresem e-mail już istnieje',
      username: 'Ta nazwa użytkownika jest już zajęta',
    });
    const [afterAll] = await db().select({ n: count() }).from(pzCredentials);
    assert.equal(afterAll?.n, before?.n, 'nothing inserted');
  });

  const newPesel = withCheckDigit('9203150123');
  const registration: RegisterInput = {
    firstName: ' Zofia ',
    lastName: 'Nowa-Testowa',
    pesel: newPesel,
    email: 'Zofia.Testowa@example.pl',
    phone: '600 700 800',
    username: 'Zofia.T',
    password: 'Moje-nowe-haslo-42',
  };

  it('registers a new PZ account that can then sign in and receive codes', async () => {
    const now = hour(12);
    const r = await registerPzAccount(db(), { ...registration, now, meta });
    assert.equal(r.ok, true, JSON.stringify(r));
    const [row] = await db().select().from(pzCredentials).where(eq(pzCredentials.pesel, newPesel));
    assert.equal(r.ok && r.id, row?.id);
    assert.equal(row?.username, 'zofia.t');
    assert.equal(row?.firstName, 'Zofia');
    assert.equal(row?.phone, '+48 600 700 800');
    assert.match(row?.passwordHash ?? '', /^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);

    const dup = await registerPzAccount(db(), { ...registration, email: 'inna@example.pl', username: 'inna.nazwa', now, meta });
    assert.deepEqual(!dup.ok && dup.errors, { pesel: pzRegisterMessages.peselTaken });

    const id = await attempt(now);
    assert.deepEqual(await checkPassword(db(), { attemptId: id, login: 'zofia.testowa@EXAMPLE.pl', password: registration.password, now, meta }), {
      ok: true,
      credentialId: row?.id,
    });
    assert.deepEqual(await sendCode(db(), t.app.deps.outbox, { attemptId: id, now, meta }), { ok: true, phoneMasked: '+48 *** *** 800' });
    const id2 = await attempt(now);
    assert.equal((await checkPassword(db(), { attemptId: id2, login: 'ZOFIA.T', password: registration.password, now, meta })).ok, true);
  });

  it('audits every step with ip and request id, the PZ user name as actor, never a PESEL', async () => {
    const rows = await db().select().from(identityAudit);
    const actions = new Set(rows.map((r) => r.action));
    for (const a of ['pz.login', 'pz.lockout', 'pz.code_sent', 'pz.code_wrong', 'pz.code_expired', 'pz.code_ok', 'pz.register']) {
      assert.ok(actions.has(a), `audit has ${a}`);
    }
    const pz = rows.filter((r) => r.action.startsWith('pz.'));
    assert.ok(
      pz.every((r) => r.ip === meta.ip && r.requestId === meta.requestId),
      'ip and request id on every row',
    );
    const pesels = [...DEMO_PEOPLE.map((p) => p.pesel), newPesel];
    for (const r of pz) {
      const text = JSON.stringify(r);
      for (const p of pesels) assert.ok(!text.includes(p), `no PESEL in ${r.action}: ${text}`);
      assert.doesNotMatch(r.actor ?? '', /^\d{11}$/);
    }
    const ok = pz.find((r) => r.action === 'pz.code_ok' && r.actor === 'anna.nowak');
    assert.ok(ok, 'successful code entry by anna.nowak');
    const reg = pz.find((r) => r.action === 'pz.register' && r.outcome === 'success');
    assert.equal(reg?.actor, 'zofia.t');
    const regFail = pz.find((r) => r.action === 'pz.register' && r.outcome === 'failure');
    assert.ok(Array.isArray(regFail?.details.fields), 'a failed registration lists field names only');
    const wrongPw = pz.find((r) => r.action === 'pz.login' && r.outcome === 'failure' && r.actor === 'piotr.zielinski');
    assert.equal(wrongPw?.details.reason, 'wrong_password');
    // the attempt id is the browser's secret: audit rows refer to it by a digest only
    const ids = (await db().select({ id: loginAttempts.id }).from(loginAttempts)).map((a) => a.id);
    for (const r of pz) for (const a of ids) assert.ok(!JSON.stringify(r.details).includes(a));
  });

  it('texts for every reason', () => {
    assert.equal(wrongCodeMessage(1), 'Nieprawidłowy kod autoryzacyjny. Pozostało prób: 1');
    assert.equal(passwordFailureMessage({ reason: 'attempt_expired' }), 'Sesja logowania wygasła. Zaloguj się ponownie.');
    assert.equal(verifyCodeFailureMessage({ reason: 'no_code' }), pzMessages.noCode);
  });
});
