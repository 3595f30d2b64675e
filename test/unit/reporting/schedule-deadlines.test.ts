import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkSchedule, formatDeadlineDate, parseDeadlineDate, scheduleStamp } from '../../../src/domain/reporting/deadlines.ts';
import { readDeadlineForm, ScheduleParams } from '../../../src/portal/management/deadlines/schema.ts';
import { decide } from '../../../src/portal/policies/index.ts';
import type { Actor } from '../../../src/portal/actor/actor.ts';

describe('deadline dates: DD.MM.RRRR or RRRR-MM-DD, real calendar days', () => {
  it('reads both formats into the ISO date and shows it as DD.MM.RRRR', () => {
    assert.equal(parseDeadlineDate('31.03.2026'), '2026-03-31');
    assert.equal(parseDeadlineDate('1.4.2026'), '2026-04-01');
    assert.equal(parseDeadlineDate(' 2026-06-30 '), '2026-06-30');
    assert.equal(parseDeadlineDate('29.02.2028'), '2028-02-29', 'a leap day');
    assert.equal(formatDeadlineDate('2026-03-31'), '31.03.2026');
  });

  it('refuses what is no date', () => {
    for (const s of [
      '31.02.2026',
      '29.02.2026',
      '2026-13-01',
      '00.01.2026',
      '31/03/2026',
      '2026-3-31',
      '31.03.26',
      'jutro',
      '',
      '31.03.2026 12:00',
      '01.01.3000',
      'x31.03.2026',
      '131.03.2026',
      '31.03.20261',
      'x2026-06-30',
      '2026-06-30x',
      '12026-06-30',
      '2026-06-301',
    ]) {
      assert.equal(parseDeadlineDate(s), null, s);
    }
  });

  it('years 1900 to 2100 only', () => {
    assert.equal(parseDeadlineDate('31.12.1899'), null);
    assert.equal(parseDeadlineDate('01.01.1900'), '1900-01-01');
    assert.equal(parseDeadlineDate('2100-12-31'), '2100-12-31');
    assert.equal(parseDeadlineDate('01.01.2101'), null);
  });

  it('shows only an ISO date as DD.MM.RRRR; anything else as it is', () => {
    assert.equal(formatDeadlineDate('x2026-03-31'), 'x2026-03-31');
    assert.equal(formatDeadlineDate('2026-03-31x'), '2026-03-31x');
  });
});

describe('scheduleStamp: the dates a form showed, to refuse a save over a newer change', () => {
  it('the same dates give the same stamp, whether stored rows or typed strings', () => {
    const rows = { jednostka: { dueOn: '2026-03-31' }, nadzor: { dueOn: '2026-06-30' }, cez: null };
    const typed = { jednostka: '2026-03-31', nadzor: '2026-06-30' };
    assert.equal(scheduleStamp(rows), scheduleStamp(typed));
    assert.equal(scheduleStamp(rows), '2026-03-31|2026-06-30|');
  });
  it('any change of any level changes the stamp, including a date moved to another level', () => {
    const base = scheduleStamp({ jednostka: '2026-03-31', nadzor: '2026-06-30', cez: '2026-07-31' });
    for (const changed of [
      { jednostka: '2026-03-30', nadzor: '2026-06-30', cez: '2026-07-31' },
      { jednostka: '2026-03-31', nadzor: '2026-06-30' },
      { jednostka: '2026-03-31', nadzor: '', cez: '2026-07-31' },
    ])
      assert.notEqual(scheduleStamp(changed), base, JSON.stringify(changed));
    assert.notEqual(scheduleStamp({ jednostka: '2026-03-31', nadzor: '' }), scheduleStamp({ jednostka: '', nadzor: '2026-03-31' }));
    assert.notEqual(scheduleStamp({}), scheduleStamp({ cez: { dueOn: '2026-07-31' } }));
  });
});

describe('checkSchedule: required levels, after the data year, jednostka ≤ nadzor ≤ cez', () => {
  it('a valid schedule, with and without the CeZ level', () => {
    assert.deepEqual(checkSchedule(2025, { jednostka: '31.03.2026', nadzor: '2026-06-30', cez: '31.07.2026' }), {
      ok: true,
      schedule: { jednostka: '2026-03-31', nadzor: '2026-06-30', cez: '2026-07-31' },
    });
    assert.deepEqual(checkSchedule(2025, { jednostka: '31.03.2026', nadzor: '31.03.2026', cez: '' }), {
      ok: true,
      schedule: { jednostka: '2026-03-31', nadzor: '2026-03-31' },
    });
  });

  it('jednostka and nadzor are required, cez is not', () => {
    assert.deepEqual(checkSchedule(2025, {}), { ok: false, problems: { jednostka: 'required', nadzor: 'required' } });
    assert.deepEqual(checkSchedule(2025, { jednostka: ' ', nadzor: '30.06.2026' }), { ok: false, problems: { jednostka: 'required' } });
  });

  it('a date that is no date', () => {
    assert.deepEqual(checkSchedule(2025, { jednostka: '31.02.2026', nadzor: '30.06.2026', cez: 'lipiec' }), {
      ok: false,
      problems: { jednostka: 'invalid', cez: 'invalid' },
    });
  });

  it('the deadline for data of a year falls after that year: 31.12.2025 is too early for 2025, 01.01.2026 is not', () => {
    assert.deepEqual(checkSchedule(2025, { jednostka: '31.12.2025', nadzor: '30.06.2026' }), { ok: false, problems: { jednostka: 'withinDataYear' } });
    assert.deepEqual(checkSchedule(2025, { jednostka: '15.03.2024', nadzor: '30.06.2026', cez: '2025-07-31' }), {
      ok: false,
      problems: { jednostka: 'withinDataYear', cez: 'withinDataYear' },
    });
    assert.equal(checkSchedule(2025, { jednostka: '01.01.2026', nadzor: '01.01.2026' }).ok, true);
  });

  it('the order of the levels: each against every earlier valid date', () => {
    assert.deepEqual(checkSchedule(2025, { jednostka: '30.06.2026', nadzor: '31.03.2026' }), { ok: false, problems: { nadzor: 'beforePreviousLevel' } });
    assert.deepEqual(checkSchedule(2025, { jednostka: '31.03.2026', nadzor: '30.06.2026', cez: '29.06.2026' }), {
      ok: false,
      problems: { cez: 'beforePreviousLevel' },
    });
    // nadzor wrong too: CeZ is still checked against the unit's date
    assert.deepEqual(checkSchedule(2025, { jednostka: '30.06.2026', nadzor: '31.03.2026', cez: '15.04.2026' }), {
      ok: false,
      problems: { nadzor: 'beforePreviousLevel', cez: 'beforePreviousLevel' },
    });
    // nadzor missing: CeZ against the unit's date
    assert.deepEqual(checkSchedule(2025, { jednostka: '30.06.2026', nadzor: '', cez: '15.04.2026' }), {
      ok: false,
      problems: { nadzor: 'required', cez: 'beforePreviousLevel' },
    });
  });
});

describe('readDeadlineForm: Polish messages by field, every message at once, typed values kept', () => {
  it('reads a valid form', () => {
    const r = readDeadlineForm({ jednostka: '31.03.2026', nadzor: '30.06.2026', cez: '', zrodlo: ' Rozporządzenie RM ' }, 2025);
    assert.deepEqual(r, { ok: true, data: { schedule: { jednostka: '2026-03-31', nadzor: '2026-06-30' }, source: 'Rozporządzenie RM' } });
  });

  it('messages beside each field and in the summary, in the form order', () => {
    const r = readDeadlineForm({ jednostka: '31.02.2026', nadzor: '31.12.2025', cez: '01.01.2026', zrodlo: '' }, 2025);
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.match(r.errors.jednostka!, /Podaj datę w formacie DD\.MM\.RRRR/);
    assert.match(r.errors.nadzor!, /Termin dla danych za 2025 r\. musi przypadać po zakończeniu roku 2025/);
    assert.equal(r.errors.cez, undefined, 'CeZ after the only valid earlier date (none): fine');
    assert.match(r.errors.zrodlo!, /Podaj źródło lub uzasadnienie zmiany terminów/);
    assert.deepEqual(
      r.summary.map((s) => s.href),
      ['#f-jednostka', '#f-nadzor', '#f-zrodlo'],
    );
    assert.equal(r.values.jednostka, '31.02.2026', 'typed values kept');

    const order = readDeadlineForm({ jednostka: '30.06.2026', nadzor: '31.03.2026', cez: '01.03.2026', zrodlo: 'x' }, 2025);
    assert.equal(order.ok, false);
    if (order.ok) return;
    assert.match(order.errors.nadzor!, /nie może być wcześniejszy niż termin przekazania/);
    assert.match(order.errors.cez!, /Centrum e-Zdrowia nie może być wcześniejszy/);
    const empty = readDeadlineForm({ jednostka: '', nadzor: '', zrodlo: 'x' }, 2025);
    assert.equal(empty.ok, false);
    if (empty.ok) return;
    assert.equal(empty.errors.jednostka, 'Podaj termin przekazania sprawozdania przez jednostkę sprawozdającą');
    assert.equal(empty.errors.nadzor, 'Podaj termin zatwierdzenia sprawozdania przez jednostkę nadzorującą');
    assert.equal(empty.errors.cez, undefined, 'CeZ may stay empty');
  });

  it('hostile bodies are forms with errors, never exceptions', () => {
    for (const body of [null, undefined, [], ['a'], 'x', { jednostka: ['a', 'b'], nadzor: { a: 1 }, cez: 7, zrodlo: 'ok\u0000' }]) {
      const r = readDeadlineForm(body, 2025);
      assert.equal(r.ok, false, JSON.stringify(body));
    }
    const r = readDeadlineForm({ jednostka: ['31.03.2026', '01.04.2026'], nadzor: '30.06.2026', zrodlo: 'x'.repeat(501) }, 2025);
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.match(r.errors.jednostka!, /nieprawidłową postać/);
    assert.match(r.errors.zrodlo!, /najwyżej 500 znaków/);
  });
});

describe('the route params of a schedule', () => {
  it('a form code with dashes and a four-digit year', () => {
    assert.deepEqual(ScheduleParams.parse({ form: 'MZ-11', year: '2025' }), { form: 'MZ-11', year: 2025 });
    assert.equal(ScheduleParams.safeParse({ form: 'MZSzp11B', year: '2025' }).success, true);
    for (const bad of [
      { form: 'mz-11', year: '2025' },
      { form: 'MZ--11', year: '2025' },
      { form: 'MZ-11-', year: '2025' },
      { form: 'MZ 11', year: '2025' },
      { form: 'MZ-11', year: '25' },
      { form: 'MZ-11', year: '20250' },
      { form: 'MZ-11', year: '2025a' },
    ]) {
      assert.equal(ScheduleParams.safeParse(bad).success, false, JSON.stringify(bad));
    }
  });
});

describe('policy: the schedule is Administrator CeZ’s (TERMINY_ZARZADZAJ in the profile worked in)', () => {
  const profile = {
    id: 'p',
    status: 'aktywny' as const,
    unitId: 'cez',
    unitName: 'CeZ',
    kindCode: 'CeZ',
    kindName: 'CeZ',
    voivodeshipCode: null,
    isCentral: true,
    isSupervising: false,
    isReporting: false,
  };
  const actor = (o: Partial<Actor>): Actor => ({
    userId: 'u1',
    firstName: 'A',
    lastName: 'B',
    email: null,
    login: null,
    profiles: [],
    activeProfiles: [],
    profile: null,
    roles: [],
    permissions: new Set(),
    ...o,
  });
  it('allows TERMINY_ZARZADZAJ with a profile, denies everyone else', () => {
    const s = { type: 'schedule' as const };
    for (const action of ['schedule.view', 'schedule.edit'] as const) {
      assert.equal(decide(actor({ profile, permissions: new Set(['TERMINY_ZARZADZAJ']) }), action, s), 'allow');
      assert.equal(decide(actor({ profile, permissions: new Set(['SLOWNIKI_ZARZADZAJ', 'UZYTKOWNICY_ZARZADZAJ']) }), action, s), 'deny');
      assert.equal(decide(actor({ permissions: new Set(['TERMINY_ZARZADZAJ']) }), action, s), 'deny', 'no profile worked in');
    }
  });
});
