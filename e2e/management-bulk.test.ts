import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { browserSuite } from './helpers/suite.ts';
import { clean, mail, signIn } from './helpers/journeys.ts';

/** The numbers of the queue's rows that offer a checkbox of "Zatwierdź zaznaczone". */
async function selectableNumbers(page: Page): Promise<string[]> {
  const rows = page.locator('[data-qa="queue-table"] tbody tr', { has: page.locator('[data-qa="bulk-select"]') });
  return (await rows.locator('td[data-label="Numer wniosku"]').allTextContents()).map((s) => s.trim());
}

describe('Zarządzanie → Wnioski o role: Zatwierdź zaznaczone, filters, deadlines and Archiwizuj in Chromium', () => {
  const suite = browserSuite();

  for (const javaScriptEnabled of [true, false]) {
    it(`jan.kowalski (Administrator CeZ) approves two requests with safe files in one step (${javaScriptEnabled ? 'with' : 'without'} JavaScript)`, async () => {
      const page = await suite.open(javaScriptEnabled);
      const check = async (label: string) => {
        if (javaScriptEnabled) await clean(page, label);
      };
      await signIn(page, suite.base, 'jan.kowalski', '+48 600 100 202', { axe: false });
      await page.waitForSelector('[data-qa="page-home"]');
      await page.goto(`${suite.base}/zarzadzanie/wnioski`);
      await page.waitForSelector('[data-qa="page-management-queue"]');
      await check('queue with checkboxes, due dates and the new filters');
      assert.ok((await page.locator('[data-qa="escalated"]').count()) >= 1, 'overdue requests are marked "eskalowany"');

      const numbers = await selectableNumbers(page);
      assert.ok(numbers.length >= 2, 'two requests with a safe file wait for him');
      const chosen = numbers.slice(0, 2);
      for (const n of chosen) await page.getByLabel(`Zaznacz wniosek ${n}`).check();
      await page.getByRole('button', { name: 'Zatwierdź zaznaczone' }).click();
      await page.waitForSelector('[data-qa="page-bulk-result"]');
      await check('bulk result');
      assert.match((await page.locator('[data-qa="bulk-approved"]').textContent()) ?? '', /Zatwierdzone wnioski: 2\./);
      const listed = (await page.locator('[data-qa="bulk-approved-list"] a').allTextContents()).map((s) => s.trim());
      assert.deepEqual(listed.sort(), [...chosen].sort());

      // each approved request: its status, and the manual's e-mail to its applicant
      const links = await page
        .locator('[data-qa="bulk-approved-list"] a')
        .evaluateAll((as) => as.map((a) => [a.textContent?.trim() ?? '', a.getAttribute('href') ?? '']));
      for (const [n, href] of links) {
        await page.goto(`${suite.base}${href}`);
        await page.waitForSelector('[data-qa="page-management-request"]');
        const status = await page
          .locator('[data-qa="request-summary"] div', { has: page.locator('dt:text-is("Status")') })
          .locator('dd')
          .textContent();
        assert.equal(status?.trim(), 'Zatwierdzony');
        const email = (
          (await page
            .locator('[data-qa="applicant"] div', { has: page.locator('dt:text-is("E-mail")') })
            .locator('dd')
            .textContent()) ?? ''
        ).trim();
        await mail(suite.base, email, new RegExp(`wniosek o rolę o numerze ${(n ?? '').replace('/', '\\/')} został zaakceptowany`));
      }
      await page.goto(`${suite.base}/zarzadzanie/wnioski`);
      const after = await selectableNumbers(page);
      for (const n of chosen) assert.ok(!after.includes(n), `${n} is no longer pending`);
    });
  }

  it('tomasz.lewandowski filters by unit kind, voivodeship and escalation, then rejects and archives a request (axe)', async () => {
    const page = await suite.open(true);
    await signIn(page, suite.base, 'tomasz.lewandowski', '+48 600 100 204', { axe: false });
    await page.waitForSelector('[data-qa="page-home"]');
    await page.goto(`${suite.base}/zarzadzanie/wnioski`);
    await page.getByLabel('Rodzaj jednostki').selectOption('PODM');
    await page.getByLabel('Województwo').selectOption({ label: 'kujawsko-pomorskie' });
    await page.getByLabel('Tylko eskalowane (po terminie decyzji)').check();
    await page.getByRole('button', { name: 'Filtruj' }).click();
    await page.waitForURL(/rodzaj=PODM/);
    assert.match(page.url(), /woj=04/);
    assert.match(page.url(), /eskalowane=tak/);
    await clean(page, 'filtered queue');
    const units = await page.locator('[data-qa="queue-table"] td[data-label="Jednostka"]').allTextContents();
    assert.ok(units.length >= 1);
    for (const u of units) assert.match(u, /\(PODM, kujawsko-pomorskie\)/);
    assert.equal(await page.locator('[data-qa="queue-table"] tbody tr').count(), await page.locator('[data-qa="queue-table"] [data-qa="escalated"]').count());

    // reject one, then archive it
    await page.locator('[data-qa="queue-table"] tbody tr').first().getByRole('link').click();
    await page.waitForSelector('[data-qa="page-management-request"]');
    assert.match((await page.locator('[data-qa="overdue"]').textContent()) ?? '', /Termin decyzji minął/);
    await clean(page, 'overdue request detail');
    await page.getByLabel('Powód odrzucenia').fill('Wniosek złożony w niewłaściwej jednostce');
    await page.getByRole('button', { name: 'Odrzuć' }).click();
    await page.waitForSelector('[data-qa="archive"]');
    await clean(page, 'rejected request with Archiwizuj');
    await page.getByLabel('Powód archiwizacji (opcjonalnie)').fill('Porządkowanie listy');
    await page.getByRole('button', { name: 'Archiwizuj' }).click();
    await page.waitForSelector('[data-qa="decision-notice"]');
    assert.match((await page.locator('[data-qa="decision-notice"]').textContent()) ?? '', /został zarchiwizowany/);
    assert.match((await page.locator('[data-qa="status-history"]').textContent()) ?? '', /Porządkowanie listy/);
    await clean(page, 'archived request');
  });

  it('maria.wisniewska sees the decision due date of her pending requests in Moje konto (axe)', async () => {
    const page = await suite.open(true);
    await signIn(page, suite.base, 'maria.wisniewska', '+48 600 100 203', { axe: false });
    // her pending requests have no signed file: the reminder comes first at login
    await page.waitForSelector('[data-qa="page-reminder"]');
    await page.goto(`${suite.base}/moje-konto`);
    await page.waitForSelector('[data-qa="page-account"]');
    const card = page.locator('[data-qa="request-U000593-2023"]');
    const due = await card
      .locator('div', { has: page.locator('dt:text-is("Termin decyzji")') })
      .locator('dd')
      .textContent();
    assert.equal(due?.trim(), '13.12.2023 (termin minął — wniosek jest eskalowany do Centrum e-Zdrowia)', '14 days after 29.11.2023, long past');
    await clean(page, 'Moje konto with due dates');
  });
});
