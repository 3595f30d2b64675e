import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  currentReportingYear,
  DEADLINE_SOURCE,
  FALLBACK_VERIFIER_KIND,
  FORM_KINDS,
  publishedDeadlines,
  SURVEY_QUESTIONS,
} from '../../../src/domain/reporting/catalogue.ts';
import { formsOwed, surveyQuestionsFor } from '../../../src/domain/reporting/obligations.ts';

/** formsOwed with the shipped catalogue and questions, sorted by form (the order of the catalogue is no promise). */
const owed = (kind: string, answers: Record<string, string> | null) =>
  formsOwed(kind, FORM_KINDS, SURVEY_QUESTIONS, answers).sort((a, b) => (a.form < b.form ? -1 : a.form > b.form ? 1 : 0));

describe('formsOwed with the shipped catalogue', () => {
  it('podmiot leczniczy with outpatient care (AMB=T): MZ-11 from the ankieta and MZ-88 from its kind', () => {
    assert.deepEqual(owed('PODM', { AMB: 'T' }), [
      { form: 'MZ-11', origin: 'ankieta' },
      { form: 'MZ-88', origin: 'katalog' },
    ]);
  });

  it('podmiot leczniczy without outpatient care (AMB=N): MZ-88 only', () => {
    assert.deepEqual(owed('PODM', { AMB: 'N' }), [{ form: 'MZ-88', origin: 'katalog' }]);
  });

  it('a practice with outpatient care (AMB=T): MZ-11 only; without it nothing', () => {
    assert.deepEqual(owed('PRAKT', { AMB: 'T' }), [{ form: 'MZ-11', origin: 'ankieta' }]);
    assert.deepEqual(owed('PRAKT', { AMB: 'N' }), []);
  });

  it('an unanswered ankieta (null) gives only the forms of the kind', () => {
    assert.deepEqual(owed('PODM', null), [{ form: 'MZ-88', origin: 'katalog' }]);
    assert.deepEqual(owed('JEDN_ORG', null), [{ form: 'MZ-88', origin: 'katalog' }]);
    assert.deepEqual(owed('WSSE', null), [{ form: 'MZ-88', origin: 'katalog' }]);
    assert.deepEqual(owed('PSSE', null), [{ form: 'MZ-88', origin: 'katalog' }]);
    assert.deepEqual(owed('PRAKT', null), []);
    assert.deepEqual(owed('GM', null), []);
    assert.deepEqual(owed('PODM', {}), [{ form: 'MZ-88', origin: 'katalog' }], 'an ankieta without the question: the kind only');
  });

  it('only the exact answer "T" assigns a form', () => {
    for (const v of ['t', 'Tak', 'TAK', 'true', '1', ' T', '']) assert.deepEqual(owed('PRAKT', { AMB: v }), [], JSON.stringify(v));
    assert.deepEqual(owed('PRAKT', { OTHER: 'T' }), [], 'an answer to another question');
  });

  it('a kind not in the catalogue owes nothing, whatever it answers', () => {
    for (const kind of ['UW', 'CEZ', 'IPIN', 'KCPU', 'NIEZNANY', '']) {
      assert.deepEqual(owed(kind, { AMB: 'T' }), [], kind);
      assert.deepEqual(owed(kind, null), [], kind);
    }
  });

  it('a form decided by the ankieta but without a question in the list is never owed', () => {
    assert.deepEqual(formsOwed('PODM', FORM_KINDS, {}, { AMB: 'T' }), [{ form: 'MZ-88', origin: 'katalog' }]);
  });
});

describe('who verifies (docs/forms.md, "Obligations")', () => {
  it('the voivodeship office (UW) verifies every form of every kind, except a PSSE, which reports to its WSSE', () => {
    assert.deepEqual(
      FORM_KINDS.map((k) => `${k.form} ${k.kindCode} → ${k.verifierKind}`),
      [
        'MZ-11 PODM → UW',
        'MZ-11 PRAKT → UW',
        'MZ-11 JEDN_ORG → UW',
        'MZ-11 GM → UW',
        'MZ-88 PODM → UW',
        'MZ-88 JEDN_ORG → UW',
        'MZ-88 WSSE → UW',
        'MZ-88 PSSE → WSSE',
      ],
    );
  });

  it('a voivodeship without a unit of the verifying kind falls back to its voivodeship office', () => {
    assert.equal(FALLBACK_VERIFIER_KIND, 'UW');
  });
});

describe('surveyQuestionsFor', () => {
  it('asks the kinds whose forms the ankieta decides, with the year put into the text', () => {
    for (const kind of ['PODM', 'PRAKT', 'JEDN_ORG', 'GM']) {
      const qs = surveyQuestionsFor(kind, FORM_KINDS, SURVEY_QUESTIONS, 2025);
      assert.equal(qs.length, 1, kind);
      const [q] = qs;
      assert.equal(q!.form, 'MZ-11');
      assert.equal(q!.code, 'AMB');
      assert.match(q!.text, /^Czy w roku 2025 jednostka udzielała ambulatoryjnych świadczeń zdrowotnych/);
      assert.equal(q!.hint, 'Odpowiedź „Tak” przypisuje jednostce sprawozdanie MZ-11 za rok 2025.');
      assert.doesNotMatch(q!.text + q!.hint, /\{rok\}/);
    }
  });

  it('asks nothing of a kind whose forms come from the kind alone, or of a kind outside the catalogue', () => {
    for (const kind of ['WSSE', 'PSSE', 'UW', 'NIEZNANY']) assert.deepEqual(surveyQuestionsFor(kind, FORM_KINDS, SURVEY_QUESTIONS, 2025), [], kind);
  });

  it('asks nothing when the form has no question text', () => {
    assert.deepEqual(surveyQuestionsFor('PODM', FORM_KINDS, {}, 2025), []);
  });
});

describe('publishedDeadlines', () => {
  it('the day and month of the pattern in the year after each data year, per level', () => {
    const got = publishedDeadlines(
      new Map([
        ['MZ-11', [2024, 2025]],
        ['MZ-88', [2025]],
        ['MZ-99', [2025]],
      ]),
    );
    const key = (d: { form: string; year: number; level: string; dueOn: string }) => `${d.form} ${d.year} ${d.level} ${d.dueOn}`;
    assert.deepEqual(got.map(key).sort(), [
      'MZ-11 2024 cez 2025-07-31',
      'MZ-11 2024 jednostka 2025-03-31',
      'MZ-11 2024 nadzor 2025-06-30',
      'MZ-11 2025 cez 2026-07-31',
      'MZ-11 2025 jednostka 2026-03-31',
      'MZ-11 2025 nadzor 2026-06-30',
      'MZ-88 2025 cez 2026-07-31',
      'MZ-88 2025 jednostka 2026-04-10',
      'MZ-88 2025 nadzor 2026-06-30',
    ]);
  });

  it('the shipped deadlines name their public source', () => {
    assert.match(DEADLINE_SOURCE, /poznan\.uw\.gov\.pl/);
    assert.match(DEADLINE_SOURCE, /za 2022 r\./);
  });

  it('nothing for no forms, or a form without a pattern', () => {
    assert.deepEqual(publishedDeadlines(new Map()), []);
    assert.deepEqual(publishedDeadlines(new Map([['MZ-99', [2025]]])), []);
  });
});

describe('currentReportingYear: the data of the calendar year before', () => {
  it('from the first to the last day of a year', () => {
    assert.equal(currentReportingYear('2026-01-01'), 2025);
    assert.equal(currentReportingYear('2026-12-01'), 2025);
    assert.equal(currentReportingYear('2026-12-31'), 2025);
    assert.equal(currentReportingYear('2027-01-01'), 2026);
  });
});
