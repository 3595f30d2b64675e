import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestApp } from '../test/helpers/app.ts';
import { launchBrowser } from './helpers/browser.ts';
import { activateByLink, clean, mail, signIn } from './helpers/journeys.ts';
import { startServer } from './helpers/servers.ts';

/** anna.nowak's first login, up to the welcome screen (Z02 → new account → activation). */
async function firstLogin(page: Page, base: string): Promise<void> {
  await signIn(page, base, 'anna.nowak', '+48 600 100 200', { axe: false });
  await page.waitForSelector('[data-qa="page-z02"]', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Utwórz nowe konto bez migracji' }).click();
  await page.getByLabel('Login').fill('anowak');
  await page.locator('#f-email').fill('anna.nowak@example.pl');
  await page.getByLabel('Powtórz e-mail').fill('anna.nowak@example.pl');
  await page.getByLabel('Znam Warunki korzystania z serwisu').check();
  await page.getByRole('button', { name: 'Zapisz' }).click();
  await page.waitForSelector('[data-qa="page-activate"]');
  const link = (await mail(base, 'anna.nowak@example.pl', /(http:\/\/\S+\/ueoz\/aktywuj\?token=[\w-]+)/))[1] ?? '';
  await activateByLink(page, link);
  await page.waitForSelector('[data-qa="page-welcome"]');
}

describe('profiles and role requests in Chromium', () => {
  let t: TestApp;
  let base = '';
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const open = async (javaScriptEnabled = true) => {
    const c = await browser.newContext({ javaScriptEnabled, acceptDownloads: true });
    c.setDefaultTimeout(20_000);
    contexts.push(c);
    return c.newPage();
  };
  before(async () => {
    ({ t, base } = await startServer());
    browser = await launchBrowser();
  });
  after(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await t.close();
  });

  for (const javaScriptEnabled of [true, false]) {
    it(`anna.nowak applies for two roles in K-Dent found by NIP, downloads the PDF, attaches later (${javaScriptEnabled ? 'with' : 'without'} JavaScript)`, async () => {
      const page = await open(javaScriptEnabled);
      const check = async (label: string) => {
        if (javaScriptEnabled) await clean(page, label);
      };
      if (javaScriptEnabled) await firstLogin(page, base);
      else {
        await signIn(page, base, 'anna.nowak', '+48 600 100 200', { axe: false });
        await page.waitForSelector('[data-qa="page-welcome"], [data-qa="page-home"], [data-qa="page-reminder"]');
        await page.goto(base + '/witaj');
      }
      await check('welcome');
      await page.getByRole('link', { name: 'Składam wniosek' }).click();
      await page.waitForSelector('[data-qa="page-unit-search"]');
      await check('unit search');
      await page.getByLabel('NIP').fill('7812345678');
      await page.getByRole('button', { name: 'Szukaj' }).click();
      await page.waitForSelector('[data-qa="unit-table"]');
      assert.equal(await page.locator('[data-qa="unit-total"]').textContent(), '1');
      await check('unit search results');
      await page.getByRole('button', { name: /Wybierz: -Prywatna Specjalistyczna Przychodnia Stomatologiczna K-Dent/ }).click();
      await page.waitForSelector('[data-qa="page-roles"]');
      const roles = javaScriptEnabled
        ? ['Wypełniający sprawozdania niefinansowe', 'Wypełniający sprawozdania finansowe']
        : ['Wypełniający karty psychiatryczne'];
      if (!javaScriptEnabled) {
        // the first run already asked for the two reporting roles there (pending, not held): only the third one is offered
        assert.match((await page.locator('[data-qa="pending-roles"]').textContent()) ?? '', /Wypełniający sprawozdania finansowe/);
        assert.equal(await page.locator('[data-qa="held-roles"]').count(), 0);
      }
      await page.getByRole('button', { name: 'Dalej' }).click();
      await page.waitForSelector('[data-qa="error-summary"]');
      await check('roles with errors');
      for (const r of roles) await page.getByLabel(r, { exact: true }).check();
      await page.getByLabel('Telefon').fill('+48 600 100 200');
      await page.getByRole('button', { name: 'Dalej' }).click();
      await page.waitForSelector('[data-qa="page-summary"]');
      await check('summary');
      await page.getByRole('button', { name: 'Zapisz wniosek' }).click();
      await page.waitForSelector('[data-qa="error-summary"]');
      await page.getByLabel('Potwierdzam zgodność danych ze stanem faktycznym').check();
      await page.getByRole('button', { name: 'Zapisz wniosek' }).click();
      await page.waitForSelector('[data-qa="page-download"]');
      await check('download');
      const numbers = (await page.locator('[data-qa="request-numbers"] tbody td:first-child').allTextContents()).map((s) => s.trim());
      assert.equal(numbers.length, roles.length);
      await page.getByRole('button', { name: 'Zakończ' }).click();
      await page.waitForSelector('[data-qa="error-summary"]');
      assert.match((await page.locator('[data-qa="error-summary"]').textContent()) ?? '', /pobierz wniosek/);
      const downloadPage = base + ((await page.locator('[data-qa="pdf-download"]').getAttribute('href')) ?? '').replace(/\/pdf$/, '');
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-qa="pdf-download"]').click()]);
      const file = await download.path();
      if (existsSync('/usr/bin/pdftotext')) {
        const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
        for (const n of numbers) assert.ok(text.includes(n), `PDF holds ${n}`);
        assert.match(text, /Wypełniający/);
        assert.match(text, /K-Dent/);
        assert.match(text, /wielkopolskie/);
      }
      await page.goto(downloadPage);
      assert.match((await page.locator('[data-qa="page-download"]').textContent()) ?? '', /Pobierz wniosek/);
      const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
      const attach = async (...files: { name: string; mimeType: string; buffer: Buffer }[]) => {
        await page.locator('#f-pliki').setInputFiles(files);
        await page.getByRole('button', { name: 'Załącz wybrane pliki' }).click();
        await page.waitForLoadState();
      };
      // "Usuń" asks on its own page; "Tak, usuń plik" brings the user back to this step with a notice
      const remove = async (name: string, answer: 'Nie' | 'Tak, usuń plik') => {
        // the hidden ": name" makes each link's name unique (Chromium reads it as "Usuń : name")
        await page.getByRole('link', { name: new RegExp(`^Usuń\\s*: ${name.replace(/\./g, '\\.')}$`) }).click();
        await page.waitForSelector('[data-qa="page-file-delete"]');
        assert.equal(await page.locator('[data-qa="page-file-delete"]').textContent(), `Czy na pewno chcesz usunąć plik „${name}”?`);
        await check('delete question');
        if (answer === 'Nie') await page.getByRole('link', { name: 'Nie', exact: true }).click();
        else await page.getByRole('button', { name: answer }).click();
        await page.waitForSelector('[data-qa="page-download"]');
      };
      // a refused file keeps the user on this step, with the error summary and "Zakończ"
      await attach({ name: 'zdjecie.jpg', mimeType: 'image/jpeg', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) });
      await page.waitForSelector('[data-qa="error-summary"]');
      assert.match(page.url(), /\/wnioski\/[^/?]+\?pliki=/);
      assert.match((await page.locator('[data-qa="error-summary"]').textContent()) ?? '', /Plik „zdjecie\.jpg” ma niedozwolony format/);
      assert.equal(await page.getByRole('button', { name: 'Zakończ' }).count(), 1);
      await check('download with a refused file');
      if (javaScriptEnabled) {
        // "Teraz załączę plik": the signed scan goes up now and waits for the malware scan
        await attach(pdf('Wniosek podpisany.pdf'), pdf('zbedny.pdf'));
        await page.waitForSelector('[data-qa="attachments"] li');
        assert.match((await page.locator('[data-qa="attachments"]').textContent()) ?? '', /Wniosek podpisany\.pdf \(PDF/);
        await clean(page, 'download with a file');
        await remove('zbedny.pdf', 'Tak, usuń plik');
        assert.equal(await page.locator('[data-qa="file-deleted"]').textContent(), 'Plik „zbedny.pdf” został usunięty.');
        await clean(page, 'download after a removal');
        await page.getByLabel('Teraz załączę plik').check();
      } else {
        // the plain form works without JavaScript, and so does the question before "Usuń"
        await attach(pdf('niepotrzebny.pdf'));
        await page.waitForSelector('[data-qa="attachments"] li');
        await remove('niepotrzebny.pdf', 'Nie');
        assert.match((await page.locator('[data-qa="attachments"]').textContent()) ?? '', /niepotrzebny\.pdf/);
        await remove('niepotrzebny.pdf', 'Tak, usuń plik');
        assert.equal(await page.locator('[data-qa="file-deleted"]').textContent(), 'Plik „niepotrzebny.pdf” został usunięty.');
        assert.equal(await page.locator('[data-qa="attachments"] li').count(), 0);
        await page.getByLabel('Później załączę plik lub wyślę go mailem').check();
      }
      await page.getByRole('button', { name: 'Zakończ' }).click();
      await page.waitForSelector('[data-qa="account-notice"]');
      for (const n of numbers) assert.equal(await page.locator(`[data-qa="request-${n.replace('/', '-')}"]`).count(), 1, `${n} in Oczekujące wnioski`);
      await check('after Zakończ');
    });
  }

  it('maria.wisniewska withdraws U000593/2023, requests another role, edits contact data and switches profiles', async () => {
    const page = await open();
    await signIn(page, base, 'maria.wisniewska', '+48 600 100 203', { axe: false });
    // pending requests without the signed file: the reminder comes first
    await page.waitForSelector('[data-qa="page-reminder"]');
    await clean(page, 'reminder');
    assert.match((await page.locator('[data-qa="reminder-list"]').textContent()) ?? '', /U000593\/2023[\s\S]*U000594\/2023/);
    await page.getByRole('button', { name: 'Przypomnij mi przy kolejnym logowaniu' }).click();
    // two active profiles: she picks one first
    await page.waitForSelector('[data-qa="page-account"]');
    await clean(page, 'Moje konto');
    const starostwo = page.locator('article', { has: page.getByText('Starostwo Powiatowe w Aleksandrowie Kujawskim', { exact: true }) }).first();
    await starostwo.locator('[data-qa="work-in-profile"]').click();
    await page.waitForSelector('[data-qa="current-profile"]');
    assert.match((await page.locator('[data-qa="current-profile"]').textContent()) ?? '', /Starostwo Powiatowe w Aleksandrowie Kujawskim/);
    await clean(page, 'home in a profile');
    // the top menu switches to the other profile
    await page.locator('[data-qa="user-menu"] summary').click();
    await page.getByLabel('Twoje aktywne profile').selectOption({ label: 'Centrum e-Zdrowia' });
    await page.getByRole('button', { name: 'Pracuj w tym profilu' }).click();
    await page.waitForSelector('[data-qa="current-profile"]');
    assert.match((await page.locator('[data-qa="current-profile"]').textContent()) ?? '', /Centrum e-Zdrowia/);

    // signed in, the public pages keep the user menu and the "SSOZ" logo leads home, not to the landing page
    await page.goto(base + '/pomoc');
    assert.equal(await page.locator('[data-qa="user-menu"]').count(), 1, 'user menu on Pomoc');
    await clean(page, 'Pomoc signed in');
    await page.locator('a.brand').click();
    await page.waitForSelector('[data-qa="page-home"]');
    assert.match((await page.locator('[data-qa="current-profile"]').textContent()) ?? '', /Centrum e-Zdrowia/);

    // withdraw U000593/2023
    await page.goto(base + '/moje-konto');
    const item = page.locator('[data-qa="request-U000593-2023"]');
    await item.locator('summary').first().click();
    await item.locator('[data-qa="withdraw"]').click();
    await page.waitForSelector('[data-qa="page-withdraw"]');
    await clean(page, 'withdraw confirmation');
    await page.getByRole('button', { name: 'Tak, wycofaj wniosek' }).click();
    await page.waitForSelector('[data-qa="account-notice"]');
    assert.equal(await page.locator('[data-qa="request-U000593-2023"]').count(), 0, 'no longer pending');
    assert.equal(await page.locator('[data-qa="request-U000594-2023"]').count(), 1);
    // "Zapisz wybór" is a button on one line, not a link squeezed into the checkbox column
    const other = page.locator('[data-qa="request-U000594-2023"]');
    await other.locator('summary').first().click();
    const save = other.getByRole('button', { name: /^Zapisz wybór/ });
    const box = await save.boundingBox();
    assert.ok(box && box.height <= 56 && box.width >= 100, `Zapisz wybór is ${box?.width}×${box?.height}`);

    // another role in the Starostwo profile
    await starostwo.locator('[data-qa="profile-details"] summary').click();
    await starostwo.getByRole('link', { name: 'Wnioskuj o inne role' }).click();
    await page.waitForSelector('[data-qa="page-roles"]');
    assert.match((await page.locator('[data-qa="held-roles"]').textContent()) ?? '', /Wypełniający sprawozdania finansowe/);
    await page.getByLabel('Wypełniający karty psychiatryczne', { exact: true }).check();
    await page.getByRole('button', { name: 'Dalej' }).click();
    await page.getByLabel('Potwierdzam zgodność danych ze stanem faktycznym').check();
    await page.getByRole('button', { name: 'Zapisz wniosek' }).click();
    await page.waitForSelector('[data-qa="page-download"]');
    assert.match((await page.locator('h1').textContent()) ?? '', /Pobierz wniosek/);
    assert.match(await page.title(), /Wniosek o nowe role do profilu/);

    // contact data of the Starostwo profile
    await page.goto(base + '/moje-konto');
    await starostwo.locator('[data-qa="profile-details"] summary').click();
    await starostwo.getByRole('link', { name: 'Edytuj dane kontaktowe' }).click();
    // with JavaScript the form opens in a dialog
    const dialog = page.getByRole('dialog', { name: 'Edycja danych kontaktowych użytkownika' });
    await dialog.waitFor();
    await clean(page, 'contact edit dialog');
    await dialog.getByLabel('Telefon').fill('54 282 20 00');
    await dialog.getByRole('button', { name: 'Zapisz' }).click();
    await page.waitForSelector('[data-qa="account-notice"]');
    // the profile stays open on "Dane kontaktowe użytkownika" with the saved values
    assert.equal(await starostwo.locator('[data-qa="profile-details"]').getAttribute('open'), '');
    assert.ok(await starostwo.getByText('+48 54 282 20 00', { exact: true }).isVisible(), 'the new phone number is shown');
    assert.match(page.url(), /#profil-[0-9a-f-]+-kontakt$/);
  });

  it('maria.wisniewska without JavaScript: switches profiles, withdraws U000594/2023, requests a role, edits contact data', async () => {
    const page = await open(false);
    await signIn(page, base, 'maria.wisniewska', '+48 600 100 203', { axe: false });
    await page.waitForSelector('[data-qa="page-account"], [data-qa="page-home"], [data-qa="page-reminder"]');
    if (await page.locator('[data-qa="page-reminder"]').count()) await page.getByRole('button', { name: 'Przypomnij mi przy kolejnym logowaniu' }).click();
    await page.waitForSelector('[data-qa="page-account"], [data-qa="page-home"]');
    await page.locator('[data-qa="user-menu"] summary').click();
    await page.getByLabel('Twoje aktywne profile').selectOption({ label: 'Centrum e-Zdrowia' });
    await page.getByRole('button', { name: 'Pracuj w tym profilu' }).click();
    assert.match((await page.locator('[data-qa="current-profile"]').textContent()) ?? '', /Centrum e-Zdrowia/);

    await page.goto(base + '/moje-konto');
    const item = page.locator('[data-qa="request-U000594-2023"]');
    await item.locator('summary').first().click();
    await item.locator('[data-qa="withdraw"]').click();
    await page.getByRole('button', { name: 'Tak, wycofaj wniosek' }).click();
    await page.waitForSelector('[data-qa="account-notice"]');
    assert.equal(await page.locator('[data-qa="request-U000594-2023"]').count(), 0);

    const cez = page.locator('article', { has: page.getByText('Centrum e-Zdrowia', { exact: true }) }).first();
    await cez.locator('[data-qa="profile-details"] summary').click();
    await cez.getByRole('link', { name: 'Wnioskuj o inne role' }).click();
    await page.waitForSelector('[data-qa="page-roles"]');
    await page.getByLabel('Administrator CeZ', { exact: true }).check();
    await page.getByRole('button', { name: 'Dalej' }).click();
    await page.getByLabel('Potwierdzam zgodność danych ze stanem faktycznym').check();
    await page.getByRole('button', { name: 'Zapisz wniosek' }).click();
    await page.waitForSelector('[data-qa="page-download"]');

    await page.goto(base + '/moje-konto');
    await cez.locator('[data-qa="profile-details"] summary').click();
    await cez.getByRole('link', { name: 'Edytuj dane kontaktowe' }).click();
    await page.waitForSelector('[data-qa="page-contact-edit"]');
    await page.getByLabel('E-mail').fill('zly-adres');
    await page.getByRole('button', { name: 'Zapisz' }).click();
    await page.waitForSelector('[data-qa="error-summary"]');
    await page.getByLabel('E-mail').fill('maria.wisniewska@cez.example.pl');
    await page.getByRole('button', { name: 'Zapisz' }).click();
    await page.waitForSelector('[data-qa="account-notice"]');
    assert.ok(await cez.getByText('maria.wisniewska@cez.example.pl', { exact: true }).isVisible(), 'open on the saved values without JavaScript too');
  });
});
