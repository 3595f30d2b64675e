import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import type { TestApp } from '../test/helpers/app.ts';
import { launchBrowser } from './helpers/browser.ts';
import { activateByLink, clean, logout, mail, signIn } from './helpers/journeys.ts';
import { startServer } from './helpers/servers.ts';

describe('login journeys in Chromium (built-in UEOZ)', () => {
  let t: TestApp;
  let base = '';
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const open = async (javaScriptEnabled = true) => {
    const c = await browser.newContext({ javaScriptEnabled });
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

  it('jan.kowalski: straight to the portal home, then "Wyloguj się"', async () => {
    const page = await open();
    await signIn(page, base, 'jan.kowalski', '+48 600 100 202', { axe: true });
    await page.waitForSelector('[data-qa="page-home"]');
    assert.match((await page.locator('h1').textContent()) ?? '', /Witaj w Systemie Statystyki w Ochronie Zdrowia/);
    await clean(page, 'home');
    await logout(page);
    await clean(page, 'landing after logout');
  });

  it('jan.kowalski without JavaScript: the same journey works', async () => {
    const page = await open(false);
    await signIn(page, base, 'jan.kowalski', '+48 600 100 202', { axe: false });
    await page.waitForSelector('[data-qa="page-home"]');
    await logout(page);
    // the UEOZ session ended with the portal's: signing in again asks for Profil Zaufany
    await page.goto(base + '/logowanie');
    await page.waitForSelector('[data-qa="page-ueoz-login"]');
  });

  it('a wrong code three times needs a new code', async () => {
    const page = await open();
    await page.goto(base + '/logowanie');
    await page.getByRole('link', { name: 'Profil Zaufany' }).click();
    await page.getByLabel('Nazwa użytkownika lub adres e-mail').fill('ewa.kaminska');
    await page.getByLabel('Hasło').fill('Demo-2026!');
    await page.getByRole('button', { name: 'Zaloguj się' }).click();
    await page.waitForSelector('[data-qa="page-pz-code"]');
    for (const left of ['2', '1']) {
      await page.getByLabel('Kod autoryzacyjny').fill('000000');
      await page.getByRole('button', { name: 'Potwierdź' }).click();
      assert.match((await page.locator('[data-qa="notice-error"]').textContent()) ?? '', new RegExp(`Pozostało prób: ${left}`));
    }
    await page.getByLabel('Kod autoryzacyjny').fill('000000');
    await page.getByRole('button', { name: 'Potwierdź' }).click();
    assert.match((await page.locator('[data-qa="notice-error"]').textContent()) ?? '', /Wyślij nowy kod/);
    await clean(page, 'code page with error');
  });

  it('anna.nowak: Z02 → new account → update → activation link → welcome screen', async () => {
    const page = await open();
    await signIn(page, base, 'anna.nowak', '+48 600 100 200', { axe: true });
    await page.waitForSelector('[data-qa="page-z02"]', { timeout: 30_000 });
    await clean(page, 'Z02');
    assert.match((await page.locator('[data-qa="event-number"]').textContent()) ?? '', /^MIGRATION_\d{13}$/);
    assert.equal(await page.locator('[data-qa="event-code"]').textContent(), 'Z02');
    await page.getByRole('button', { name: 'Utwórz nowe konto bez migracji' }).click();
    await page.waitForSelector('[data-qa="page-update-account"]');
    await clean(page, 'update account');
    await page.getByLabel('Login').fill('anowak');
    await page.locator('#f-email').fill('anna.nowak@example.pl');
    await page.getByLabel('Powtórz e-mail').fill('anna.nowak@example.pl');
    await page.getByRole('button', { name: 'Zapisz' }).click();
    await page.waitForSelector('[data-qa="error-summary"]');
    assert.match((await page.locator('[data-qa="error-summary"]').textContent()) ?? '', /Warunki korzystania z serwisu/);
    await clean(page, 'update account with errors');
    await page.getByLabel('Znam Warunki korzystania z serwisu').check();
    await page.getByRole('button', { name: 'Zapisz' }).click();
    await page.waitForSelector('[data-qa="page-activate"]');
    await clean(page, 'activate');
    const link = (await mail(base, 'anna.nowak@example.pl', /(http:\/\/\S+\/ueoz\/aktywuj\?token=[\w-]+)/))[1] ?? '';
    await activateByLink(page, link);
    await page.waitForSelector('[data-qa="page-welcome"]');
    await clean(page, 'welcome');
    await page.goto(link);
    await page.waitForSelector('[data-qa="activation-used"]');
    await clean(page, 'reused link');
  });

  it('piotr.zielinski: migration finds his ePŁOZ account, then he transfers goz.piotrowice from SSOZ I', async () => {
    const page = await open();
    await signIn(page, base, 'piotr.zielinski', '+48 600 100 201', { axe: false });
    await page.waitForSelector('[data-qa="page-update-account"]', { timeout: 30_000 });
    assert.equal(await page.getByLabel('Login').inputValue(), 'pzielinski');
    assert.equal(await page.locator('#f-email').inputValue(), 'piotr.zielinski@example.pl');
    await page.getByLabel('Powtórz e-mail').fill('piotr.zielinski@example.pl');
    await page.getByLabel('Znam Warunki korzystania z serwisu').check();
    await page.getByRole('button', { name: 'Zapisz' }).click();
    await page.waitForSelector('[data-qa="page-activate"]');
    const link = (await mail(base, 'piotr.zielinski@example.pl', /(http:\/\/\S+\/ueoz\/aktywuj\?token=[\w-]+)/))[1] ?? '';
    await activateByLink(page, link);
    await page.waitForSelector('[data-qa="page-welcome"]');
    await page.getByRole('link', { name: 'Przenoszę uprawnienia z SSOZ I' }).click();
    await page.waitForSelector('[data-qa="page-transfer-login"]');
    await clean(page, 'transfer step 1');
    await page.getByLabel('Login konta SSOZ I').fill('goz.piotrowice');
    await page.getByLabel('Hasło konta SSOZ I').fill('zle-haslo');
    await page.getByRole('button', { name: 'Dalej' }).click();
    await page.waitForSelector('[data-qa="error-summary"]');
    await clean(page, 'transfer step 1 with errors');
    await page.getByLabel('Hasło konta SSOZ I').fill('Ssoz1-Demo!');
    await page.getByRole('button', { name: 'Dalej' }).click();
    await page.waitForSelector('[data-qa="page-transfer-summary"]');
    await clean(page, 'transfer summary');
    assert.match((await page.locator('[data-qa="carried-roles"]').textContent()) ?? '', /Wypełniający sprawozdania finansowe/);
    await page.getByLabel('Telefon').fill('+48 600 100 201');
    await page.getByRole('button', { name: 'Zakończ' }).click();
    await page.waitForSelector('[data-qa="page-home"]');
    assert.match((await page.locator('[data-qa="current-profile"]').textContent()) ?? '', /Gminny Ośrodek Zdrowia w Piotrowicach/);
    await clean(page, 'home after transfer');
  });

  it('pages of unusual states are accessible too', async () => {
    const page = await open();
    for (const [path, qa] of [
      ['/ueoz/logowanie/nieistniejaca-interakcja', 'page-interaction-expired'],
      ['/ueoz/aktywuj?token=zly-token-aktywacyjny-0123456789', 'activation-invalid'],
      ['/sesja-wygasla', null],
      ['/ueoz/oidc/auth?client_id=nieznany', null],
    ] as const) {
      await page.goto(base + path);
      if (qa) await page.waitForSelector(`[data-qa="${qa}"]`);
      assert.equal(await page.locator('h1').count(), 1, path);
      await clean(page, path);
    }
  });

  it('two minutes before the timeout a warning offers "Przedłuż sesję"', async () => {
    const page = await open();
    await page.clock.install();
    await signIn(page, base, 'maria.wisniewska', '+48 600 100 203', { axe: false });
    await page.waitForSelector('[data-qa="page-home"], [data-qa="page-account"], [data-qa="page-reminder"]');
    const dialog = page.locator('[data-qa="session-timeout"]');
    assert.equal(await dialog.isVisible(), false);
    // both clocks move 28.5 minutes: the server's session and the page's timers
    t.clock.now = new Date(t.clock.now.getTime() + 28.5 * 60_000);
    await page.clock.fastForward('28:30');
    await dialog.waitFor({ state: 'visible' });
    await clean(page, 'session warning');
    await page.getByRole('button', { name: 'Przedłuż sesję' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const status = (await (await page.context().request.get(base + '/sesja/status')).json()) as { active: boolean; secondsLeft: number };
    assert.equal(status.active, true);
    assert.ok(status.secondsLeft > 29 * 60, `extended: ${status.secondsLeft}s left`);
  });

  it('30 minutes without activity end the session ("Sesja wygasła")', async () => {
    const page = await open();
    await signIn(page, base, 'katarzyna.dabrowska', '+48 600 100 206', { axe: false });
    await page.waitForSelector('[data-qa="page-home"]');
    t.clock.now = new Date(t.clock.now.getTime() + 31 * 60_000);
    await page.goto(base + '/start');
    assert.match((await page.locator('h1').textContent()) ?? '', /Sesja wygasła/);
    await clean(page, 'session expired');
  });
});

describe('an external identity provider (the built-in one on its own port, with its own client)', () => {
  let idp: { t: TestApp; base: string };
  let portal: { t: TestApp; base: string };
  let browser: Browser;
  before(async () => {
    const { freePort } = await import('./helpers/servers.ts');
    const portalPort = await freePort();
    idp = await startServer({
      host: 'localhost',
      env: { UEOZ_CLIENT_ID: 'portal-zewnetrzny', UEOZ_CLIENT_SECRET: 'sekret-klienta-testowego', UEOZ_CLIENT_URL: `http://127.0.0.1:${portalPort}` },
    });
    portal = await startServer({
      port: portalPort,
      env: {
        OIDC_ISSUER: `${idp.base}/ueoz/oidc`,
        OIDC_CLIENT_ID: 'portal-zewnetrzny',
        OIDC_CLIENT_SECRET: 'sekret-klienta-testowego',
      },
    });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await portal?.t.close();
    await idp?.t.close();
  });

  it('the portal does not start its own provider and signs in through the external one', async () => {
    assert.equal((await fetch(`${portal.base}/ueoz/oidc/.well-known/openid-configuration`)).status, 404);
    const context = await browser.newContext();
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    const res = await page.goto(portal.base + '/logowanie');
    assert.ok(page.url().startsWith(`${idp.base}/ueoz/logowanie/`), `${page.url()} ${res?.status()} ${(await page.content()).slice(0, 300)}`);
    await page.getByRole('link', { name: 'Profil Zaufany' }).click();
    await page.getByLabel('Nazwa użytkownika lub adres e-mail').fill('tomasz.lewandowski');
    await page.getByLabel('Hasło').fill('Demo-2026!');
    await page.getByRole('button', { name: 'Zaloguj się' }).click();
    await page.waitForSelector('[data-qa="page-pz-code"]');
    const code = (await mail(idp.base, '+48 600 100 204', /\(demo\): (\d{6})/))[1] ?? '';
    await page.getByLabel('Kod autoryzacyjny').fill(code);
    await page.getByRole('button', { name: 'Potwierdź' }).click();
    await page.waitForURL((u) => !u.pathname.endsWith('/kod'));
    await page.waitForLoadState();
    assert.ok(page.url().startsWith(`${portal.base}/`), `${page.url()} ${(await page.content()).replace(/.*<main/s, '').slice(0, 400)}`);
    await page.waitForSelector('[data-qa="page-home"], [data-qa="page-welcome"]');
    assert.match((await page.locator('[data-qa="user-menu"]').textContent()) ?? '', /Tomasz Lewandowski/);
    await context.close();
  });
});
