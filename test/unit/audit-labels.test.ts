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
