import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { restorePublishedDeadlines } from '../test/builders/index.ts';
import { browserSuite } from './helpers/suite.ts';
import { clean, signIn } from './helpers/journeys.ts';

describe('Zarządzanie → Terminy sprawozdań in Chromium', () => {
  const suite = browserSuite();

  it('jan.kowalski filters the schedule, corrects the errors and moves the MZ-11 deadline; then, without JavaScript, removes the CeZ level of MZ-88', async () => {
    // the demo seed moved the current year's dates to the seed day: this test starts from the shipped ones
    await restorePublishedDeadlines(suite.t.database.db);
    const page = await suite.open(true);
    await signIn(page, suite.base, 'jan.kowalski', '+48 600 100 202', { axe: false });
    await page.waitForSelector('[data-qa="page-home"]');
    await page.goto(`${suite.base}/zarzadzanie`);
    await page.locator('[data-qa="management-submodules"]').getByRole('link', { name: 'Terminy sprawozdań' }).click();
    await page.waitForSelector('[data-qa="page-deadlines"]');
    assert.equal(await page.title().then((x) => x.startsWith('Terminy sprawozdań')), true);
    await clean(page, 'Terminy sprawozdań');

    // the filters are a GET form: the choice lands in the address
    await page.getByLabel('Formularz').selectOption('MZ-11');
    await page.getByLabel('Rok sprawozdawczy').selectOption('2025');
    await page.getByRole('button', { name: 'Pokaż' }).click();
    await page.waitForURL(/formularz=MZ-11&rok=2025/);
    assert.equal(await page.locator('[data-qa="deadlines-table"] tbody tr').count(), 1);
    const row = page.locator('[data-qa="schedule-MZ-11-2025"]');
    assert.match((await row.textContent()) ?? '', /31\.03\.2026/);
    await clean(page, 'Terminy sprawozdań, filtered');

    await row.getByRole('link', { name: /Zmień terminy/ }).click();
    await page.waitForSelector('[data-qa="deadline-form"]');
    await clean(page, 'deadline form');
    assert.equal(await page.getByLabel('Jednostka sprawozdająca przekazuje sprawozdanie').inputValue(), '31.03.2026');

    // errors first: the supervisor's date before the unit's, no source
    await page.getByLabel('Jednostka sprawozdająca przekazuje sprawozdanie').fill('20.04.2026');
    await page.getByLabel('Jednostka nadzorująca zatwierdza sprawozdanie').fill('31.03.2026');
    await page.getByRole('button', { name: 'Zapisz terminy' }).click();
    await page.waitForSelector('[data-qa="error-summary"]');
    await clean(page, 'deadline form with errors');
    const summary = (await page.locator('[data-qa="error-summary"]').textContent()) ?? '';
    assert.match(summary, /Termin zatwierdzenia przez jednostkę nadzorującą nie może być wcześniejszy/);
    assert.match(summary, /Podaj źródło lub uzasadnienie zmiany terminów/);
    assert.equal(await page.getByLabel('Jednostka sprawozdająca przekazuje sprawozdanie').inputValue(), '20.04.2026', 'typed value kept');

    await page.getByLabel('Jednostka nadzorująca zatwierdza sprawozdanie').fill('30.06.2026');
    await page.getByLabel('Źródło / uzasadnienie zmiany').fill('Rozporządzenie w sprawie PBSSP na 2026 r.');
    await page.getByRole('button', { name: 'Zapisz terminy' }).click();
    await page.waitForSelector('[data-qa="deadline-notice"]');
    await clean(page, 'Terminy sprawozdań after saving');
    const saved = (await page.locator('[data-qa="schedule-MZ-11-2025"]').textContent()) ?? '';
    assert.match(saved, /20\.04\.2026/);
    assert.match(saved, /ostatnia zmiana: .*, Jan Kowalski/);

    // the same pages without JavaScript: plain forms
    const cookies = await page.context().cookies();
    const plain = await suite.open(false);
    await plain.context().addCookies(cookies);
    await plain.goto(`${suite.base}/zarzadzanie/terminy?formularz=MZ-88&rok=2025`);
    await plain.waitForSelector('[data-qa="page-deadlines"]');
    await plain
      .locator('[data-qa="schedule-MZ-88-2025"]')
      .getByRole('link', { name: /Zmień terminy/ })
      .click();
    await plain.waitForSelector('[data-qa="deadline-form"]');
    await plain.getByLabel('Centrum e-Zdrowia zatwierdza dane').fill('');
    await plain.getByLabel('Źródło / uzasadnienie zmiany').fill('Bez zatwierdzania przez CeZ.');
    await plain.getByRole('button', { name: 'Zapisz terminy' }).click();
    await plain.waitForSelector('[data-qa="deadline-notice"]');
    const mz88 = plain.locator('[data-qa="schedule-MZ-88-2025"]');
    assert.match((await mz88.textContent()) ?? '', /10\.04\.2026/);
    assert.equal(await mz88.locator('[data-qa="deadline-cez"]').count(), 0, 'no CeZ date any more');
    assert.match((await mz88.textContent()) ?? '', /brak terminu/);
  });
});
