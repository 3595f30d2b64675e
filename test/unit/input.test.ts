import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import {
  collectInputAttempts,
  hasForbiddenChars,
  type InputAttempt,
  IdParams,
  normaliseText,
  parseForm,
  queryEnum,
  queryInt,
  queryText,
  requiredChoice,
  stringList,
  text,
} from '../../src/portal/http/input.ts';

describe('the input boundary', () => {
  const Form = z.object({ name: text({ max: 10, required: 'Wpisz nazwę' }), note: text({ max: 50, multiline: true }), roles: stringList() });
  const order = ['name', 'note', 'roles'];

  it('normalises to NFC and trims', () => {
    const decomposed = 'Zo\u0301fia'; // o + combining acute
    const r = parseForm(Form, { name: `  ${decomposed} ` }, order);
    assert.ok(r.ok);
    assert.equal(r.data.name, 'Zófia');
    assert.equal(r.data.name.length, 5);
    assert.equal(normaliseText('a\r\nb\rc'), 'a\nb\nc');
  });

  it('refuses NUL, other controls and bidi overrides with a Polish message, keeping the rest of the typed value', () => {
    // U+FFFD is what undecodable bytes (%C0%80) become: refused too, not stored as "��"; a lone surrogate
    // (`\ud800` in a JSON body) too: PostgreSQL refuses it in jsonb (an audit row's details), it was a 500
    for (const bad of ['a\u0000b', 'a\u0007b', 'a\u202eb', 'a\u2066b', 'a\u0085b', 'a\nb', 'a\ufffdb', 'a\ud800b', 'a\udc00']) {
      const r = parseForm(Form, { name: bad }, order);
      assert.equal(r.ok, false, JSON.stringify(bad));
      if (!r.ok) {
        assert.match(r.errors.name ?? '', /niedozwolone znaki/);
        assert.deepEqual(r.summary[0], { href: '#f-name', text: r.errors.name });
        assert.equal(hasForbiddenChars(r.values.name ?? '', true), false, 'the re-displayed value holds no control or bidi character');
      }
    }
    // a pair is one character (an emoji, an astral letter): fine
    assert.ok(parseForm(Form, { name: '😀𝕏' }, order).ok);
  });

  it('allows newline and tab only in multi-line fields', () => {
    assert.ok(parseForm(Form, { name: 'x', note: 'jeden\n\tdwa' }, order).ok);
    assert.equal(hasForbiddenChars('a\tb'), true);
    assert.equal(hasForbiddenChars('a\tb', true), false);
  });

  it('reads a missing, null or non-object body as an empty form (errors, never a throw)', () => {
    for (const body of [undefined, null, 'name=x', 42, ['x']]) {
      const r = parseForm(Form, body, order);
      assert.equal(r.ok, false);
      if (!r.ok) assert.deepEqual(r.errors, { name: 'Wpisz nazwę' });
    }
  });

  it('a wrongly shaped value (sent twice, or as a structure) is refused, also in an optional field, so it cannot blank it', () => {
    const r = parseForm(Form, { name: ['a', 'b'], roles: 'WYP_FIN' }, order);
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.errors.name ?? '', /nieprawidłową postać/);
    for (const note of [['2026-12-31', '2027-01-31'], { x: '1' }, 5]) {
      const optional = parseForm(Form, { name: 'a', note }, order);
      assert.equal(optional.ok, false, JSON.stringify(note));
      if (!optional.ok) assert.deepEqual(Object.keys(optional.errors), ['note']);
    }
    // a missing optional field is simply empty
    const missing = parseForm(Form, { name: 'a' }, order);
    assert.ok(missing.ok && missing.data.note === '');
    const ok = parseForm(Form, { name: 'a', roles: ['WYP_FIN', 3, 'WYP_NIEFIN'] }, order);
    assert.ok(ok.ok);
    assert.deepEqual(ok.data.roles, ['WYP_FIN', 'WYP_NIEFIN']);
  });

  it('a forbidden character or a wrongly shaped field is noted as an attempt of the request; a missing, empty or too long value is not', () => {
    const noted = (body: unknown): InputAttempt[] => {
      const list: InputAttempt[] = [];
      collectInputAttempts(list, () => parseForm(Form, body, order));
      return list;
    };
    assert.deepEqual(noted({ name: 'a\u0000', note: 'x\u202e' }), [
      { field: 'name', kind: 'forbidden_chars' },
      { field: 'note', kind: 'forbidden_chars' },
    ]);
    assert.deepEqual(noted({ name: ['a', 'b'] }), [{ field: 'name', kind: 'bad_shape' }]);
    assert.deepEqual(noted({ name: 'a', note: { x: '1' } }), [{ field: 'note', kind: 'bad_shape' }]);
    assert.deepEqual(noted({ name: 12 }), [{ field: 'name', kind: 'bad_shape' }]);
    for (const mistake of [{}, { name: '' }, { name: null }, { name: 'a'.repeat(11) }, { name: 'a', note: 'wiersz\ndrugi' }, null, []])
      assert.deepEqual(noted(mistake), [], JSON.stringify(mistake));
    // outside a request nothing is collected, and nothing fails
    assert.equal(parseForm(Form, { name: 'a\u0000' }, order).ok, false);
  });

  it('a required radio group refuses a missing, unknown or repeated answer with its message', () => {
    const F = z.object({ status: requiredChoice(['aktywna', 'nieaktywna'], 'Wybierz status') });
    for (const body of [{}, { status: 'x' }, { status: ['aktywna', 'nieaktywna'] }, { status: { x: '1' } }]) {
      const r = parseForm(F, body, ['status']);
      assert.equal(r.ok, false, JSON.stringify(body));
      if (!r.ok) assert.equal(r.errors.status, 'Wybierz status');
    }
    const ok = parseForm(F, { status: 'nieaktywna' }, ['status']);
    assert.ok(ok.ok && ok.data.status === 'nieaktywna');
  });

  it('keeps the summary in the order of the form', () => {
    const F = z.object({ a: text({ max: 5, required: 'A' }), b: text({ max: 5, required: 'B' }) });
    const r = parseForm(F, {}, ['b', 'a']);
    assert.equal(r.ok, false);
    if (!r.ok)
      assert.deepEqual(
        r.summary.map((s) => s.text),
        ['B', 'A'],
      );
  });

  it('query values fall back instead of failing', () => {
    assert.equal(queryInt(1).parse('x'), 1);
    assert.equal(queryInt(1, 100).parse('1000'), 100);
    assert.equal(queryInt(1).parse('-3'), 1);
    assert.equal(queryEnum(['a', 'b'], 'a').parse('c'), 'a');
    assert.equal(queryText(5).parse('  abcdefgh '), 'abcde');
    assert.equal(queryText(5).parse('a\u0000b'), '', 'a control character drops the value');
    assert.equal(queryText(5).parse(['x', 'y']), 'x');
  });

  it('ids in paths are UUIDs', () => {
    assert.ok(IdParams.safeParse({ id: '0640b2ea-15fc-40f1-b13d-bff7a51b4fe5' }).success);
    for (const bad of ['1', '0640b2ea-15fc-40f1-b13d-bff7a51b4fe5x', "' or 1=1", '0640b2ea-15fc-40f1-b13d-bff7a51b4fe\u0000'])
      assert.equal(IdParams.safeParse({ id: bad }).success, false);
  });
});
