import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserSuite } from './helpers/suite.ts';
import { clean, logout, signIn } from './helpers/journeys.ts';

describe('Zarządzanie → Komunikaty and Słowniki in Chromium', () => {
  const suite = browserSuite();

  it('jan.kowalski publishes an announcement for "Nadzorujący sprawozdania finansowe"; ewa.kaminska sees it as "Najnowszy komunikat"', async () => {
    const page = await suite.open(true);
    await signIn(page, suite.base, 'jan.kowalski', '+48 600 100 202', { axe: false });
    await page.waitForSelector('[data-qa="page-home"]');
    // the demo announcement is current for everyone
    assert.match((await page.locator('[data-qa="latest-announcement"]').textContent()) ?? '', /Instancja demonstracyjna SSOZ II/);
    await page.goto(`${suite.base}/zarzadzanie`);
    await page.getByRole('link', { name: 'Komunikaty' }).click();
    await page.waitForSelector('[data-qa="page-announcements"]');
    await clean(page, 'Komunikaty list');
    await page.getByRole('link', { name: 'Dodaj komunikat' }).click();
    await page.waitForSelector('[data-qa="announcement-form"]');
    await clean(page, 'new announcement form');
    // errors first: no title, no role chosen
    await page.getByLabel('Treść').fill('Termin sprawozdań finansowych za 2026 r. upływa 31 marca.');
    await page.getByLabel('Użytkownicy pracujący w profilu z jedną z wybranych ról').check();
    await page.getByRole('button', { name: 'Opublikuj komunikat' }).click();
    await page.waitForSelector('[data-qa="error-summary"]');
    await clean(page, 'announcement form with errors');
    const summary = (await page.locator('[data-qa="error-summary"]').textContent()) ?? '';
    assert.match(summary, /Wpisz tytuł komunikatu/);
    assert.match(summary, /Zaznacz co najmniej jedną rolę odbiorców/);
    await page.getByLabel('Tytuł').fill('Sprawozdania finansowe za 2026 r.');
    await page.getByLabel('Nadzorujący sprawozdania finansowe').check();
    await page.getByRole('button', { name: 'Opublikuj komunikat' }).click();
    await page.waitForSelector('[data-qa="announcement-notice"]');
    await clean(page, 'Komunikaty list after publishing');
    const row = page.locator('[data-qa="announcements-table"] tr', { hasText: 'Sprawozdania finansowe za 2026 r.' });
    assert.match((await row.textContent()) ?? '', /Nadzorujący sprawozdania finansowe/);
    assert.match((await row.textContent()) ?? '', /Opublikowany/);
    await row.getByRole('link').click();
    await page.waitForSelector('[data-qa="announcement-form"]');
    await clean(page, 'edit announcement');
    // Jan's own home page: he is not in the audience, the demo one stays
    await page.goto(`${suite.base}/start`);
    assert.doesNotMatch((await page.locator('[data-qa="latest-announcement"]').textContent()) ?? '', /Sprawozdania finansowe za 2026/);
    await logout(page);

    const ewa = await suite.open(true);
    await signIn(ewa, suite.base, 'ewa.kaminska', '+48 600 100 205', { axe: false });
    await ewa.waitForSelector('[data-qa="page-home"]');
    const news = (await ewa.locator('[data-qa="latest-announcement"]').textContent()) ?? '';
    assert.match(news, /Najnowszy komunikat/);
    assert.match(news, /Sprawozdania finansowe za 2026 r\./);
    assert.match(news, /Termin sprawozdań finansowych za 2026 r\. upływa 31 marca\./);
    await clean(ewa, 'home with the announcement');
  });

  it('Słowniki: pages are axe-clean; a role renamed and the permission map saved without JavaScript', async () => {
    const page = await suite.open(true);
    await signIn(page, suite.base, 'jan.kowalski', '+48 600 100 202', { axe: false });
    await page.waitForSelector('[data-qa="page-home"]');
    await page.goto(`${suite.base}/zarzadzanie/slowniki`);
    await page.waitForSelector('[data-qa="page-dictionaries"]');
    await clean(page, 'Słowniki');
    await page
      .locator('[data-qa="role-PRACOWNIK_CEZ"]')
      .getByRole('link', { name: /Edytuj/ })
      .click();
    await page.waitForSelector('[data-qa="page-dictionary-role"]');
    await clean(page, 'role edit');
    await page.getByLabel('Nazwa').fill('');
    await page.getByRole('button', { name: 'Zapisz zmiany' }).click();
    await page.waitForSelector('[data-qa="error-summary"]');
    await clean(page, 'role edit with errors');
    await page.getByLabel('Nazwa').fill('Pracownik Centrum e-Zdrowia');
    await page.getByRole('button', { name: 'Zapisz zmiany' }).click();
    await page.waitForSelector('[data-qa="dictionary-notice"]');
    assert.match((await page.locator('[data-qa="role-PRACOWNIK_CEZ"]').textContent()) ?? '', /Pracownik Centrum e-Zdrowia/);
    await page.goto(`${suite.base}/zarzadzanie/slowniki/role/PRACOWNIK_CEZ`);
    await page.waitForSelector('[data-qa="dictionary-restore"]');
    await clean(page, 'edited role with "Przywróć wartości dostarczone z systemem"');
    for (const path of [
      '/zarzadzanie/slowniki/rodzaje-jednostek/PODM',
      '/zarzadzanie/slowniki/uprawnienia/RAPORTY_TWORZ',
      '/zarzadzanie/slowniki/uprawnienia-rol',
    ]) {
      await page.goto(`${suite.base}${path}`);
      await clean(page, path);
    }
    await page.locator('[data-qa="dict-legacy"]').count();
    await page.goto(`${suite.base}/zarzadzanie/slowniki`);
    await page.locator('[data-qa="dict-legacy"] tbody tr').first().getByRole('link').click();
    await page.waitForSelector('[data-qa="page-dictionary-legacy"]');
    await clean(page, 'SSOZ I mapping edit');

    // the matrix is a plain form: without JavaScript too
    const cookies = await page.context().cookies();
    const plain = await suite.open(false);
    await plain.context().addCookies(cookies);
    await plain.goto(`${suite.base}/zarzadzanie/slowniki/uprawnienia-rol`);
    await plain.waitForSelector('[data-qa="page-dictionary-matrix"]');
    const box = plain.locator('[data-qa="matrix-PRACOWNIK_CEZ"]').getByLabel(/Przeglądanie dziennika zdarzeń/);
    assert.equal(await box.isChecked(), false);
    await box.check();
    await plain.getByRole('button', { name: 'Zapisz zmiany' }).click();
    await plain.waitForSelector('[data-qa="dictionary-notice"]');
    assert.match((await plain.locator('[data-qa="role-permissions-PRACOWNIK_CEZ"]').textContent()) ?? '', /Przeglądanie dziennika zdarzeń/);
  });

  it('jan.kowalski withdraws the announcement: ewa.kaminska no longer sees it; the withdrawn one is read-only', async () => {
    const page = await suite.open(true);
    await signIn(page, suite.base, 'jan.kowalski', '+48 600 100 202', { axe: false });
    await page.waitForSelector('[data-qa="page-home"]');
    await page.goto(`${suite.base}/zarzadzanie/komunikaty`);
    await page.locator('[data-qa="announcements-table"] tr', { hasText: 'Sprawozdania finansowe za 2026 r.' }).getByRole('link').click();
    await page.getByRole('button', { name: 'Wycofaj komunikat' }).click();
    await page.waitForSelector('[data-qa="announcement-notice"]');
    const row = page.locator('[data-qa="announcements-table"] tr', { hasText: 'Sprawozdania finansowe za 2026 r.' });
    assert.match((await row.textContent()) ?? '', /Wycofany/);
    await row.getByRole('link').click();
    await page.waitForSelector('[data-qa="announcement-view"]');
    assert.equal(await page.locator('[data-qa="announcement-form"]').count(), 0);
    await clean(page, 'withdrawn announcement');
    await logout(page);

    const ewa = await suite.open(true);
    await signIn(ewa, suite.base, 'ewa.kaminska', '+48 600 100 205', { axe: false });
    await ewa.waitForSelector('[data-qa="page-home"]');
    const news = (await ewa.locator('[data-qa="latest-announcement"]').textContent()) ?? '';
    assert.doesNotMatch(news, /Sprawozdania finansowe za 2026/);
    assert.match(news, /Instancja demonstracyjna SSOZ II/, 'the one for everyone again');
  });
});
