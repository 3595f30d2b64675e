import { describe, it, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkContact, contactMessages, EMAIL_MAX_LENGTH, isValidEmail, normalizeEmail, normalizePhone } from '../../src/domain/contact.ts';

test('Polish numbers in the usual spellings become one display form', () => {
  assert.equal(normalizePhone('600100200'), '+48 600 100 200');
  assert.equal(normalizePhone('+48 600 100 200'), '+48 600 100 200');
  assert.equal(normalizePhone('+48600100200'), '+48 600 100 200');
  assert.equal(normalizePhone('  600-100-200 '), '+48 600 100 200');
  assert.equal(normalizePhone('0048600100200'), '+48 600 100 200');
  assert.equal(normalizePhone('(22) 597 09 27'), '+48 22 597 09 27');
});

test('foreign numbers with + and country code', () => {
  assert.equal(normalizePhone('+44 20 7946 0958'), '+44 20 7946 0958');
  assert.equal(normalizePhone('+4930901820'), '+49 30 901820');
});

test('invalid phone numbers', () => {
  for (const bad of [
    '',
    '   ',
    '123',
    '600 100 20',
    '6001002000',
    '600100200abc',
    'tel. 600100200',
    '+48 000 000 000',
    '++48600100200',
    '()',
    '-',
    '+',
    ' . ',
  ]) {
    assert.equal(normalizePhone(bad), null, JSON.stringify(bad));
  }
});

test('valid e-mail addresses', () => {
  assert.equal(isValidEmail('jan.kowalski@example.pl'), true);
  assert.equal(isValidEmail('statystyka@cez.gov.pl'), true);
  assert.equal(isValidEmail('a.b+ssoz@sub.example.com'), true);
  assert.equal(normalizeEmail('  jan.kowalski@example.pl \n'), 'jan.kowalski@example.pl');
});

test('invalid e-mail addresses', () => {
  for (const bad of [
    '',
    '   ',
    'jan',
    'jan@',
    '@example.pl',
    'jan kowalski@example.pl',
    'jan@localhost',
    'jan@@example.pl',
    'jan..k@example.pl',
    'jan@example..pl',
  ]) {
    assert.equal(isValidEmail(bad), false, JSON.stringify(bad));
    assert.equal(normalizeEmail(bad), null);
  }
});

test('e-mail length limit is 254 characters', () => {
  // 64-character local part and labels under 63 characters, so only the total length varies.
  const address = (lastLabel: number): string => `${'a'.repeat(64)}@${`${'b'.repeat(49)}.`.repeat(3)}${'c'.repeat(lastLabel)}.pl`;
  const atLimit = address(36);
  const overLimit = address(37);
  assert.equal(atLimit.length, EMAIL_MAX_LENGTH);
  assert.equal(overLimit.length, EMAIL_MAX_LENGTH + 1);
  assert.equal(isValidEmail(atLimit), true);
  assert.equal(isValidEmail(overLimit), false);
});

test('messages are Polish and give an example', () => {
  assert.equal(contactMessages.phoneInvalid, 'Wpisz poprawny numer telefonu, np. +48 600 100 200');
  assert.equal(contactMessages.emailInvalid, 'Wpisz poprawny adres e-mail, np. jan.kowalski@example.pl');
  assert.equal(normalizePhone('+48 600 100 200'), '+48 600 100 200'); // the example itself is accepted
  assert.equal(isValidEmail('jan.kowalski@example.pl'), true);
  for (const message of Object.values(contactMessages)) assert.ok(message.length > 0);
});

describe('checkContact (Telefon *, E-mail *)', () => {
  it('normalises a valid pair', () => {
    assert.deepEqual(checkContact({ phone: ' 600 100 200 ', email: ' jan@example.pl ' }), { ok: true, phone: '+48 600 100 200', email: 'jan@example.pl' });
  });
  it('names each missing or wrong field and keeps what was typed', () => {
    assert.deepEqual(checkContact({}), {
      ok: false,
      errors: { phone: contactMessages.phoneRequired, email: contactMessages.emailRequired },
      typed: { phone: '', email: '' },
    });
    const r = checkContact({ phone: 'abc', email: 'x@' });
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.equal(r.errors.phone, contactMessages.phoneInvalid);
      assert.equal(r.errors.email, contactMessages.emailInvalid);
      assert.deepEqual(r.typed, { phone: 'abc', email: 'x@' });
    }
  });
  it('one wrong field is enough to refuse the pair', () => {
    assert.deepEqual(checkContact({ phone: '600 100 200', email: 'x@' }), {
      ok: false,
      errors: { email: contactMessages.emailInvalid },
      typed: { phone: '600 100 200', email: 'x@' },
    });
    assert.deepEqual(checkContact({ phone: '600 100 200' }), {
      ok: false,
      errors: { email: contactMessages.emailRequired },
      typed: { phone: '600 100 200', email: '' },
    });
    assert.deepEqual(checkContact({ phone: '123', email: 'jan@example.pl' }), {
      ok: false,
      errors: { phone: contactMessages.phoneInvalid },
      typed: { phone: '123', email: 'jan@example.pl' },
    });
  });
  it('a phone of spaces is a missing phone, and the typed value comes back trimmed', () => {
    const r = checkContact({ phone: '   ', email: 'jan@example.pl' });
    assert.equal(!r.ok && r.errors.phone, contactMessages.phoneRequired);
    const s = checkContact({ phone: ' 123 ', email: 'jan@example.pl' });
    assert.equal(!s.ok && s.typed.phone, '123');
  });
});
