import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { reports } from '../src/db/schema/index.ts';
import { exampleValues } from '../src/demo/report-examples.ts';
import { currentReportingYear } from '../src/domain/reporting/catalogue.ts';
import { warsawDay } from '../src/lib/warsaw-time.ts';
import { axeViolations } from './helpers/browser.ts';
import { signIn } from './helpers/journeys.ts';
import { browserSuite, type BrowserSuite } from './helpers/suite.ts';

/**
 * The reporting journey of issue 10 in Chromium on the demo data, as test/integration/reporting-workflow
 * does it over HTTP: robert.szymanski (filler, Przychodnia „Starówka” w Toruniu) answers the ankieta,
 * fills MZ-11 with a rule error (R09) and a year-on-year warning (R15), is refused, fixes and explains,
 * sends; zofia.nowicka (the voivodeship office) returns it with a comment on a cell; robert corrects
 * and sends again; zofia and then jan.kowalski (CeZ) approve. Once with JavaScript, once without, each
 * on its own app; axe-core on every kind of page of the journey in both runs.
 */

const ROBERT = { login: 'robert.szymanski', phone: '+48 600 100 207' };
const ZOFIA = { login: 'zofia.nowicka', phone: '+48 600 100 208' };
const JAN = { login: 'jan.kowalski', phone: '+48 600 100 202' };
const UNIT = 'Przychodnia Lekarska „Starówka” w Toruniu';
const EXPLANATION = 'Rozszerzenie umowy z NFZ o poradnię kardiologiczną.';
const CELL_COMMENT = 'Porady ogółem wzrosły czterokrotnie — sprawdź.';

const text = async (page: Page, selector: string): Promise<string> => ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

/**
 * axe-core on the page as the server sent it, also when the page's context runs no JavaScript (axe
 * itself cannot run there): the DOM is loaded at the same address in a context with JavaScript, with the
 * portal's own script held back so nothing changes it, the stylesheet from the server.
 */
async function axeOnStaticCopy(checker: BrowserContext, page: Page): Promise<string[]> {
  const url = page.url().split('#')[0]!;
  const html = await page.content();
  const copy = await checker.newPage();
  const problems: string[] = [];
  let served = 0;
  await copy.route('**/*', async (route) => {
    const req = route.request();
    if (req.isNavigationRequest()) {
      // only the copy itself: anything else would be the server's answer to a request without the session
      if (req.url() !== url || served++ > 0) {
        problems.push(`unexpected navigation to ${req.url()}`);
        return route.abort();
      }
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    }
    if (new URL(req.url()).pathname.endsWith('.js')) return route.fulfill({ status: 200, contentType: 'text/javascript', body: '' });
    return route.continue();
  });
  copy.on('response', (res) => {
    if (res.status() >= 400) problems.push(`${res.status()} ${res.url()}`);
  });
  copy.on('requestfailed', (req) => problems.push(`failed ${req.url()}`));
  try {
    await copy.goto(url);
    assert.equal(await copy.title(), await page.title(), 'the copy is the page');
    const violations = await axeViolations(copy);
    assert.deepEqual(problems, [], 'the copy loaded with its stylesheet and nothing else');
    return violations;
  } finally {
    await copy.close();
  }
}

/** Types the values into the section's form by the cells' field names (radios, selects, inputs, text areas). */
async function fillSection(page: Page, values: Record<string, string>): Promise<void> {
  const fields = await page
    .locator('form[action*="/dzial/"] [name^="D"]')
    .evaluateAll((els) => els.map((e) => ({ name: e.getAttribute('name') ?? '', tag: e.tagName, type: e.getAttribute('type') ?? '' })));
  assert.ok(fields.length > 0, 'the section has cells');
  const done = new Set<string>();
  for (const f of fields) {
    if (done.has(f.name)) continue;
    done.add(f.name);
    const v = values[f.name] ?? '';
    const sel = `form[action*="/dzial/"] [name="${f.name}"]`;
    if (f.type === 'radio') await page.locator(`${sel}[value="${v}"]`).check();
    else if (f.tag === 'SELECT') await page.locator(sel).selectOption(v);
    else await page.locator(sel).fill(v);
  }
}

function journey(javaScriptEnabled: boolean): void {
  const mode = javaScriptEnabled ? 'with JavaScript' : 'without JavaScript';
  describe(`Sprawozdania niefinansowe in Chromium ${mode}: ankieta → MZ-11 → zwrot z uwagą do komórki → korekta → zatwierdzenie`, () => {
    const suite: BrowserSuite = browserSuite();
    let robert: Page;
    let zofia: Page;
    let reportId = '';
    let checker: BrowserContext | undefined;
    const checked: string[] = [];

    const check = async (page: Page, label: string) => {
      checked.push(label);
      if (javaScriptEnabled) {
        assert.deepEqual(await axeViolations(page), [], `axe on ${label}`);
        return;
      }
      checker ??= await suite.context(true);
      assert.deepEqual(await axeOnStaticCopy(checker, page), [], `axe on ${label} (as served, no JavaScript)`);
    };
    // the steps are one journey: after a failed step the next ones stop at once instead of timing out
    let broken = '';
    const step = (name: string, fn: () => Promise<void>): void => {
      it(name, async () => {
        assert.equal(broken, '', `an earlier step failed: ${broken}`);
        try {
          await fn();
        } catch (e) {
          broken = name;
          throw e;
        }
      });
    };
    const row = async () => (await suite.t.database.db.select().from(reports).where(eq(reports.id, reportId)))[0]!;
    const base1 = exampleValues('MZ-11', 1);

    step('robert is sent to the ankieta, is told to answer, answers „Tak” and finds MZ-11 and MZ-88 to fill', async () => {
      robert = await suite.open(javaScriptEnabled);
      await signIn(robert, suite.base, ROBERT.login, ROBERT.phone, { axe: false });
      await robert.waitForSelector('[data-qa="page-survey"]');
      assert.match(new URL(robert.url()).pathname, /^\/sprawozdania\/ankieta$/);
      assert.match(await text(robert, 'h1'), /^Ankieta przypisująca sprawozdania na rok \d{4}$/);
      assert.match(await text(robert, '.lead'), /Przychodnia Lekarska „Starówka” w Toruniu/);

      await robert.locator('[data-qa="survey-save"]').click();
      await robert.waitForSelector('[data-qa="error-summary"]');
      assert.match(await text(robert, '[data-qa="error-summary"]'), /Wybierz odpowiedź „Tak” albo „Nie”/);
      assert.match(await text(robert, '.field__error'), /Wybierz odpowiedź „Tak” albo „Nie”/);
      await check(robert, 'ankieta with errors');

      await robert.getByLabel('Tak', { exact: true }).check();
      await robert.locator('[data-qa="survey-save"]').click();
      await robert.waitForSelector('[data-qa="page-reports"]');
      assert.match(await text(robert, '[data-qa="reports-notice"]'), /ankieta została zapisana, a sprawozdania przypisane jednostce/);
      // this year's reports (last year's, approved, are listed too)
      const year = String(currentReportingYear(warsawDay(suite.t.clock.now)));
      const thisYear = robert.locator('[data-qa^="report-row-"]', { has: robert.locator(`td[data-label="Rok"]:text-is("${year}")`) });
      const forms = (await thisYear.locator('abbr').allTextContents()).map((s) => s.trim()).sort();
      assert.deepEqual(forms, ['MZ-11', 'MZ-88'], 'MZ-11 from the answer, MZ-88 from the kind of unit');
      await check(robert, 'report list');
      // an unknown result in the address is no notice (it was a 500 for names of Object's prototype)
      for (const wynik of ['constructor', 'toString', 'nieznany']) {
        const res = await robert.goto(`${suite.base}/sprawozdania/niefinansowe?wynik=${wynik}`);
        assert.equal(res?.status(), 200, `?wynik=${wynik}`);
        assert.equal(await robert.locator('[data-qa="reports-notice"]').count(), 0);
      }

      const mz11 = thisYear.filter({ has: robert.locator('abbr', { hasText: /^MZ-11$/ }) });
      reportId = ((await mz11.getAttribute('data-qa')) ?? '').replace('report-row-', '');
      assert.match(await text(robert, `[data-qa="report-row-${reportId}"] [data-qa="report-status"]`), /^Do wypełnienia$/);
      assert.equal((await row()).status, 'do_wypelnienia');
    });

    step('robert fills MZ-11 section by section; a value that does not fit is refused at its cell', async () => {
      await robert.locator(`[data-qa="report-row-${reportId}"]`).getByRole('link', { name: UNIT }).click();
      await robert.waitForSelector('[data-qa="page-report"]');
      await robert.getByRole('link', { name: 'Dział 0. Informacje ogólne' }).click();
      await robert.waitForSelector('[data-qa="page-report-section"]');

      // Dział 0 with a number of days that is not a number: the summary, the message at the cell, the typed text kept
      await fillSection(robert, { ...base1, 'D0.02': 'dużo' });
      await robert.locator('[data-qa="section-save"]').click();
      await robert.waitForSelector('[data-qa="error-summary"]');
      assert.match(await text(robert, '[data-qa="error-summary"]'), /Nie zapisano działu/);
      assert.ok((await robert.locator('#cell-D0-02-error').count()) === 1, 'the message sits at the cell');
      assert.equal(await robert.locator('#cell-D0-02').inputValue(), 'dużo');
      assert.equal(await robert.locator('#cell-D0-02').getAttribute('aria-invalid'), 'true');
      await check(robert, 'section form with an error');
      assert.deepEqual((await row()).values, {}, 'nothing saved');

      // every section: Dział 1 four times last year (R15), D3.01.1 one more than the sum of its rows (R09)
      const sections = ['D0', 'D1', 'D2', 'D3'];
      for (const s of sections) {
        assert.match(new URL(robert.url()).pathname, new RegExp(`/dzial/${s}$`));
        const values = s === 'D1' ? exampleValues('MZ-11', 4) : { ...base1 };
        if (s === 'D3') values['D3.01.1'] = String(Number(base1['D3.01.1']) + 1);
        await fillSection(robert, values);
        if (s === 'D3') await robert.locator('[data-qa="section-save-check"]').click();
        else {
          await robert.locator('[data-qa="section-save-next"]').click();
          await robert.waitForSelector('[data-qa="section-notice"]');
          assert.match(await text(robert, '[data-qa="section-notice"]'), /Dział został zapisany/);
        }
      }
      await robert.waitForSelector('[data-qa="page-report-submit"]');
      const r = await row();
      assert.equal(r.status, 'w_trakcie');
      assert.equal(r.values['D1.01.1'], exampleValues('MZ-11', 4)['D1.01.1']);
      assert.equal(r.values['D3.01.1'], String(Number(base1['D3.01.1']) + 1));
      assert.equal(r.values['D0.01'], 'T');
    });

    step('"Sprawdź" lists R09 and R15; sending is refused until D3 is fixed and the warning explained', async () => {
      assert.match(await text(robert, '[data-qa="rule-results-blad"]'), /R09/);
      assert.match(await text(robert, '[data-qa="rule-results-ostrzezenie"]'), /R15/);
      assert.equal(await robert.locator('[data-qa="error-summary"]').count(), 0, 'nothing refused yet');
      await check(robert, 'submit page with results');

      await robert.locator('[data-qa="report-submit"]').click();
      await robert.waitForSelector('[data-qa="error-summary"]');
      const summary = await text(robert, '[data-qa="error-summary"]');
      assert.match(summary, /Sprawozdania nie można wysłać/);
      assert.match(summary, /R09: Liczba pracujących ogółem/);
      assert.match(summary, /R15: Wpisz wyjaśnienie ostrzeżenia/);
      await check(robert, 'submit page refused');
      assert.equal((await row()).status, 'w_trakcie', 'an error blocks sending');

      // the rule's link leads to the cell on its section's page
      await robert.locator('[data-qa="rule-results-blad"] a', { hasText: 'R09' }).click();
      await robert.waitForSelector('[data-qa="page-report-section"]');
      assert.match(robert.url(), /\/dzial\/D3#cell-D3-01-1$/);
      await robert.locator('#cell-D3-01-1').fill(base1['D3.01.1']!);
      await robert.locator('[data-qa="section-save-check"]').click();
      await robert.waitForSelector('[data-qa="page-report-submit"]');
      assert.equal(await robert.locator('[data-qa="rule-results-blad"] li[id^="rule-"]').count(), 0, 'no error left');
      assert.match(await text(robert, '[data-qa="rule-results-ostrzezenie"]'), /R15/);
      await robert.getByLabel('Wyjaśnienie ostrzeżenia R15').fill(EXPLANATION);
      await robert.locator('[data-qa="report-submit"]').click();
      await robert.waitForSelector('[data-qa="report-notice"]');
      assert.match(await text(robert, '[data-qa="report-notice"]'), /wysłane do weryfikacji/);
      assert.match(await text(robert, '[data-qa="report-status"]'), /^Do weryfikacji$/);
      assert.equal(await robert.locator('[data-qa="fill-actions"]').count(), 0, 'read-only to the filler now');
      const r = await row();
      assert.equal(r.status, 'do_weryfikacji');
      assert.equal(r.pendingLevel, 0);
      assert.deepEqual(r.explanations, { R15: EXPLANATION });
    });

    step('zofia sees it waiting on her home page and returns it with a comment on D1.01.1', async () => {
      zofia = await suite.open(javaScriptEnabled);
      await signIn(zofia, suite.base, ZOFIA.login, ZOFIA.phone, { axe: false });
      await zofia.waitForSelector('[data-qa="page-home"]');
      const waiting = Number(await text(zofia, '[data-qa="tile-count-do_weryfikacji"] strong'));
      assert.ok(waiting >= 1, `the tile counts reports to verify (${waiting})`);
      await zofia.locator('[data-qa="tile-count-do_weryfikacji"]').click();
      await zofia.waitForSelector('[data-qa="page-reports"]');
      assert.match(zofia.url(), /status=do_weryfikacji/);
      assert.equal(await text(zofia, '[data-qa="tab-do_weryfikacji"]'), `Do weryfikacji (${waiting})`, 'the tile and the tab agree');
      await zofia.getByLabel('Jednostka (nazwa, REGON lub NIP)').fill('Starówka');
      await zofia.locator('[data-qa="reports-search"]').click();
      await zofia.waitForURL(/jednostka=Star/);
      const mine = zofia.locator(`[data-qa="report-row-${reportId}"]`);
      assert.match(await text(zofia, `[data-qa="report-row-${reportId}"]`), /czeka na Twoją weryfikację/);
      await mine.getByRole('link', { name: UNIT }).click();
      await zofia.waitForSelector('[data-qa="verify-form"]');
      assert.match(
        await text(zofia, '[data-qa="explanations"]'),
        new RegExp(`R15 Liczba porad lekarskich ogółem[^]*Wyjaśnienie jednostki: ${EXPLANATION}`),
        'the warning beside its explanation',
      );
      // the warning is marked at the cell in her read-only view
      assert.match(await text(zofia, '#cell-D1-01-1-flag'), /Ostrzeżenie \(reguła R15\)/);
      await check(zofia, 'report page with the verify form');

      // a return needs a comment
      await zofia.getByLabel('Zwróć do korekty jednostce sprawozdającej').check();
      await zofia.locator('[data-qa="verify-submit"]').click();
      await zofia.waitForSelector('[data-qa="error-summary"]');
      assert.match(await text(zofia, '[data-qa="error-summary"]'), /Wpisz uwagę ogólną albo uwagę do komórki/);
      await check(zofia, 'report page with verify errors');
      assert.equal((await row()).status, 'do_weryfikacji');

      assert.equal(await zofia.getByLabel('Zwróć do korekty jednostce sprawozdającej').isChecked(), true, 'the decision is kept');
      await zofia.getByLabel('Komórka 1', { exact: true }).selectOption('D1.01.1');
      await zofia.getByLabel('Uwaga do komórki 1', { exact: true }).fill(CELL_COMMENT);
      await zofia.locator('[data-qa="verify-submit"]').click();
      await zofia.waitForSelector('[data-qa="report-notice"]');
      assert.match(await text(zofia, '[data-qa="report-notice"]'), /zwrócone do korekty/);
      assert.match(await text(zofia, '[data-qa="report-status"]'), /^Do korekty$/);
      const r = await row();
      assert.equal(r.status, 'do_korekty');
      assert.deepEqual(r.cellComments, { 'D1.01.1': CELL_COMMENT });
    });

    step('robert sees the comment by the cell, corrects Dział 1 and sends again without a warning', async () => {
      await robert.reload();
      await robert.waitForSelector('[data-qa="return-comments"]');
      assert.match(await text(robert, '[data-qa="return-comments"]'), new RegExp(CELL_COMMENT));
      assert.match(await text(robert, '[data-qa="report-status"]'), /^Do korekty$/);
      await robert.locator('[data-qa="return-comments"] a').first().click();
      await robert.waitForSelector('[data-qa="page-report-section"]');
      assert.match(robert.url(), /\/dzial\/D1#cell-D1-01-1$/);
      assert.match(await text(robert, '#cell-D1-01-1-comment'), new RegExp(`Uwaga weryfikującego: ${CELL_COMMENT}`));
      assert.match((await robert.locator('#cell-D1-01-1').getAttribute('aria-describedby')) ?? '', /cell-D1-01-1-comment/);

      await fillSection(robert, base1);
      await robert.locator('[data-qa="section-save"]').click();
      await robert.waitForSelector('[data-qa="section-notice"]');
      assert.equal((await row()).status, 'do_korekty', 'saving keeps it returned until it is sent');
      await robert.getByRole('link', { name: 'Wróć do sprawozdania' }).click();
      await robert.locator('[data-qa="report-check"]').click();
      await robert.waitForSelector('[data-qa="page-report-submit"]');
      assert.match(await text(robert, '[data-qa="checks-ok"]'), /nie wykazało błędów ani ostrzeżeń/);
      await check(robert, 'submit page without problems');
      await robert.locator('[data-qa="report-submit"]').click();
      await robert.waitForSelector('[data-qa="report-notice"]');
      assert.match(await text(robert, '[data-qa="report-status"]'), /^Do weryfikacji$/);
      const r = await row();
      assert.equal(r.status, 'do_weryfikacji');
      assert.equal(r.values['D1.01.1'], base1['D1.01.1']);
    });

    step('zofia approves, it goes to CeZ; jan.kowalski approves and the report is „Zatwierdzone”', async () => {
      await zofia.reload();
      await zofia.waitForSelector('[data-qa="verify-form"]');
      await zofia.getByLabel('Zatwierdź sprawozdanie').check();
      await zofia.locator('[data-qa="verify-submit"]').click();
      await zofia.waitForSelector('[data-qa="report-notice"]');
      assert.match(await text(zofia, '[data-qa="report-notice"]'), /przekazane do weryfikacji na wyższym poziomie/);
      assert.equal(await zofia.locator('[data-qa="verify-form"]').count(), 0, 'the office waits for CeZ now');
      assert.match(await text(zofia, '[data-qa="report-facts"]'), /Weryfikuje teraz/);
      let r = await row();
      assert.equal(r.status, 'do_weryfikacji');
      assert.equal(r.pendingLevel, 1, 'now at CeZ');

      const jan = await suite.open(javaScriptEnabled);
      await signIn(jan, suite.base, JAN.login, JAN.phone, { axe: false });
      await jan.waitForSelector('[data-qa="page-home"]');
      await jan.goto(`${suite.base}/sprawozdania/niefinansowe?status=do_weryfikacji&jednostka=${encodeURIComponent('Starówka')}`);
      await jan.locator(`[data-qa="report-row-${reportId}"]`).getByRole('link', { name: UNIT }).click();
      await jan.waitForSelector('[data-qa="verify-form"]');
      await jan.getByLabel('Zatwierdź sprawozdanie').check();
      await jan.locator('[data-qa="verify-submit"]').click();
      await jan.waitForSelector('[data-qa="report-notice"]');
      assert.match(await text(jan, '[data-qa="report-notice"]'), /Sprawozdanie zostało zatwierdzone\./);
      assert.match(await text(jan, '[data-qa="report-status"]'), /^Zatwierdzone$/);
      assert.equal(await jan.locator('[data-qa="verify-form"]').count(), 0);
      const history = await text(jan, '[data-qa="history"] tbody');
      assert.match(history, /Zofia Nowicka/);
      assert.match(history, /Jan Kowalski/);
      await check(jan, 'approved report page');
      r = await row();
      assert.equal(r.status, 'zatwierdzone');
      assert.ok(r.approvedAt, 'the approval time is kept');

      // robert sees it approved and read-only
      await robert.reload();
      assert.match(await text(robert, '[data-qa="report-status"]'), /^Zatwierdzone$/);
      assert.equal(await robert.locator('[data-qa="fill-actions"]').count(), 0);
      assert.equal(checked.length, 9, `axe ran on every page of the journey (${checked.join(', ')})`);
    });
  });
}

journey(true);
journey(false);
