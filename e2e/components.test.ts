import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { Notice } from '../src/views/components/Notice/Notice.tsx';
import { Pagination, PaginationSummary, type PagingProps } from '../src/views/components/Pagination/Pagination.tsx';
import { SummaryList } from '../src/views/components/SummaryList/SummaryList.tsx';
import { Layout } from '../src/views/layouts/Layout.tsx';
import { axeViolations, launchBrowser } from './helpers/browser.ts';

/**
 * Each shared view component inside the real Layout, with the real stylesheet and script, checked
 * with axe-core in Chromium (as govuk-frontend tests each component). No server: the page and its
 * assets are answered from memory and from assets/.
 */
const ORIGIN = 'http://components.test';
const ASSETS = new URL('../assets/', import.meta.url);

async function page(title: string, body: JSX.Element): Promise<string> {
  return String(await Layout({ title, children: [`<h1>${title}</h1>`, await body] }));
}

const paging: PagingProps = {
  path: '/lista',
  query: [
    ['nazwa', 'Szpital "Pod Lipami" & <Filia>'],
    ['sortuj', 'name'],
    ['strona', '5'],
  ],
  pageParam: 'strona',
  sizeParam: 'naStronie',
  page: 5,
  pageCount: 12,
  total: 117,
  pageSize: 10,
  pageSizes: [10, 25, 50, 100],
  anchor: 'lista',
  label: 'Strony wyników',
  sizeId: 'f-naStronie',
  totalQa: 'total',
};

const CASES: Record<string, () => Promise<string>> = {
  notice: () =>
    page(
      'Komunikaty',
      [
        Notice({ tone: 'success', text: 'Dane kontaktowe zostały zapisane.', qa: 'n-success' }),
        Notice({ tone: 'info', text: 'Nie masz jeszcze aktywnego profilu.', qa: 'n-info' }),
        Notice({
          tone: 'warning',
          title: 'Uwaga! Wycofujesz złożony wniosek',
          titleId: 'n-warning-title',
          role: 'alert',
          text: 'Czynności tej nie można cofnąć.',
          qa: 'n-warning',
        }),
        Notice({
          tone: 'error',
          title: 'Niebezpieczne pliki zostały usunięte z wniosku',
          titleId: 'n-error-title',
          role: 'none',
          text: 'Informacje wysłaliśmy e-mailem.',
          qa: 'n-error',
        }),
      ].join(''),
    ),
  pagination: () =>
    page(
      'Lista jednostek',
      [
        '<section id="lista" aria-label="Lista">',
        PaginationSummary({
          ...paging,
          controls: ['sortuj'],
          children:
            '<label class="field__label" for="f-sortuj">sortuj</label><select class="field__input" id="f-sortuj" name="sortuj"><option value="name" selected>Nazwa</option></select>',
        }),
        '<ul><li>Jednostka 41</li><li>Jednostka 42</li></ul>',
        Pagination(paging),
        '</section>',
      ].join(''),
    ),
  'summary-list': () =>
    page(
      'Zweryfikuj dane',
      [
        '<h2>Dane wybranej jednostki</h2>',
        SummaryList({
          qa: 'unit',
          rows: [
            { label: 'Rodzaj', value: 'PODM' },
            { label: 'Nazwa', value: 'Przychodnia <K-Dent> & Syn' },
            { label: 'NIP', value: null },
          ],
          action: { href: '/profil/wniosek', text: 'Wybierz inną jednostkę' },
        }),
        '<h2>Twoje dane kontaktowe w jednostce</h2>',
        SummaryList({
          qa: 'contact',
          rows: [
            { label: 'Telefon', value: '+48 600 100 200', change: { href: '/role#f-phone' } },
            { label: 'Adres e-mail', value: 'jan@example.pl', change: { href: '/role#f-email' } },
          ],
        }),
      ].join(''),
    ),
};

describe('view components in Chromium', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  async function open(name: string, width = 1280): Promise<Page> {
    const html = await CASES[name]!();
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    context.setDefaultTimeout(15_000);
    const p = await context.newPage();
    const problems: string[] = [];
    p.on('pageerror', (e) => problems.push(e.message));
    await p.route(`${ORIGIN}/**`, async (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path.startsWith('/assets/')) {
        const file = path.slice('/assets/'.length);
        const type = file.endsWith('.css') ? 'text/css' : file.endsWith('.js') ? 'text/javascript' : 'image/svg+xml';
        return route.fulfill({ status: 200, contentType: type, body: await readFile(new URL(file, ASSETS)) });
      }
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    });
    await p.goto(`${ORIGIN}/`);
    assert.deepEqual(problems, []);
    return p;
  }

  for (const name of Object.keys(CASES)) {
    for (const width of [1280, 360]) {
      it(`${name} at ${width}px: no axe-core violations`, async () => {
        const p = await open(name, width);
        assert.deepEqual(await axeViolations(p), []);
        await p.context().close();
      });
    }
  }

  it('notice: the result of an action is a status, an urgent warning an alert, the rest plain text with a label', async () => {
    const p = await open('notice');
    assert.equal(await p.getByRole('status').textContent(), 'Dane kontaktowe zostały zapisane.');
    assert.match((await p.getByRole('alert').textContent()) ?? '', /Uwaga! Wycofujesz złożony wniosek/);
    assert.equal(await p.locator('[data-qa="n-info"]').getAttribute('role'), null);
    assert.equal(await p.locator('[data-qa="n-error"]').getAttribute('aria-labelledby'), 'n-error-title');
    await p.context().close();
  });

  it('pagination: named navigation, current page marked, links keep the criteria, targets at least 44 px', async () => {
    const p = await open('pagination');
    const nav = p.getByRole('navigation', { name: 'Strony wyników' });
    assert.equal(await nav.locator('[aria-current="page"]').textContent(), 'Strona 5');
    const next = nav.getByRole('link', { name: 'Następna >' });
    const href = new URL((await next.getAttribute('href')) ?? '', ORIGIN);
    assert.equal(href.searchParams.get('nazwa'), 'Szpital "Pod Lipami" & <Filia>');
    assert.equal(href.searchParams.get('strona'), '6');
    assert.equal(href.hash, '#lista');
    for (const link of await nav.getByRole('link').all()) {
      const box = await link.boundingBox();
      assert.ok(box && box.height >= 44 && box.width >= 44, `target size of ${await link.textContent()}`);
    }
    assert.equal(await p.locator('[data-qa="total"]').textContent(), '117');
    // "Pokaż" sends the criteria, the chosen sort and size, and starts from page 1
    await p.getByLabel('Pokaż na stronie').selectOption('25');
    const [request] = await Promise.all([p.waitForRequest((r) => r.url().includes('/lista')), p.getByRole('button', { name: 'Pokaż' }).click()]);
    const sent = new URL(request.url());
    assert.equal(sent.searchParams.get('nazwa'), 'Szpital "Pod Lipami" & <Filia>');
    assert.equal(sent.searchParams.get('naStronie'), '25');
    assert.equal(sent.searchParams.getAll('sortuj').join(), 'name');
    assert.equal(sent.searchParams.get('strona'), null);
    await p.context().close();
  });

  it('summary list: label and value side by side on a wide screen, change links named by their row', async () => {
    const p = await open('summary-list');
    const row = p.locator('[data-qa="contact"] > div').first();
    const [dt, dd] = [await row.locator('dt').boundingBox(), await row.locator('dd').first().boundingBox()];
    assert.ok(dt && dd && Math.abs(dt.y - dd.y) < 4 && dd.x > dt.x, 'one row');
    await assert.doesNotReject(p.getByRole('link', { name: 'Zmień Telefon' }).waitFor());
    assert.equal(await p.locator('[data-qa="unit"] dd').nth(1).textContent(), 'Przychodnia <K-Dent> & Syn');
    assert.equal(await p.locator('[data-qa="unit"] dd').nth(2).textContent(), '—');
    await p.context().close();
  });
});
