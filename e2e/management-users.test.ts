import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { browserSuite } from './helpers/suite.ts';
import { clean, mail, signIn } from './helpers/journeys.ts';

/** The value of one row of a summary list. */
async function summaryValue(page: Page, qa: string, label: string): Promise<string> {
  return (
    (await page
      .locator(`[data-qa^="${qa}"] div`, { has: page.locator(`dt:text-is("${label}")`) })
      .locator('dd')
      .first()
      .textContent()) ?? ''
  ).trim();
}

describe('Zarządzanie → Użytkownicy in Chromium', () => {
  const suite = browserSuite();

  for (const javaScriptEnabled of [true, false]) {
    it(`jan.kowalski blocks ewa.kaminska's profile (her next click lands on the login page) and unblocks it (${javaScriptEnabled ? 'with' : 'without'} JavaScript)`, async () => {
      const check = async (page: Page, label: string) => {
        // axe runs in the page: with JavaScript off it cannot, and the same pages were checked in the run with it
        if (javaScriptEnabled) await clean(page, label);
      };
      // ewa works in her profile
      const ewa = await suite.open(javaScriptEnabled);
      await signIn(ewa, suite.base, 'ewa.kaminska', '+48 600 100 205', { axe: false });
      await ewa.waitForSelector('[data-qa="page-home"]');

      // jan finds her
      const jan = await suite.open(javaScriptEnabled);
      await signIn(jan, suite.base, 'jan.kowalski', '+48 600 100 202', { axe: false });
      await jan.waitForSelector('[data-qa="page-home"], [data-qa="page-account"]');
      await jan.goto(`${suite.base}/zarzadzanie`);
      await jan.waitForSelector('[data-qa="management-submodules"]');
      await jan.getByRole('link', { name: 'Użytkownicy' }).click();
      await jan.waitForSelector('[data-qa="page-management-users"]');
      await check(jan, 'users search');
      await jan.getByLabel('Imię, nazwisko, login lub e-mail').fill('Kamińska');
      await jan.getByRole('button', { name: 'Szukaj' }).click();
      await jan.waitForURL(/q=Kami/);
      await check(jan, 'users search results');
      await jan.locator('[data-qa="user-row-ewa.kaminska"]').getByRole('link').click();
      await jan.waitForSelector('[data-qa="page-management-user"]');
      await check(jan, 'user page');
      assert.equal(await summaryValue(jan, 'profile-summary', 'Status profilu'), 'Aktywny');
      const email = await summaryValue(jan, 'profile-summary', 'E-mail kontaktowy');

      // "Zablokuj profil": the reason is required
      await jan.locator('[data-qa="block-link"]').click();
      await jan.waitForSelector('[data-qa="page-management-user-block"]');
      await check(jan, 'block form');
      await jan.getByRole('button', { name: 'Zablokuj profil' }).click();
      await jan.waitForSelector('[data-qa="error-summary"]');
      await check(jan, 'block form with an error');
      assert.match((await jan.locator('[data-qa="error-summary"]').textContent()) ?? '', /Wpisz powód blokady/);
      await jan.getByLabel('Powód blokady').fill('Zakończenie zatrudnienia w jednostce');
      await jan.getByRole('button', { name: 'Zablokuj profil' }).click();
      await jan.waitForSelector('[data-qa="action-notice"]');
      await check(jan, 'blocked profile');
      assert.equal(await summaryValue(jan, 'profile-summary', 'Status profilu'), 'Zablokowany');
      assert.equal(await summaryValue(jan, 'profile-summary', 'Powód blokady'), 'Zakończenie zatrudnienia w jednostce');
      await mail(suite.base, email, /został zablokowany przez administratora[\s\S]*Zakończenie zatrudnienia w jednostce/);

      // ewa's next click: the login page
      await ewa.locator('[data-qa="user-menu"] summary').click();
      await ewa.locator('[data-qa="user-menu"]').getByRole('link', { name: 'Moje konto' }).click();
      await ewa.waitForSelector('[data-qa="page-ueoz-login"]');

      // "Odblokuj profil"
      await jan.locator('[data-qa="unblock-link"]').click();
      await jan.waitForSelector('[data-qa="page-management-user-unblock"]');
      await check(jan, 'unblock form');
      await jan.getByLabel('Uzasadnienie odblokowania').fill('Pomyłka: zatrudnienie trwa');
      await jan.getByRole('button', { name: 'Odblokuj profil' }).click();
      await jan.waitForSelector('[data-qa="action-notice"]');
      assert.equal(await summaryValue(jan, 'profile-summary', 'Status profilu'), 'Aktywny');
      assert.match((await jan.locator('[data-qa^="history-"]').textContent()) ?? '', /Odblokowanie profilu[\s\S]*Zablokowanie profilu/);
      await check(jan, 'unblocked profile');
      await mail(suite.base, email, /został odblokowany przez administratora[\s\S]*Aktywny/);

      // and ewa works again
      await signIn(ewa, suite.base, 'ewa.kaminska', '+48 600 100 205', { axe: false });
      await ewa.waitForSelector('[data-qa="page-home"]');
    });
  }
});
