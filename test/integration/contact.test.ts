import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { auditLog, contactRequests, messages } from '../../src/db/schema/index.ts';
import { buildTestApp, eventually, getForm, type TestApp } from '../helpers/app.ts';
import { buildProfile } from '../builders/index.ts';
import { loginAs } from '../helpers/login.ts';
import { captureLogs, logRecords } from '../helpers/logs.ts';

function post(t: TestApp, cookie: string, fields: Record<string, string>) {
  return t.app.inject({
    method: 'POST',
    url: '/kontakt',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    payload: new URLSearchParams(fields).toString(),
  });
}

describe('Skontaktuj się z nami', () => {
  let t: TestApp;
  let logs: ReturnType<typeof captureLogs>;
  before(async () => {
    // the rate limit's security events are read from the warn lines (kept from the test output)
    logs = captureLogs();
    t = await buildTestApp({ env: { LOG_LEVEL: 'warn' } });
  });
  after(async () => {
    logs.restore();
    await t.close();
  });

  it('shows every error next to its field and in the summary, and keeps typed values', async () => {
    const { csrf, cookie, html } = await getForm(t.app, '/kontakt');
    const formId = /name="formId" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const res = await post(t, cookie, { _csrf: csrf, formId, name: 'Jan "Kowal" <b>Kowalski</b>', email: 'nie-email', message: 'krótko' });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /<title>Błąd: /);
    assert.match(res.body, /class="error-summary"/);
    const summary = res.body.slice(res.body.indexOf('error-summary'), res.body.indexOf('</ul>'));
    const order = ['#f-email', '#f-topic', '#f-message'].map((h) => summary.indexOf(h));
    assert.ok(
      order.every((i) => i > 0),
      'summary links to each field',
    );
    assert.deepEqual(
      [...order].sort((a, b) => a - b),
      order,
      'summary in form order',
    );
    assert.match(res.body, /Wpisz poprawny adres e-mail/);
    assert.match(res.body, /Wybierz temat wiadomości/);
    assert.match(res.body, /Treść wiadomości musi mieć co najmniej 10 znaków/);
    assert.match(res.body, /<span class="visually-hidden">Błąd: <\/span>/);
    assert.match(res.body, /value="Jan &#34;Kowal&#34; <b>Kowalski<\/b>"/, 'typed value kept, quotes escaped so it cannot leave the attribute');
    assert.match(res.body, new RegExp(`name="formId" value="${formId}"`), 'same form id kept');
    assert.equal((await t.database.db.select().from(contactRequests).where(eq(contactRequests.id, formId))).length, 0);
  });

  it('a form without its id (expired or forged) asks to send again, in Polish, with a fresh id', async () => {
    const { csrf, cookie } = await getForm(t.app, '/kontakt');
    const res = await post(t, cookie, { _csrf: csrf, name: 'Jan Nowak', email: 'jan@example.pl', topic: 'inne', message: 'Treść wiadomości testowej.' });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /<a href="#f-name">Formularz wygasł/);
    assert.match(res.body, /name="formId" value="[0-9a-f-]{36}"/);
    assert.match(res.body, /value="Jan Nowak"/);
  });

  it('a NUL byte or a right-to-left override in the name: 400, the Polish message next to the field and in the summary', async () => {
    for (const name of ['Jan\u0000Kowalski', 'Jan \u202eikslawoK']) {
      const { csrf, cookie, html } = await getForm(t.app, '/kontakt');
      const formId = /name="formId" value="([^"]+)"/.exec(html)?.[1] ?? '';
      const res = await post(t, cookie, { _csrf: csrf, formId, name, email: 'jan@example.pl', topic: 'inne', message: 'Treść wiadomości testowej.' });
      assert.equal(res.statusCode, 400);
      const summary = res.body.slice(res.body.indexOf('error-summary'), res.body.indexOf('</ul>'));
      assert.match(
        summary,
        /<a href="#f-name">Pole „Imię i nazwisko” zawierało niedozwolone znaki \(np\. znaki sterujące\), które usunęliśmy\. Sprawdź jego treść i wyślij formularz ponownie\.<\/a>/,
      );
      assert.match(res.body, /id="f-name-error"/);
      assert.ok(!res.body.includes('\u0000') && !res.body.includes('\u202e'), 'the character is not echoed back');
      assert.match(res.body, /value="jan@example.pl"/, 'the other values are kept');
      assert.equal((await t.database.db.select().from(contactRequests).where(eq(contactRequests.id, formId))).length, 0);
    }
  });

  it('a null or wrongly typed JSON body: 400 with the form, not 500', async () => {
    const { csrf, cookie } = await getForm(t.app, '/kontakt');
    for (const payload of ['null', '[1,2]', '{"name":["a","b"],"email":5,"topic":{},"message":null}']) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/kontakt',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf, cookie },
        payload,
      });
      assert.equal(res.statusCode, 400, payload);
      assert.match(res.body, /data-qa="contact-form"/);
      // missing: "Wpisz …"; sent as an array or a number: "Pole ma nieprawidłową postać"
      assert.match(res.body, payload.startsWith('{') ? /Pole ma nieprawidłową postać/ : /Wpisz imię i nazwisko/);
      assert.match(res.body, /name="formId" value="[0-9a-f-]{36}"/);
    }
  });

  it('sends the message to the helpdesk and a confirmation to the sender, once, audited', async () => {
    const { csrf, cookie, html } = await getForm(t.app, '/kontakt');
    const formId = /name="formId" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const fields = {
      _csrf: csrf,
      formId,
      name: 'Ewa Testowa',
      email: 'ewa.testowa@example.pl',
      topic: 'profil',
      message: 'Nie widzę mojej jednostki na liście.',
    };
    const first = await post(t, cookie, fields);
    assert.equal(first.statusCode, 303);
    const location = first.headers.location as string;
    assert.match(location, /^\/kontakt\/wyslano\?nr=K-\d{8}-[0-9A-F]{6}$/);
    const again = await post(t, cookie, fields);
    assert.equal(again.statusCode, 303);
    assert.equal(again.headers.location, location, 'double submit gives the same reference');

    const rows = await t.database.db.select().from(contactRequests).where(eq(contactRequests.id, formId));
    assert.equal(rows.length, 1);
    const mail = await eventually(async () => {
      const list = (await t.app.inject({ url: '/dev/poczta.json?to=ewa.testowa@example.pl' })).json() as Array<{
        subject: string;
        text: string;
        channel: string;
      }>;
      return list.length ? list : null;
    });
    assert.equal(mail.length, 1, 'one confirmation, not two');
    assert.equal(mail[0]?.channel, 'email');
    assert.match(mail[0]?.text ?? '', new RegExp(rows[0]!.referenceNo));
    const helpdesk = await t.database.db.select().from(messages).where(eq(messages.to, t.config.helpdeskEmail));
    assert.equal(helpdesk.length, 1);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.subjectId, formId));
    assert.equal(audit.length, 1);
    assert.equal(audit[0]?.action, 'contact.message_sent');
    assert.ok(audit[0]?.occurredAt instanceof Date);

    const page = await t.app.inject({ url: location });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Wiadomość została wysłana/);
  });

  it('two different messages whose form ids share a reference prefix are both kept, each with its own number', async () => {
    // from addresses of their own: the form's per-address limit is not what this test is about
    const send = async (formId: string, name: string) => {
      const { csrf, cookie } = await getForm(t.app, '/kontakt');
      const payload = new URLSearchParams({
        _csrf: csrf,
        formId,
        name,
        email: `${name.toLowerCase()}@example.pl`,
        topic: 'logowanie',
        message: 'Nie mogę się zalogować do systemu.',
      });
      return t.app.inject({
        method: 'POST',
        url: '/kontakt',
        remoteAddress: `127.0.0.${name.length}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
        payload: payload.toString(),
      });
    };
    const a = await send('abcdef12-0000-4000-8000-000000000001', 'Adam');
    const b = await send('abcdef12-0000-4000-8000-000000000002', 'Beata');
    assert.equal(a.statusCode, 303);
    assert.equal(b.statusCode, 303);
    assert.notEqual(a.headers.location, b.headers.location, 'each sender gets their own reference');
    const rows = await t.database.db.select().from(contactRequests);
    assert.ok(rows.some((r) => r.name === 'Adam') && rows.some((r) => r.name === 'Beata'), 'no message dropped');
    // the same form sent again is still the same message
    const again = await send('abcdef12-0000-4000-8000-000000000002', 'Beata');
    assert.equal(again.headers.location, b.headers.location);
  });

  it('one address may post the form 10 times in 10 minutes; the 11th answers 429 "Zbyt wiele prób" and stores nothing', async () => {
    // an address of its own, so the posts of the other tests do not count
    const remoteAddress = '198.51.100.23';
    const { csrf, cookie } = await getForm(t.app, '/kontakt');
    const send = (formId: string) =>
      t.app.inject({
        method: 'POST',
        url: '/kontakt',
        remoteAddress,
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
        payload: new URLSearchParams({
          _csrf: csrf,
          formId,
          name: 'Jan Nowak',
          email: 'jan@example.pl',
          topic: 'inne',
          message: 'Treść wiadomości testowej.',
        }).toString(),
      });
    for (let i = 1; i <= 10; i++) {
      const res = await send(`0000000${i.toString(16)}-0000-4000-8000-00000000c0de`);
      assert.equal(res.statusCode, 303, `post ${i} accepted`);
    }
    const formId = '0000000b-0000-4000-8000-00000000c0de';
    const refused = await send(formId);
    assert.equal(refused.statusCode, 429);
    assert.match(refused.body, /Zbyt wiele prób/);
    assert.equal((await t.database.db.select().from(contactRequests).where(eq(contactRequests.id, formId))).length, 0, 'the refused message is not stored');
    const other = await t.app.inject({ url: '/kontakt', remoteAddress: '198.51.100.24' });
    assert.equal(other.statusCode, 200, 'another address is not limited');
  });
  it('a 429 is a security event: a warn line for anyone, and for a signed-in user an audit row (ASVS V16.3.3)', async () => {
    const { user } = await buildProfile(t.database.db);
    const signedIn = await loginAs(t, user.id);
    /** eleven posts of an empty form from one address (ten refused with their errors, 400): the last answer */
    const overTheLimit = async (remoteAddress: string, session: string) => {
      const page = await t.app.inject({ url: '/kontakt', remoteAddress, headers: { cookie: session } });
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
      const cookie = [session, ...page.cookies.map((c) => `${c.name}=${c.value}`)].filter(Boolean).join('; ');
      let last;
      for (let i = 1; i <= 11; i++)
        last = await t.app.inject({
          method: 'POST',
          url: '/kontakt',
          remoteAddress,
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
          payload: new URLSearchParams({ _csrf: csrf }).toString(),
        });
      assert.equal(last!.statusCode, 429);
      const requestId = String(last!.headers['x-request-id']);
      const rows = await t.database.db.select().from(auditLog).where(eq(auditLog.requestId, requestId));
      const lines = logRecords(logs.text()).filter((l) => l.reqId === requestId && l.event === 'security.refused');
      return { rows, lines };
    };

    const anonymous = await overTheLimit('198.51.100.76', '');
    assert.deepEqual(
      anonymous.lines.map((l) => [l.level, l.status, l.route, l.userId]),
      [[40, 429, '/kontakt', null]],
    );
    assert.equal(anonymous.rows.length, 0, 'no audit row for an anonymous sender');

    const session = [...signedIn.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const member = await overTheLimit('198.51.100.77', session);
    assert.deepEqual(
      member.lines.map((l) => [l.level, l.status, l.route, l.userId]),
      [[40, 429, '/kontakt', user.id]],
    );
    assert.deepEqual(
      member.rows.map((r) => [r.action, r.actorUserId, r.outcome, (r.details as { status: number }).status, (r.details as { route: string }).route]),
      [['security.refused', user.id, 'failure', 429, '/kontakt']],
    );
  });
});
