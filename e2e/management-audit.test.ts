import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserSuite } from './helpers/suite.ts';
import { clean, signIn } from './helpers/journeys.ts';

describe('Zarządzanie → Dziennik zdarzeń and Raporty in Chromium', () => {
  const suite = browserSuite();

  for (const javaScriptEnabled of [true, false]) {
    it(`jan.kowalski filters the audit log and reads the reports (${javaScriptEnabled ? 'with' : 'without'} JavaScript)`, async () => {
      const page = await suite.open(javaScriptEnabled);
      const check = async (label: string) => {
        if (javaScriptEnabled) await clean(page, label);
      };
      await signIn(page, suite.base, 'jan.kowalski', '+48 600 100 202', { axe: false });
      await page.waitForSelector('[data-qa="page-home"]');
      await page.goto(`${suite.base}/zarzadzanie`);
      await page.getByRole('link', { name: 'Dziennik zdarzeń' }).first().click();
      await page.waitForSelector('[data-qa="page-management-audit"]');
      await check('audit log');
      // his own sign-in is in the log
      await page.getByLabel('Akcja').selectOption('login');
      await page.getByLabel('Osoba').fill('Kowalski');
      await page.getByRole('button', { name: 'Filtruj' }).click();
      await page.waitForURL(/akcja=login/);
      const rows = page.locator('[data-qa="audit-table"] tbody tr');
      assert.ok((await rows.count()) >= 1);
      assert.match((await rows.first().textContent()) ?? '', /Jan Kowalski/);
      assert.match((await rows.first().textContent()) ?? '', /Logowanie do portalu/);
      await check('audit log, filtered');
      const csv = await page.locator('[data-qa="audit-csv"]').getAttribute('href');
      assert.match(csv ?? '', /^\/zarzadzanie\/dziennik\.csv\?.*akcja=login/);
      const download = await page.request.get(suite.base + csv!);
      assert.equal(download.status(), 200);
      assert.match((await download.body()).toString('utf8'), /^\uFEFFCzas \(UTC\);/);

      await page.goto(`${suite.base}/zarzadzanie`);
      await page.getByRole('link', { name: 'Raporty' }).first().click();
      await page.waitForSelector('[data-qa="page-management-reports"]');
      await check('reports');
      const chart = page.locator('[data-qa="report-statusy"] svg[role="img"]');
      assert.equal(await chart.count(), 1);
      assert.equal(await chart.getAttribute('aria-labelledby'), 'r-statusy-chart-title r-statusy-chart-desc');
      const pending = page.locator('[data-qa="report-table-statusy"] tbody tr', { has: page.locator('th', { hasText: 'Oczekujący' }) });
      assert.ok(Number(((await pending.locator('td').textContent()) ?? '').replace(/\s/g, '')) >= 1, 'the demo requests wait');
      const reportCsv = await page.request.get(`${suite.base}/zarzadzanie/raporty/statusy.csv`);
      assert.equal(reportCsv.status(), 200);
      assert.match((await reportCsv.body()).toString('utf8'), /^\uFEFFStatus;Liczba\r\n/);
    });
  }
});
