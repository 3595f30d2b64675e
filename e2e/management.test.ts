import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { TestApp } from '../test/helpers/app.ts';
import { browserSuite } from './helpers/suite.ts';
import { clean, mail, signIn } from './helpers/journeys.ts';
import { eq } from 'drizzle-orm';
import { profiles, roleRequests } from '../src/db/schema/index.ts';
import { createSession } from '../src/portal/session/store.ts';

/** The value of one row of a summary list ("E-mail" in "Wnioskujący"). */
async function summaryValue(page: Page, qa: string, label: string): Promise<string> {
  return (
    (await page
      .locator(`[data-qa="${qa}"] div`, { has: page.locator(`dt:text-is("${label}")`) })
      .locator('dd')
      .first()
      .textContent()) ?? ''
  ).trim();
}

/** A portal session for the applicant of a request (demo applicants cannot sign in with Profil Zaufany). */
async function sessionOfApplicant(t: TestApp, number: string): Promise<string> {
  const [row] = await t.database.db
    .select({ userId: profiles.userId })
    .from(roleRequests)
    .innerJoin(profiles, eq(profiles.id, roleRequests.profileId))
    .where(eq(roleRequests.number, number));
  if (!row) throw new Error(`no request ${number}`);
  return (await createSession(t.database.db, { userId: row.userId, now: new Date() })).rawId;
}

describe('Zarządzanie → Wnioski o role in Chromium', () => {
  const suite = browserSuite();

  for (const javaScriptEnabled of [true, false]) {
    it(`tomasz.lewandowski approves a request with ${javaScriptEnabled ? 'a safe file' : 'a confirmed paper copy'} and rejects another with a reason; the applicants' Moje konto shows both (${javaScriptEnabled ? 'with' : 'without'} JavaScript)`, async () => {
      const page = await suite.open(javaScriptEnabled);
      // axe runs in the page: with JavaScript off it cannot, and the same pages were checked in the run with it
      const check = async (label: string) => {
        if (javaScriptEnabled) await clean(page, label);
      };
      await signIn(page, suite.base, 'tomasz.lewandowski', '+48 600 100 204', { axe: false });
      await page.waitForSelector('[data-qa="page-home"]');
      await check('home with the Zarządzanie tile');
      const tile = page.locator('[data-qa="module-tiles"] section', { has: page.getByRole('heading', { name: 'Zarządzanie' }) });
      assert.match((await tile.textContent()) ?? '', /Wnioski o role/);
      const waitingBefore = Number(await tile.locator('[data-qa="tile-waiting"] strong').textContent());
      assert.ok(waitingBefore >= 2, 'the demo queue waits for him');

      await tile.getByRole('link', { name: 'Przejdź do modułu Zarządzanie' }).click();
      await page.waitForSelector('[data-qa="page-management"]');
      await check('the Zarządzanie page');
      await page.locator('[data-qa="management-submodules"]').getByRole('link', { name: 'Wnioski o role' }).click();
      await page.waitForSelector('[data-qa="page-management-queue"]');
      await check('request queue');
      // his voivodeship's units only
      const units = await page.locator('[data-qa="queue-table"] td[data-label="Jednostka"]').allTextContents();
      assert.ok(units.length >= 2);
      for (const u of units) assert.match(u, /kujawsko-pomorskie/);

      // with JavaScript: approve the one whose signed application is a safe file in the system (the demo has one);
      // without: one whose signed copy was sent by post, the verifier confirming it arrived
      const signed = javaScriptEnabled ? 'plik' : 'poczta';
      await page.getByLabel('Podpisany wniosek').selectOption(signed);
      await page.getByRole('button', { name: 'Filtruj' }).click();
      await page.waitForURL(new RegExp(`podpis=${signed}`));
      await page.locator('[data-qa="queue-table"] tbody tr').first().getByRole('link').click();
      await page.waitForSelector('[data-qa="page-management-request"]');
      await check('request detail');
      const approvedNumber = ((await page.locator('h1').textContent()) ?? '').replace('Wniosek ', '').trim();
      const approvedEmail = await summaryValue(page, 'applicant', 'E-mail');
      if (javaScriptEnabled) {
        // the safe file is listed for download and is enough: no confirmation needed
        const files = page.locator('[data-qa="safe-files"]');
        assert.ok((await files.getByRole('link').count()) >= 1, 'the safe file is listed with a download link');
        const download = await page.request.get(new URL((await files.getByRole('link').first().getAttribute('href')) ?? '', suite.base).toString());
        assert.equal(download.status(), 200);
        assert.equal(download.headers()['content-type'], 'application/pdf');
      } else {
        await page.getByRole('button', { name: 'Zatwierdź' }).click();
        await page.waitForSelector('[data-qa="error-summary"]');
        assert.match((await page.locator('[data-qa="error-summary"]').textContent()) ?? '', /Zaznacz, że podpisany wniosek dotarł/);
        await page.getByLabel('Potwierdzam, że podpisany wniosek dotarł pocztą lub e-mailem').check();
      }
      await page.getByRole('button', { name: 'Zatwierdź' }).click();
      await page.waitForSelector('[data-qa="decision-notice"]');
      assert.match((await page.locator('[data-qa="decision-notice"]').textContent()) ?? '', new RegExp(`Wniosek ${approvedNumber} został zatwierdzony`));
      assert.equal(await summaryValue(page, 'request-summary', 'Status'), 'Zatwierdzony');
      await check('approved request');

      // reject one without a signed application, with a reason
      await page.goto(`${suite.base}/zarzadzanie/wnioski?podpis=brak`);
      await page.locator('[data-qa="queue-table"] tbody tr').first().getByRole('link').click();
      await page.waitForSelector('[data-qa="page-management-request"]');
      const rejectedNumber = ((await page.locator('h1').textContent()) ?? '').replace('Wniosek ', '').trim();
      const rejectedEmail = await summaryValue(page, 'applicant', 'E-mail');
      await page.getByRole('button', { name: 'Odrzuć' }).click();
      await page.waitForSelector('[data-qa="error-summary"]');
      await check('rejection without a reason');
      await page.getByLabel('Powód odrzucenia').fill('Brak pieczęci jednostki na wniosku');
      await page.getByRole('button', { name: 'Odrzuć' }).click();
      await page.waitForSelector('[data-qa="decision-notice"]');
      assert.equal(await summaryValue(page, 'request-summary', 'Status'), 'Odrzucony');
      assert.equal(await summaryValue(page, 'request-summary', 'Powód odrzucenia'), 'Brak pieczęci jednostki na wniosku');
      await check('rejected request');

      // the demo mailbox holds both e-mails
      await mail(
        suite.base,
        approvedEmail,
        new RegExp(`Miło nam poinformować, że wniosek o rolę o numerze ${approvedNumber.replace('/', '\\/')} został zaakceptowany`),
      );
      await mail(
        suite.base,
        rejectedEmail,
        new RegExp(`wniosek o rolę o numerze ${rejectedNumber.replace('/', '\\/')} został odrzucony[\\s\\S]*Brak pieczęci jednostki na wniosku`),
      );
      await page.goto(`${suite.base}/dev/poczta`);
      const box = (await page.locator('main').textContent()) ?? '';
      assert.ok(box.includes(`Wniosek o rolę ${approvedNumber} został zaakceptowany`), 'approval in the mailbox');
      assert.ok(box.includes(`Wniosek o rolę ${rejectedNumber} został odrzucony`), 'rejection in the mailbox');

      // each applicant's Moje konto shows the outcome (the demo applicants have no Profil Zaufany account: a session is written for them)
      for (const [number, outcome] of [
        [approvedNumber, 'approved'],
        [rejectedNumber, 'rejected'],
      ] as const) {
        const applicant = await suite.context(javaScriptEnabled);
        await applicant.addCookies([{ name: 'ssoz-sid', value: await sessionOfApplicant(suite.t, number), url: suite.base }]);
        const own = await applicant.newPage();
        await own.goto(`${suite.base}/moje-konto`);
        const text = (await own.locator('main').textContent()) ?? '';
        assert.ok(text.includes(number), `${number} in the applicant's Moje konto`);
        if (outcome === 'rejected')
          assert.match((await own.locator(`[data-qa="reject-reason-${number}"]`).textContent()) ?? '', /Brak pieczęci jednostki na wniosku/);
        else assert.equal(await own.locator(`[data-qa="reject-reason-${number}"]`).count(), 0);
        if (javaScriptEnabled) await clean(own, `applicant's Moje konto (${outcome})`);
      }

      // the tile counts two fewer
      await page.goto(`${suite.base}/start`);
      assert.equal(Number(await page.locator('[data-qa="tile-waiting"] strong').textContent()), waitingBefore - 2);
      // and the top menu leads to the module
      await page.locator('[data-qa="user-menu"] summary').click();
      await page.locator('[data-qa="menu-management"]').click();
      await page.waitForSelector('[data-qa="management-submodules"]');
      await page.getByRole('link', { name: 'Wnioski o role' }).click();
      await page.waitForSelector('[data-qa="page-management-queue"]');
    });
  }

  it('katarzyna.dabrowska (Administrator IPIN) sees psychiatric-card requests only, from every voivodeship (axe)', async () => {
    const page = await suite.open(true);
    await signIn(page, suite.base, 'katarzyna.dabrowska', '+48 600 100 206', { axe: false });
    await page.waitForSelector('[data-qa="page-home"]');
    await page.goto(`${suite.base}/zarzadzanie/wnioski?status=wszystkie`);
    await page.waitForSelector('[data-qa="page-management-queue"]');
    await clean(page, 'IPIN queue');
    const roles = await page.locator('[data-qa="queue-table"] td[data-label="Wnioskowana rola"]').allTextContents();
    assert.ok(roles.length >= 2, 'the demo queue waits for her');
    for (const r of roles) assert.equal(r.trim(), 'Wypełniający karty psychiatryczne');
    const units = await page.locator('[data-qa="queue-table"] td[data-label="Jednostka"]').allTextContents();
    assert.ok(new Set(units.map((u) => /, ([^,)]+)\)\s*$/.exec(u.trim())?.[1] ?? u)).size >= 2, 'from more than one voivodeship');
  });

  it('ewa.kaminska (Nadzorujący) sees no management module', async () => {
    const page = await suite.open(true);
    await signIn(page, suite.base, 'ewa.kaminska', '+48 600 100 205', { axe: false });
    await page.waitForSelector('[data-qa="page-home"]');
    assert.equal(await page.getByRole('heading', { name: 'Zarządzanie' }).count(), 0);
    assert.equal(await page.locator('[data-qa="menu-management"]').count(), 0);
    for (const path of ['/zarzadzanie', '/zarzadzanie/wnioski']) {
      const res = await page.goto(`${suite.base}${path}`);
      assert.equal(res?.status(), 403, path);
    }
  });
});
