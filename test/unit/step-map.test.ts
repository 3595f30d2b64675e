import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { defineWizard, guardStep } from '../../src/portal/wizard/step-map.ts';
import { NEW_PROFILE_WIZARD, newRolesWizard } from '../../src/portal/features/request/wizards.ts';

describe('wizards as step maps', () => {
  it('a step is open only when reachable; otherwise the last reachable step before it', () => {
    const w = NEW_PROFILE_WIZARD;
    assert.deepEqual(guardStep(w, 'unit', null), { ok: true });
    assert.deepEqual(guardStep(w, 'roles', null), { ok: false, redirect: '/profil/wniosek' });
    assert.deepEqual(guardStep(w, 'roles', { unitId: 'u' }), { ok: true });
    assert.deepEqual(guardStep(w, 'summary', { unitId: 'u' }), { ok: false, redirect: '/profil/wniosek/role' });
    assert.deepEqual(
      guardStep(w, 'summary', { unitId: 'u', roleCodes: ['WYP_FIN'], phone: '+48 600 100 200' }),
      { ok: false, redirect: '/profil/wniosek/role' },
      'no e-mail yet',
    );
    assert.deepEqual(guardStep(w, 'summary', { unitId: 'u', roleCodes: ['WYP_FIN'], phone: '+48 600 100 200', email: 'a@example.pl' }), { ok: true });
  });

  it("a new-roles draft of another profile does not open this profile's summary", () => {
    const w = newRolesWizard('p1');
    const full = { unitId: 'u', roleCodes: ['WYP_FIN'], phone: '+48 600 100 200', email: 'a@example.pl' };
    assert.deepEqual(guardStep(w, 'summary', { ...full, profileId: 'p2' }), { ok: false, redirect: '/profil/p1/wniosek/role' });
    assert.deepEqual(guardStep(w, 'summary', { ...full, profileId: 'p1' }), { ok: true });
  });

  it('a map whose step leads to an unknown step is refused when defined', () => {
    assert.throws(() => defineWizard({ kind: 'x', draft: z.object({}), steps: [{ id: 'a', path: '/a', reachable: () => true, next: 'b' }] }), /unknown b/);
  });
});
