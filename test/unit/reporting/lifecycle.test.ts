import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  allowedFrom,
  daysBetween,
  DEADLINE_LEVEL_LABELS,
  DEADLINE_LEVELS,
  isReportStatus,
  nextState,
  REPORT_ACTION_LABELS,
  REPORT_STATUS_LABELS,
  REPORT_STATUSES,
  timeliness,
  type ReportAction,
  type ReportState,
  type ReportStatus,
} from '../../../src/domain/reporting/lifecycle.ts';

const ACTIONS: readonly ReportAction[] = ['save', 'submit', 'approve', 'return', 'reopen'];

/** A starting state of the table: the status, and the pending level while "Do weryfikacji". */
interface Start {
  name: string;
  state: ReportState;
}

const START: readonly Start[] = [
  { name: 'do_wypelnienia', state: { status: 'do_wypelnienia', pendingLevel: null, version: 1 } },
  { name: 'w_trakcie', state: { status: 'w_trakcie', pendingLevel: null, version: 1 } },
  { name: 'do_weryfikacji@0', state: { status: 'do_weryfikacji', pendingLevel: 0, version: 1 } },
  { name: 'do_weryfikacji@1', state: { status: 'do_weryfikacji', pendingLevel: 1, version: 1 } },
  { name: 'do_korekty', state: { status: 'do_korekty', pendingLevel: null, version: 1 } },
  { name: 'zatwierdzone', state: { status: 'zatwierdzone', pendingLevel: null, version: 1 } },
];

type Cell = 'refused' | [ReportStatus, number | null, number];
const NO: Cell = 'refused';

/**
 * The expected transition table for a chain of two verifying levels (the office, then CeZ), written
 * out by hand from the lifecycle — not derived from the table under test. A cell is the next
 * [status, pending level, version] or a refusal.
 */
const EXPECTED_TWO_LEVELS: Readonly<Record<string, Readonly<Record<ReportAction, Cell>>>> = {
  do_wypelnienia: {
    save: ['w_trakcie', null, 1],
    submit: ['do_weryfikacji', 0, 1],
    approve: NO,
    return: NO,
    reopen: NO,
  },
  w_trakcie: {
    save: ['w_trakcie', null, 1],
    submit: ['do_weryfikacji', 0, 1],
    approve: NO,
    return: NO,
    reopen: NO,
  },
  'do_weryfikacji@0': {
    save: NO,
    submit: NO,
    approve: ['do_weryfikacji', 1, 1],
    return: ['do_korekty', null, 1],
    reopen: NO,
  },
  'do_weryfikacji@1': {
    save: NO,
    submit: NO,
    approve: ['zatwierdzone', null, 1],
    return: ['do_weryfikacji', 0, 1],
    reopen: NO,
  },
  do_korekty: {
    // saving a returned report keeps it "Do korekty" until it is sent again
    save: ['do_korekty', null, 1],
    submit: ['do_weryfikacji', 0, 1],
    approve: NO,
    return: NO,
    reopen: NO,
  },
  zatwierdzone: {
    save: NO,
    submit: NO,
    approve: NO,
    return: NO,
    reopen: ['do_korekty', null, 2],
  },
};

function outcome(s: ReportState, action: ReportAction, levels: number): Cell {
  const t = nextState(s, action, levels);
  if (!t.ok) {
    assert.equal(t.reason, 'not_allowed');
    return NO;
  }
  return [t.next.status, t.next.pendingLevel, t.next.version];
}

describe('nextState: every status × action against the written table', () => {
  it('the table covers every status and every action', () => {
    const covered = new Set(START.map((s) => s.state.status));
    assert.deepEqual([...covered].sort(), [...REPORT_STATUSES].sort());
    for (const s of START) assert.deepEqual(Object.keys(EXPECTED_TWO_LEVELS[s.name]!).sort(), [...ACTIONS].sort(), s.name);
  });

  it('two levels (office → CeZ): each of the 30 cells', () => {
    const wrong: string[] = [];
    for (const s of START) {
      for (const action of ACTIONS) {
        const got = outcome(s.state, action, 2);
        const want = EXPECTED_TWO_LEVELS[s.name]![action];
        if (JSON.stringify(got) !== JSON.stringify(want)) wrong.push(`${s.name} × ${action}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('allowedFrom lists exactly the statuses the table accepts each action from', () => {
    const want: Record<ReportAction, ReportStatus[]> = {
      save: ['do_wypelnienia', 'w_trakcie', 'do_korekty'],
      submit: ['do_wypelnienia', 'w_trakcie', 'do_korekty'],
      approve: ['do_weryfikacji'],
      return: ['do_weryfikacji'],
      reopen: ['zatwierdzone'],
    };
    for (const a of ACTIONS) assert.deepEqual([...allowedFrom(a)].sort(), want[a].sort(), a);
  });

  it('one level: approving at level 0 approves the report; returning at level 0 sends it to the unit', () => {
    const at0: ReportState = { status: 'do_weryfikacji', pendingLevel: 0, version: 3 };
    assert.deepEqual(nextState(at0, 'approve', 1), { ok: true, next: { status: 'zatwierdzone', pendingLevel: null, version: 3 } });
    assert.deepEqual(nextState(at0, 'return', 1), { ok: true, next: { status: 'do_korekty', pendingLevel: null, version: 3 } });
  });

  it('three levels: approval climbs one level at a time, a return goes one level down, the last approval approves', () => {
    let s: ReportState = { status: 'w_trakcie', pendingLevel: null, version: 1 };
    const step = (a: ReportAction) => {
      const t = nextState(s, a, 3);
      assert.ok(t.ok, `${a} from ${s.status}@${s.pendingLevel}`);
      s = t.next;
      return [s.status, s.pendingLevel] as const;
    };
    assert.deepEqual(step('submit'), ['do_weryfikacji', 0]);
    assert.deepEqual(step('approve'), ['do_weryfikacji', 1]);
    assert.deepEqual(step('approve'), ['do_weryfikacji', 2]);
    assert.deepEqual(step('return'), ['do_weryfikacji', 1], 'the top level sends it back to the level below, not to the unit');
    assert.deepEqual(step('return'), ['do_weryfikacji', 0]);
    assert.deepEqual(step('return'), ['do_korekty', null], 'only level 0 returns it to the unit');
    assert.deepEqual(step('save'), ['do_korekty', null]);
    assert.deepEqual(step('submit'), ['do_weryfikacji', 0], 'a resent report starts at level 0 again');
    assert.deepEqual(step('approve'), ['do_weryfikacji', 1]);
    assert.deepEqual(step('approve'), ['do_weryfikacji', 2]);
    assert.deepEqual(step('approve'), ['zatwierdzone', null]);
    assert.equal(s.version, 1, 'approving keeps the version');
  });

  it('a missing pending level while "Do weryfikacji" is read as level 0', () => {
    const s: ReportState = { status: 'do_weryfikacji', pendingLevel: null, version: 1 };
    assert.deepEqual(outcome(s, 'approve', 2), ['do_weryfikacji', 1, 1]);
    assert.deepEqual(outcome(s, 'return', 2), ['do_korekty', null, 1]);
  });

  it('reopening an approved report increments the version each time', () => {
    let s: ReportState = { status: 'zatwierdzone', pendingLevel: null, version: 1 };
    for (const v of [2, 3, 4]) {
      const t = nextState(s, 'reopen', 2);
      assert.ok(t.ok);
      assert.deepEqual(t.next, { status: 'do_korekty', pendingLevel: null, version: v });
      // the corrected version goes through the levels again before it is approved
      s = { status: 'zatwierdzone', pendingLevel: null, version: t.next.version };
    }
    assert.equal(nextState({ status: 'do_korekty', pendingLevel: null, version: 2 }, 'reopen', 2).ok, false, 'only an approved report is reopened');
  });

  it('a report without a verifying chain (0 levels) moves nowhere', () => {
    for (const s of START) for (const a of ACTIONS) assert.equal(nextState(s.state, a, 0).ok, false, `${s.name} × ${a}`);
  });

  it('does not change the state it was given', () => {
    const s: ReportState = { status: 'do_weryfikacji', pendingLevel: 0, version: 1 };
    nextState(s, 'approve', 2);
    nextState(s, 'return', 2);
    assert.deepEqual(s, { status: 'do_weryfikacji', pendingLevel: 0, version: 1 });
  });
});

describe('timeliness: labels against the unit’s deadline', () => {
  const due = '2026-03-31';

  it('sent on or before the day: "W terminie"', () => {
    assert.deepEqual(timeliness(due, '2026-03-31', '2026-05-01'), { kind: 'on_time', label: 'W terminie' });
    assert.deepEqual(timeliness(due, '2026-01-15', '2026-05-01'), { kind: 'on_time', label: 'W terminie' });
  });

  it('sent after the day: "Po terminie (N dni)", with "1 dzień" in the singular', () => {
    assert.deepEqual(timeliness(due, '2026-04-01', '2026-05-01'), { kind: 'late', days: 1, label: 'Po terminie (1 dzień)' });
    assert.deepEqual(timeliness(due, '2026-04-02', '2026-05-01'), { kind: 'late', days: 2, label: 'Po terminie (2 dni)' });
    assert.deepEqual(timeliness(due, '2026-04-15', '2026-04-15'), { kind: 'late', days: 15, label: 'Po terminie (15 dni)' });
  });

  it('not sent and the day has passed: "Po terminie (N dni)" counted to today', () => {
    assert.deepEqual(timeliness(due, null, '2026-04-01'), { kind: 'late', days: 1, label: 'Po terminie (1 dzień)' });
    assert.deepEqual(timeliness(due, null, '2026-04-05'), { kind: 'late', days: 5, label: 'Po terminie (5 dni)' });
  });

  it('not sent yet: "Termin dziś", "Termin za 1 dzień", "Termin za N dni"', () => {
    assert.deepEqual(timeliness(due, null, '2026-03-31'), { kind: 'due', days: 0, label: 'Termin dziś' });
    assert.deepEqual(timeliness(due, null, '2026-03-30'), { kind: 'due', days: 1, label: 'Termin za 1 dzień' });
    assert.deepEqual(timeliness(due, null, '2026-03-21'), { kind: 'due', days: 10, label: 'Termin za 10 dni' });
    // across the spring clock change (29 March 2026) the days are still whole calendar days
    assert.deepEqual(timeliness(due, null, '2026-03-28'), { kind: 'due', days: 3, label: 'Termin za 3 dni' });
  });

  it('no deadline: "Brak terminu", sent or not', () => {
    assert.deepEqual(timeliness(null, null, '2026-03-31'), { kind: 'none', label: 'Brak terminu' });
    assert.deepEqual(timeliness(null, '2026-03-31', '2026-03-31'), { kind: 'none', label: 'Brak terminu' });
  });

  it('daysBetween counts calendar days, across a year and a leap day', () => {
    assert.equal(daysBetween('2025-12-31', '2026-01-01'), 1);
    assert.equal(daysBetween('2028-02-28', '2028-03-01'), 2);
    assert.equal(daysBetween('2026-10-24', '2026-10-26'), 2, 'autumn clock change');
    assert.equal(daysBetween('2026-04-10', '2026-04-01'), -9);
  });
});

describe('statuses, levels and actions by name', () => {
  it('a status is one of the five report statuses, spelled exactly', () => {
    for (const s of REPORT_STATUSES) assert.equal(isReportStatus(s), true, s);
    for (const v of ['zatwierdzony', 'oczekujacy', 'Zatwierdzone', ' zatwierdzone', '', null, undefined, 1, ['zatwierdzone']])
      assert.equal(isReportStatus(v), false, JSON.stringify(v));
  });

  it('the home page tiles carry the manual’s labels; every status, level and history entry has a name of its own', () => {
    assert.equal(REPORT_STATUS_LABELS.do_wypelnienia, 'Do wypełnienia');
    assert.equal(REPORT_STATUS_LABELS.do_weryfikacji, 'Do weryfikacji');
    assert.equal(REPORT_STATUS_LABELS.do_korekty, 'Do korekty');
    assert.equal(REPORT_STATUS_LABELS.zatwierdzone, 'Zatwierdzone');
    const named = (labels: Readonly<Record<string, string>>, keys: readonly string[]) => {
      const values = keys.map((k) => labels[k]);
      for (const [i, v] of values.entries()) assert.ok(typeof v === 'string' && v.trim().length > 3, `${keys[i]}: ${String(v)}`);
      assert.equal(new Set(values).size, keys.length, 'no two alike');
    };
    named(REPORT_STATUS_LABELS, REPORT_STATUSES);
    named(DEADLINE_LEVEL_LABELS, DEADLINE_LEVELS);
    named(REPORT_ACTION_LABELS, ['create', 'save', 'submit', 'approve', 'return', 'reopen', 'cancel']);
  });
});
