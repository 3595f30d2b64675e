import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { browserSuite } from './helpers/suite.ts';
import { clean, signIn } from './helpers/journeys.ts';

/** The value of one row of a summary list. */
async function summaryValue(page: Page, qa: string, label: string): Promise<string> {
  return (
    (await page
      .locator(`[data-qa="${qa}"] div`, { has: page.locator(`dt:text-is("${label}")`) })
      .locator('dd')
      .first()
      .textContent()) ?? ''
  ).trim();
}

describe('Zarządzanie → Jednostki in Chromium', () => {
  const suite = browserSuite();

  for (const javaScriptEnabled of [true, false]) {
    it(`tomasz.lewandowski (Administrator UW, kujawsko-pomorskie) searches, opens and edits a unit of his voivodeship, and only looks at another's (${javaScriptEnabled ? 'with' : 'without'} JavaScript)`, async () => {
      const page = await suite.open(javaScriptEnabled);
      const check = async (label: string) => {
        if (javaScriptEnabled) await clean(page, label);
      };
      await signIn(page, suite.base, 'tomasz.lewandowski', '+48 600 100 204', { axe: false });
      await page.waitForSelector('[data-qa="page-home"]');
      await page.goto(`${suite.base}/zarzadzanie`);
      await page.getByRole('link', { name: 'Jednostki', exact: true }).click();
      await page.waitForSelector('[data-qa="page-management-units"]');
      await check('unit search');
      assert.match((await page.locator('.lead').textContent()) ?? '', /województwa kujawsko-pomorskie/);

      // search: a kind and a voivodeship, the filters land in the URL
      await page.getByLabel('Rodzaj', { exact: true }).selectOption('PODM');
      await page.getByLabel('Województwo').selectOption('04');
      await page.locator('[data-qa="unit-search"]').click();
      await page.waitForURL(/rodzaj=PODM/);
      assert.match(page.url(), /woj=04/);
      const total = Number(await page.locator('[data-qa="units-total"]').textContent());
      assert.ok(total > 100, `many units of the kind in his voivodeship (${total})`);
      for (const v of await page.locator('[data-qa="units-table"] td[data-label="Województwo"]').allTextContents())
        assert.equal(v.trim(), 'kujawsko-pomorskie');
      await check('search results');

      // open the first one and edit it
      await page.locator('[data-qa="units-table"] tbody tr').first().getByRole('link').click();
      await page.waitForSelector('[data-qa="page-management-unit"]');
      await check('unit page');
      const name = ((await page.locator('h1').textContent()) ?? '').trim();
      assert.equal(await summaryValue(page, 'unit-address', 'Województwo'), 'kujawsko-pomorskie');
      await page.locator('[data-qa="unit-edit"]').click();
      await page.waitForSelector('[data-qa="page-management-unit-edit"]');
      await check('unit edit form');

      // a required field left empty: the error summary, the message at the field
      await page.getByLabel('Nazwa jednostki').fill('');
      await page.locator('[data-qa="unit-save"]').click();
      await page.waitForSelector('[data-qa="error-summary"]');
      assert.match((await page.locator('[data-qa="error-summary"]').textContent()) ?? '', /Wpisz nazwę jednostki/);
      await check('unit edit form with errors');

      const newName = `${name} — filia`;
      await page.getByLabel('Nazwa jednostki').fill(newName);
      await page.getByLabel('Telefon').fill('+48 52 349 77 00');
      await page.getByLabel('Kujawsko-Pomorski Urząd Wojewódzki w Bydgoszczy (UW)').check();
      await page.locator('[data-qa="unit-save"]').click();
      await page.waitForSelector('[data-qa="unit-notice"]');
      assert.match((await page.locator('[data-qa="unit-notice"]').textContent()) ?? '', /Zmiany danych jednostki zostały zapisane/);
      assert.equal(((await page.locator('h1').textContent()) ?? '').trim(), newName);
      assert.equal(await summaryValue(page, 'unit-contact', 'Telefon'), '+48 52 349 77 00');
      assert.match((await page.locator('[data-qa="unit-supervisors"]').textContent()) ?? '', /Kujawsko-Pomorski Urząd Wojewódzki w Bydgoszczy/);
      await check('unit page after the edit');

      // a unit of another voivodeship: its data, no edit
      await page.goto(`${suite.base}/zarzadzanie/jednostki?nazwa=${encodeURIComponent('K-Dent')}`);
      await page.locator('[data-qa="units-table"] tbody tr').first().getByRole('link').click();
      await page.waitForSelector('[data-qa="page-management-unit"]');
      assert.equal(await summaryValue(page, 'unit-address', 'Województwo'), 'wielkopolskie');
      assert.equal(await page.locator('[data-qa="unit-edit"]').count(), 0);
      assert.match((await page.locator('[data-qa="unit-read-only"]').textContent()) ?? '', /możesz ją tylko przeglądać/);
      await check('unit of another voivodeship');
      const res = await page.goto(`${page.url()}/edycja`);
      assert.equal(res?.status(), 403);

      // "Dodaj jednostkę" opens in his scope
      await page.goto(`${suite.base}/zarzadzanie/jednostki/nowa`);
      await page.waitForSelector('[data-qa="page-management-unit-add"]');
      await check('add a unit');
    });
  }
});
