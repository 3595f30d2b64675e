import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ReportArea } from '../../../src/domain/reference-data.ts';
import { ROLE_PERMISSIONS } from '../../../src/domain/reference-data.ts';
import type { Actor, ActorProfile } from '../../../src/portal/actor/actor.ts';
import {
  actingLevelOf,
  authorize,
  decide,
  fillsOnBehalf,
  reportListScope,
  type Decision,
  type ReportListScope,
  type ReportSubject,
  type SurveySubject,
} from '../../../src/portal/policies/index.ts';
import type { AppError } from '../../../src/lib/errors.ts';

/**
 * The scope matrix of issue 10 ("A scope matrix test covers every role × report × action"): every
 * actor below against every report below and every report action, with the decision written out by
 * hand in the tables — allow (200), hide (404: the report does not exist for the actor) or deny
 * (403: seen, but not the actor's to do). Nothing here is computed by the rules under test.
 */

// ── units ──
const A = 'unit-a'; // a reporting unit (podmiot leczniczy) in kujawsko-pomorskie
const B = 'unit-b'; // another reporting unit of the same voivodeship
const UW = 'uw-04'; // Kujawsko-Pomorski Urząd Wojewódzki: level 0 of A's chain
const UW2 = 'uw-22'; // Pomorski Urząd Wojewódzki: no part of A's chain
const CEZ = 'cez'; // Centrum e-Zdrowia, the central unit: level 1 of A's chain

function profile(unitId: string, o: Partial<ActorProfile> = {}): ActorProfile {
  return {
    id: `profile-${unitId}`,
    status: 'aktywny',
    unitId,
    unitName: unitId,
    kindCode: 'PODM',
    kindName: 'Podmiot leczniczy',
    voivodeshipCode: '04',
    isCentral: false,
    isSupervising: false,
    isReporting: true,
    ...o,
  };
}

/** An actor working in `unitId` with the roles' permissions from the shipped role → permission map. */
function actor(key: string, p: ActorProfile | null, roles: string[]): Actor {
  return {
    userId: `user-${key}`,
    firstName: 'Jan',
    lastName: key,
    email: null,
    login: key,
    profiles: p ? [p] : [],
    activeProfiles: p ? [p] : [],
    profile: p,
    roles: p ? roles : [],
    permissions: new Set(p ? roles.flatMap((r) => ROLE_PERMISSIONS[r] ?? []) : []),
  };
}

const office = (unitId: string, voivodeshipCode: string) =>
  profile(unitId, { kindCode: 'UW', kindName: 'Urząd Wojewódzki', voivodeshipCode, isSupervising: true, isReporting: false });
const central = () =>
  profile(CEZ, { kindCode: 'CEZ', kindName: 'Centrum e-Zdrowia', voivodeshipCode: '14', isCentral: true, isSupervising: true, isReporting: false });

const ACTORS = {
  fillA: actor('fillA', profile(A), ['WYP_NIEFIN']), // Wypełniający niefinansowe of unit A
  fillB: actor('fillB', profile(B), ['WYP_NIEFIN']), // Wypełniający niefinansowe of unit B
  finA: actor('finA', profile(A), ['WYP_FIN']), // Wypełniający finansowe of unit A (another area)
  nadzUW: actor('nadzUW', office(UW, '04'), ['NADZ_NIEFIN']), // Nadzorujący niefinansowe in the UW of A's chain (level 0)
  nadzUW2: actor('nadzUW2', office(UW2, '22'), ['NADZ_NIEFIN']), // Nadzorujący niefinansowe in another UW
  nadzCez: actor('nadzCez', central(), ['NADZ_NIEFIN']), // a verifier whose unit is level 1 (CeZ), no administrator
  pracCez: actor('pracCez', central(), ['PRACOWNIK_CEZ']), // Pracownik CeZ: SPR_SZUKAJ_BEZ_TRESCI
  adminCez: actor('adminCez', central(), ['ADMIN_CEZ']), // Administrator CeZ: every permission
  adminUW: actor('adminUW', office(UW, '04'), ['ADMIN_UW']), // Administrator UW: fills (SPR_NIEFIN_WYPELNIJ), verifies nothing
  noProfile: actor('noProfile', null, []), // signed in, no profile chosen / no active profile
} as const;
type ActorKey = keyof typeof ACTORS;
const ACTOR_KEYS = Object.keys(ACTORS) as ActorKey[];

const report = (status: ReportSubject['status'], pendingLevel: number | null, o: Partial<ReportSubject> = {}): ReportSubject => ({
  type: 'report',
  unitId: A,
  area: 'niefinansowe',
  status,
  levelUnitIds: [UW, CEZ],
  pendingLevel,
  ...o,
});

/** The reports of unit A (the columns of every table below, in this order). */
const REPORTS = {
  wyp: report('do_wypelnienia', null),
  trakt: report('w_trakcie', null),
  wer0: report('do_weryfikacji', 0),
  wer1: report('do_weryfikacji', 1),
  kor: report('do_korekty', null),
  zatw: report('zatwierdzone', null),
  // a chain without CeZ (the schedule has no CeZ level for the form): only the office verifies
  wer0UW: report('do_weryfikacji', 0, { levelUnitIds: [UW] }),
  zatwUW: report('zatwierdzone', null, { levelUnitIds: [UW] }),
  // a financial report of the same unit
  fin: report('w_trakcie', null, { area: 'finansowe' }),
} as const;
type ReportKey = keyof typeof REPORTS;
const REPORT_KEYS = Object.keys(REPORTS) as ReportKey[];

const a = 'allow' as const;
const h = 'hide' as const;
const d = 'deny' as const;
const H9: Decision[] = [h, h, h, h, h, h, h, h, h];

type ReportAction = 'report.find' | 'report.view' | 'report.fill' | 'report.verify' | 'report.reopen';

// prettier-ignore
const EXPECTED: Record<ActorKey, Record<ReportAction, Decision[]>> = {
  //                      wyp trakt wer0 wer1 kor zatw wer0UW zatwUW fin
  fillA: {
    'report.find':       [a,  a,    a,   a,   a,  a,   a,     a,     h],
    'report.view':       [a,  a,    a,   a,   a,  a,   a,     a,     h],
    'report.fill':       [a,  a,    d,   d,   a,  d,   d,     d,     h],
    'report.verify':     [d,  d,    d,   d,   d,  d,   d,     d,     h],
    'report.reopen':     [d,  d,    d,   d,   d,  d,   d,     d,     h],
  },
  fillB: { 'report.find': H9, 'report.view': H9, 'report.fill': H9, 'report.verify': H9, 'report.reopen': H9 },
  finA: {
    'report.find':       [h,  h,    h,   h,   h,  h,   h,     h,     a],
    'report.view':       [h,  h,    h,   h,   h,  h,   h,     h,     a],
    'report.fill':       [h,  h,    h,   h,   h,  h,   h,     h,     a],
    'report.verify':     [h,  h,    h,   h,   h,  h,   h,     h,     d],
    'report.reopen':     [h,  h,    h,   h,   h,  h,   h,     h,     d],
  },
  nadzUW: {
    'report.find':       [a,  a,    a,   a,   a,  a,   a,     a,     h],
    'report.view':       [a,  a,    a,   a,   a,  a,   a,     a,     h],
    // level 0 fills on the unit's behalf
    'report.fill':       [a,  a,    d,   d,   a,  d,   d,     d,     h],
    // only while its own level is pending: at level 1 it waits for CeZ
    'report.verify':     [d,  d,    a,   d,   d,  d,   a,     d,     h],
    'report.reopen':     [d,  d,    d,   d,   d,  a,   d,     a,     h],
  },
  nadzUW2: { 'report.find': H9, 'report.view': H9, 'report.fill': H9, 'report.verify': H9, 'report.reopen': H9 },
  nadzCez: {
    'report.find':       [a,  a,    a,   a,   a,  a,   h,     h,     h],
    'report.view':       [a,  a,    a,   a,   a,  a,   h,     h,     h],
    // level 1 never fills on the unit's behalf
    'report.fill':       [d,  d,    d,   d,   d,  d,   h,     h,     h],
    'report.verify':     [d,  d,    d,   a,   d,  d,   h,     h,     h],
    'report.reopen':     [d,  d,    d,   d,   d,  a,   h,     h,     h],
  },
  // finds every report (metadata), opens none
  pracCez: {
    'report.find':       [a,  a,    a,   a,   a,  a,   a,     a,     a],
    'report.view':       [d,  d,    d,   d,   d,  d,   d,     d,     d],
    'report.fill':       [d,  d,    d,   d,   d,  d,   d,     d,     d],
    'report.verify':     [d,  d,    d,   d,   d,  d,   d,     d,     d],
    'report.reopen':     [d,  d,    d,   d,   d,  d,   d,     d,     d],
  },
  adminCez: {
    'report.find':       [a,  a,    a,   a,   a,  a,   a,     a,     a],
    'report.view':       [a,  a,    a,   a,   a,  a,   a,     a,     a],
    'report.fill':       [a,  a,    d,   d,   a,  d,   d,     d,     a],
    // at CeZ's level when CeZ is in the chain (level 0 is the office's); without CeZ in it, at the pending level
    'report.verify':     [d,  d,    d,   a,   d,  d,   a,     d,     d],
    'report.reopen':     [d,  d,    d,   d,   d,  a,   d,     a,     d],
  },
  // an administrator of the office that verifies A, without the verifying role: A's reports are not its own
  adminUW: { 'report.find': H9, 'report.view': H9, 'report.fill': H9, 'report.verify': H9, 'report.reopen': H9 },
  noProfile: { 'report.find': H9, 'report.view': H9, 'report.fill': H9, 'report.verify': H9, 'report.reopen': H9 },
};

const ACTIONS: ReportAction[] = ['report.find', 'report.view', 'report.fill', 'report.verify', 'report.reopen'];

describe('scope matrix: every actor × report × action', () => {
  it('the tables have a cell for every actor, action and report', () => {
    assert.deepEqual(Object.keys(EXPECTED).sort(), [...ACTOR_KEYS].sort());
    for (const k of ACTOR_KEYS) {
      assert.deepEqual(Object.keys(EXPECTED[k]).sort(), [...ACTIONS].sort(), k);
      for (const act of ACTIONS) assert.equal(EXPECTED[k][act].length, REPORT_KEYS.length, `${k} ${act}`);
    }
  });

  for (const k of ACTOR_KEYS) {
    it(`${k}: ${REPORT_KEYS.length} reports × ${ACTIONS.length} actions`, () => {
      const wrong: string[] = [];
      for (const act of ACTIONS) {
        REPORT_KEYS.forEach((rk, i) => {
          const got = decide(ACTORS[k], act, REPORTS[rk]);
          const want = EXPECTED[k][act][i];
          if (got !== want) wrong.push(`${act} on ${rk}: got ${got}, want ${want}`);
        });
      }
      assert.deepEqual(wrong, []);
    });
  }

  it('authorize answers 404 for hide and 403 for deny, and returns for allow', () => {
    assert.throws(
      () => authorize(ACTORS.fillB, 'report.view', REPORTS.trakt),
      (e: AppError) => e.statusCode === 404,
    );
    assert.throws(
      () => authorize(ACTORS.pracCez, 'report.view', REPORTS.trakt),
      (e: AppError) => e.statusCode === 403,
    );
    assert.throws(
      () => authorize(ACTORS.fillA, 'report.fill', REPORTS.wer0),
      (e: AppError) => e.statusCode === 403,
    );
    assert.doesNotThrow(() => authorize(ACTORS.nadzUW, 'report.verify', REPORTS.wer0));
  });

  it('the report a verifier acts on: its level in the chain; Administrator CeZ at CeZ’s level, else the pending one', () => {
    // prettier-ignore
    const want: Partial<Record<ActorKey, Partial<Record<ReportKey, number>>>> = {
      fillA:    { wer0: -1, wer1: -1, wer0UW: -1, zatwUW: -1 },
      nadzUW:   { wer0: 0,  wer1: 0,  wer0UW: 0,  zatwUW: 0 },
      nadzUW2:  { wer0: -1, wer1: -1, wer0UW: -1, zatwUW: -1 },
      nadzCez:  { wer0: 1,  wer1: 1,  wer0UW: -1, zatwUW: -1 },
      pracCez:  { wer0: -1, wer1: -1, wer0UW: -1, zatwUW: -1 },
      adminCez: { wer0: 1,  wer1: 1,  wer0UW: 0,  zatwUW: 0 },
      adminUW:  { wer0: -1, wer1: -1, wer0UW: -1, zatwUW: -1 },
    };
    for (const [k, row] of Object.entries(want)) {
      for (const [rk, level] of Object.entries(row)) assert.equal(actingLevelOf(ACTORS[k as ActorKey], REPORTS[rk as ReportKey]), level, `${k} on ${rk}`);
    }
  });

  it('filling on the unit’s behalf: anyone but the unit’s own filler of the area', () => {
    assert.equal(fillsOnBehalf(ACTORS.fillA, REPORTS.trakt), false);
    assert.equal(fillsOnBehalf(ACTORS.nadzUW, REPORTS.trakt), true);
    assert.equal(fillsOnBehalf(ACTORS.adminCez, REPORTS.trakt), true);
    assert.equal(fillsOnBehalf(ACTORS.finA, REPORTS.fin), false);
    assert.equal(fillsOnBehalf(ACTORS.adminCez, REPORTS.fin), true);
  });
});

describe('the reports module and its list scope', () => {
  const AREAS: ReportArea[] = ['niefinansowe', 'finansowe', 'karty_psychiatryczne'];
  const all: ReportListScope = { kind: 'all' };
  const units = (ownUnitId: string | null, verifyingUnitId: string | null): ReportListScope => ({ kind: 'units', ownUnitId, verifyingUnitId });

  // prettier-ignore
  const SCOPES: Record<ActorKey, [ReportListScope | null, ReportListScope | null, ReportListScope | null]> = {
    //          niefinansowe          finansowe          karty_psychiatryczne
    fillA:     [units(A, null),       null,              null],
    fillB:     [units(B, null),       null,              null],
    finA:      [null,                 units(A, null),    null],
    nadzUW:    [units(UW, UW),        null,              null],
    nadzUW2:   [units(UW2, UW2),      null,              null],
    nadzCez:   [units(CEZ, CEZ),      null,              null],
    pracCez:   [all,                  all,               all],
    adminCez:  [all,                  all,               all],
    adminUW:   [units(UW, null),      units(UW, null),   null],
    noProfile: [null,                 null,              null],
  };
  // prettier-ignore
  const OPEN: Record<ActorKey, [Decision, Decision, Decision]> = {
    fillA:     [a, d, d],
    fillB:     [a, d, d],
    finA:      [d, a, d],
    nadzUW:    [a, d, d],
    nadzUW2:   [a, d, d],
    nadzCez:   [a, d, d],
    pracCez:   [a, a, a],
    adminCez:  [a, a, a],
    adminUW:   [a, a, d],
    noProfile: [d, d, d],
  };

  it('reportListScope for every actor and area', () => {
    const wrong: string[] = [];
    for (const k of ACTOR_KEYS) {
      AREAS.forEach((area, i) => {
        const got = reportListScope(ACTORS[k], area);
        if (JSON.stringify(got) !== JSON.stringify(SCOPES[k][i])) wrong.push(`${k} ${area}: got ${JSON.stringify(got)}, want ${JSON.stringify(SCOPES[k][i])}`);
      });
    }
    assert.deepEqual(wrong, []);
  });

  it('reports.open for every actor and area', () => {
    const wrong: string[] = [];
    for (const k of ACTOR_KEYS) {
      AREAS.forEach((area, i) => {
        const got = decide(ACTORS[k], 'reports.open', { type: 'reports', area });
        if (got !== OPEN[k][i]) wrong.push(`${k} ${area}: got ${got}, want ${OPEN[k][i]}`);
      });
    }
    assert.deepEqual(wrong, []);
  });

  it('the list holds exactly the reports the actor finds (the SQL scope, read as its documented meaning)', () => {
    // statistical-reports.ts: 'all' → every report; 'units' → the own unit's reports, or those whose chain holds the verifying unit
    const inList = (s: ReportListScope | null, r: ReportSubject) =>
      s !== null && (s.kind === 'all' || r.unitId === s.ownUnitId || (s.verifyingUnitId !== null && r.levelUnitIds.includes(s.verifyingUnitId)));
    const wrong: string[] = [];
    for (const k of ACTOR_KEYS) {
      for (const rk of REPORT_KEYS) {
        const r = REPORTS[rk];
        const listed = inList(reportListScope(ACTORS[k], r.area), r);
        const found = decide(ACTORS[k], 'report.find', r) === 'allow';
        if (listed !== found) wrong.push(`${k} × ${rk}: listed ${listed}, found ${found}`);
      }
    }
    assert.deepEqual(wrong, []);
  });
});

describe('the ankieta: answer, view, correct', () => {
  const survey = (answered: boolean, unitId = A): SurveySubject => ({ type: 'survey', unitId, supervisorUnitIds: [UW], answered });
  const SURVEYS = [survey(false), survey(true)];

  // prettier-ignore
  const EXPECTED_SURVEY: Record<ActorKey, Record<'survey.answer' | 'survey.view' | 'survey.correct', [Decision, Decision]>> = {
    //             unanswered, answered
    fillA:     { 'survey.answer': [a, d], 'survey.view': [a, a], 'survey.correct': [d, d] },
    fillB:     { 'survey.answer': [d, d], 'survey.view': [h, h], 'survey.correct': [h, h] },
    finA:      { 'survey.answer': [d, d], 'survey.view': [h, h], 'survey.correct': [h, h] },
    nadzUW:    { 'survey.answer': [d, d], 'survey.view': [a, a], 'survey.correct': [a, a] },
    nadzUW2:   { 'survey.answer': [d, d], 'survey.view': [h, h], 'survey.correct': [h, h] },
    // CeZ is no supervisor of the ankieta (the chain's CeZ level verifies reports, not obligations)
    nadzCez:   { 'survey.answer': [d, d], 'survey.view': [h, h], 'survey.correct': [h, h] },
    pracCez:   { 'survey.answer': [d, d], 'survey.view': [h, h], 'survey.correct': [h, h] },
    adminCez:  { 'survey.answer': [d, d], 'survey.view': [a, a], 'survey.correct': [a, a] },
    adminUW:   { 'survey.answer': [d, d], 'survey.view': [h, h], 'survey.correct': [h, h] },
    noProfile: { 'survey.answer': [d, d], 'survey.view': [h, h], 'survey.correct': [h, h] },
  };

  for (const k of ACTOR_KEYS) {
    it(`${k}: survey.answer / view / correct`, () => {
      const wrong: string[] = [];
      for (const act of ['survey.answer', 'survey.view', 'survey.correct'] as const) {
        SURVEYS.forEach((s, i) => {
          const got = decide(ACTORS[k], act, s);
          if (got !== EXPECTED_SURVEY[k][act][i])
            wrong.push(`${act} (${s.answered ? 'answered' : 'unanswered'}): got ${got}, want ${EXPECTED_SURVEY[k][act][i]}`);
        });
      }
      assert.deepEqual(wrong, []);
    });
  }

  it('the ankieta of another unit is never answered by A’s filler', () => {
    assert.equal(decide(ACTORS.fillA, 'survey.answer', survey(false, B)), 'deny');
    assert.equal(decide(ACTORS.fillB, 'survey.answer', survey(false, B)), 'allow');
  });
});

describe('four eyes: nobody decides on a report they sent themselves', () => {
  it('the office that filled and sent a report on the unit’s behalf cannot approve or return it; another verifier of the level can', () => {
    const sentByOffice = report('do_weryfikacji', 0, { submittedBy: ACTORS.nadzUW.userId });
    assert.equal(decide(ACTORS.nadzUW, 'report.verify', sentByOffice), 'deny');
    assert.equal(decide(ACTORS.nadzUW, 'report.view', sentByOffice), 'allow');
    const colleague = { ...ACTORS.nadzUW, userId: 'user-colleague' };
    assert.equal(decide(colleague, 'report.verify', sentByOffice), 'allow');
    const atCez = report('do_weryfikacji', 1, { submittedBy: ACTORS.adminCez.userId });
    assert.equal(decide(ACTORS.adminCez, 'report.verify', atCez), 'deny');
    assert.equal(decide(ACTORS.adminCez, 'report.verify', { ...atCez, submittedBy: 'user-someone' }), 'allow');
  });
});
