import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { buildTestApp, type TestApp } from '../test/helpers/app.ts';
import { axeViolations, launchBrowser } from './helpers/browser.ts';

const PAGES = [
  '/',
  '/polityka-prywatnosci',
  '/deklaracja-dostepnosci',
  '/mapa-strony',
  '/pomoc',
  '/kontakt',
  '/ueoz/czym-sa-ueoz',
  '/ueoz/warunki-korzystania',
  '/dev/poczta',
  '/nie-ma-takiej-strony',
];

describe('public pages in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base = '';
  before(async () => {
    t = await buildTestApp();
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await t.close();
  });

  for (const path of PAGES) {
    it(`${path}: no axe-core violations, Polish, no console errors`, async () => {
      const context = await browser.newContext();
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' && !/404 \(Not Found\)/.test(m.text())) problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      await page.goto(base + path);
      assert.equal(await page.getAttribute('html', 'lang'), 'pl');
      assert.equal(await page.locator('h1').count(), 1);
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(problems, [], 'no CSP violations or script errors');
      await context.close();
    });
  }

  it('the landing page offers "Zaloguj się/ Zarejestruj" and every footer link opens a page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(base + '/');
    await assert.doesNotReject(page.getByRole('link', { name: 'Zaloguj się/ Zarejestruj' }).waitFor());
    for (const name of ['Deklaracja dostępności', 'Polityka prywatności', 'Mapa strony', 'Przeczytaj jak z niego korzystać', 'Skontaktuj się z nami']) {
      await page.goto(base + '/');
      await page.locator('footer').getByRole('link', { name }).click();
      await page.waitForLoadState();
      assert.equal(await page.locator('h1').count(), 1, `${name} opens a page`);
    }
    await context.close();
  });

  for (const javaScriptEnabled of [true, false]) {
    it(`contact form journey ${javaScriptEnabled ? 'with' : 'without'} JavaScript: errors, kept values, then sent`, async () => {
      const context = await browser.newContext({ javaScriptEnabled });
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      await page.goto(base + '/kontakt');
      await page.getByLabel('Imię i nazwisko').fill('Zofia Żółkiewska');
      await page.getByRole('button', { name: 'Wyślij wiadomość' }).click();
      await page.waitForSelector('[data-qa="error-summary"]');
      assert.match(await page.title(), /^Błąd: /);
      assert.equal(await page.getByLabel('Imię i nazwisko').inputValue(), 'Zofia Żółkiewska');
      if (javaScriptEnabled) {
        assert.equal(
          await page.evaluate(() =>
            (globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } | null } }).document.activeElement?.getAttribute(
              'data-qa',
            ),
          ),
          'error-summary',
          'summary focused',
        );
      }
      // axe runs inside the page, so it needs JavaScript; the same markup is checked in the other run
      if (javaScriptEnabled) assert.deepEqual(await axeViolations(page), []);
      await page.getByRole('link', { name: 'Wpisz adres e-mail' }).click();
      const email = `zofia.${javaScriptEnabled ? 'js' : 'nojs'}@example.pl`;
      await page.getByLabel('Adres e-mail').fill(email);
      await page.getByLabel('Profil i wnioski o role').check();
      await page.getByLabel('Treść wiadomości').fill('Proszę o pomoc w wyborze jednostki.');
      await page.getByRole('button', { name: 'Wyślij wiadomość' }).click();
      await page.waitForSelector('[data-qa="contact-sent"]');
      const ref = await page.locator('[data-qa="contact-reference"]').textContent();
      assert.match(ref ?? '', /^K-\d{8}-[0-9A-F]{6}$/);
      // the confirmation reaches the demo mailbox, readable in the browser
      for (let i = 0; i < 50; i++) {
        await page.goto(`${base}/dev/poczta?to=${encodeURIComponent(email)}`);
        if ((await page.locator('[data-qa="mailbox-item"]').count()) > 0) break;
        await page.waitForTimeout(200);
      }
      await page.locator('[data-qa="mailbox-item"] a').first().click();
      assert.match((await page.locator('[data-qa="message-text"]').textContent()) ?? '', new RegExp(ref ?? 'x'));
      if (javaScriptEnabled) assert.deepEqual(await axeViolations(page), []);
      await context.close();
    });
  }
});
