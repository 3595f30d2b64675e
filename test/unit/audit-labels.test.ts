import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ACTION_LABELS, SUBJECT_TYPE_LABELS } from '../../src/portal/management/audit/messages.ts';
import { REQUEST_TRANSITIONS } from '../../src/domain/request-lifecycle.ts';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

describe('"Dziennik zdarzeń" names every audited action in Polish', () => {
  const code = sources('src').map((f) => readFileSync(f, 'utf8'));
  it('every action and object type written anywhere in src/ has a label', () => {
    // every quoted code on an `action:` line (also both sides of `action: ok ? 'a.b' : 'a.c'`)
    const actions = new Set(
      code.flatMap((s) => [...s.matchAll(/\baction: ([^\n]+)/g)].flatMap((line) => [...line[1]!.matchAll(/'([a-z0-9_]+\.[a-z0-9_.]+)'/g)].map((m) => m[1]!))),
    );
    for (const t of REQUEST_TRANSITIONS) actions.add(`request.${t.event}`);
    assert.ok(actions.size > 40, 'the scan finds the audited actions');
    assert.deepEqual(
      [...actions].filter((a) => !(a in ACTION_LABELS)),
      [],
    );
    const types = new Set(code.flatMap((s) => [...s.matchAll(/\bsubjectType: '([a-z_]+)'/g)].map((m) => m[1]!)));
    assert.deepEqual(
      [...types].filter((x) => !(x in SUBJECT_TYPE_LABELS)),
      [],
    );
  });
});

describe('"Dziennik zdarzeń" shows an entry’s details in Polish', () => {
  it('labels keys, flattens nested objects as a path, leaves nulls out, keeps unknown keys by their code', async () => {
    const { detailsText } = await import('../../src/portal/management/audit/service.ts');
    assert.equal(detailsText({ number: 'U1/2026', reason: 'brak podpisu', profileId: null, nowy: 7 }), 'Numer wniosku: U1/2026; Powód: brak podpisu; nowy: 7');
    assert.equal(
      detailsText({ before: { name: 'A', isCentral: false }, after: { name: 'B', isCentral: true } }),
      'Przed › nazwa: A; Przed › centralna: nie; Po › nazwa: B; Po › centralna: tak',
    );
    assert.equal(
      detailsText({ changes: { street: { from: null, to: 'Polna' }, nip: { from: '1', to: '2' } } }),
      'Zmiany › ulica: — → Polna; Zmiany › NIP: 1 → 2',
    );
    assert.equal(
      detailsText({ added: ['A', 'B'], removed: [], profiles: [{ profileId: 'p1', to: 'zablokowany' }] }),
      'Dodane: A, B; Usunięte: brak; Profile: (profil: p1, nowy stan: zablokowany)',
    );
    assert.equal(detailsText({ constructor: 'x', toString: { a: 1 } }), 'constructor: x; toString › a: 1');
    assert.equal(detailsText({}), '');
  });
});
