import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { parse } from 'node:querystring';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ErrorSummary } from '../src/views/components/ErrorSummary.tsx';
import { CsrfField } from '../src/views/components/Field.tsx';
import { cellHref } from '../src/views/components/ReportForm/ids.ts';
import { ReportHeader } from '../src/views/components/ReportForm/ReportHeader.tsx';
import { ReportSection, type ReportSectionProps } from '../src/views/components/ReportForm/ReportSection.tsx';
import { RuleResultsList, type RuleResult } from '../src/views/components/ReportForm/RuleResultsList.tsx';
import { Layout } from '../src/views/layouts/Layout.tsx';
import { sampleForm, sampleUnit } from '../test/builders/report-form.ts';
import { axeViolations, launchBrowser } from './helpers/browser.ts';

/**
 * The statistical form components inside the real Layout, with the real stylesheet and script, in
 * Chromium: axe-core on a form being filled (with errors, rule marks, comments and last year's values)
 * and on the same report read-only, at desktop and phone widths; then what axe does not see: the names
 * Chromium gives the cells, the phone layout, and what the form sends.
 */
const ORIGIN = 'http://report-form.test';
const ASSETS = new URL('../assets/', import.meta.url);

const errors: RuleResult[] = [
  { code: 'R01', severity: 'blad', message: 'Porady udzielone dzieciom nie mogą przekraczać porad ogółem', cells: ['D1.02.1', 'D1.01.1'] },
];
const warnings: RuleResult[] = [
  { code: 'R02', severity: 'ostrzezenie', message: 'Liczba porad wzrosła ponad dwukrotnie wobec roku poprzedniego', cells: ['D1.01.1'] },
];

const state: Omit<ReportSectionProps, 'section' | 'readOnly'> = {
  def: sampleForm,
  values: { 'D0.01': '2', 'D0.02': '31.02.2020', 'D1.01.1': '300', 'D1.02.1': '450', 'D1.01.2': '12 500,00' },
  cellErrors: { 'D0.02': 'Wpisz prawdziwą datę, np. 01.02.2020' },
  ruleFlags: { 'D1.02.1': { severity: 'blad', ruleCodes: ['R01'] }, 'D1.01.1': { severity: 'ostrzezenie', ruleCodes: ['R02'] } },
  cellComments: { 'D1.01.2': 'Koszt różni się od sprawozdania finansowego.' },
  previous: { 'D0.01': '2', 'D1.01.1': '120', 'D1.02.1': '40' },
};

async function page(readOnly: boolean): Promise<string> {
  const sections = sampleForm.sections.map((section) => ReportSection({ ...state, section, readOnly }));
  const results = RuleResultsList({ errors, warnings, explanations: { R02: 'Otwarto nową poradnię.' }, editable: !readOnly });
  const body = readOnly
    ? [ReportHeader({ def: sampleForm, unit: sampleUnit, year: 2025, version: 1 }), results, ...sections]
    : [
        ErrorSummary({ errors: [{ href: cellHref('D0.02'), text: 'Wpisz prawdziwą datę, np. 01.02.2020' }] }),
        ReportHeader({ def: sampleForm, unit: sampleUnit, year: 2025, version: 1 }),
        '<form method="post" action="/sprawozdanie" novalidate>',
        CsrfField({ token: 't' }),
        ...sections,
        results,
        '<div class="button-group"><button class="button" type="submit">Zapisz</button></div></form>',
      ];
  return String(await Layout({ title: sampleForm.title, hasErrors: !readOnly, children: [`<h1>${sampleForm.title}</h1>`, ...body] }));
}

describe('statistical form components in Chromium', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  async function open(readOnly: boolean, width = 1280): Promise<{ p: Page; posted: string[] }> {
    const html = await page(readOnly);
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    context.setDefaultTimeout(15_000);
    const p = await context.newPage();
    const problems: string[] = [];
    const posted: string[] = [];
    p.on('pageerror', (e) => problems.push(e.message));
    await p.route(`${ORIGIN}/**`, async (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path.startsWith('/assets/')) {
        const file = path.slice('/assets/'.length);
        const type = file.endsWith('.css') ? 'text/css' : file.endsWith('.js') ? 'text/javascript' : 'image/svg+xml';
        return route.fulfill({ status: 200, contentType: type, body: await readFile(new URL(file, ASSETS)) });
      }
      if (route.request().method() === 'POST') posted.push(route.request().postData() ?? '');
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    });
    await p.goto(`${ORIGIN}/`);
    assert.deepEqual(problems, []);
    return { p, posted };
  }

  for (const readOnly of [false, true]) {
    for (const width of [1280, 360]) {
      it(`${readOnly ? 'read-only' : 'being filled'} at ${width}px: no axe-core violations`, async () => {
        const { p } = await open(readOnly, width);
        // help opened too, so axe checks what is inside it
        await p.locator('details').evaluateAll((ds) => ds.forEach((d) => d.setAttribute('open', '')));
        assert.deepEqual(await axeViolations(p), []);
        await p.context().close();
      });
    }
  }

  it('each cell is named by its row and column, and described by its error, rule mark, comment and last year', async () => {
    const { p } = await open(false);
    const cell = p.getByRole('textbox', { name: '02 w tym udzielone dzieciom Liczba (porady)', exact: true });
    assert.equal(await cell.getAttribute('name'), 'D1.02.1');
    assert.equal(await cell.inputValue(), '450');
    const cdp = await p.context().newCDPSession(p);
    const describe = async (selector: string) => {
      const { root } = await cdp.send('DOM.getDocument');
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
      const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
      const node = nodes[0]!;
      const invalid = node.properties?.find((x) => x.name === 'invalid')?.value.value;
      return { name: String(node.name?.value ?? ''), description: String(node.description?.value ?? ''), invalid };
    };
    const child = await describe('#cell-D1-02-1');
    assert.equal(child.description, 'Błąd (reguła R01) Rok poprzedni: 40');
    assert.equal(child.invalid, 'true');
    const total = await describe('#cell-D1-01-1');
    assert.equal(total.name, '01 Porady ogółem Liczba (porady)');
    assert.equal(total.description, 'Ostrzeżenie (reguła R02) Rok poprzedni: 120 Wszystkie porady, także teleporady.');
    assert.equal(total.invalid, 'false');
    const cost = await describe('#cell-D1-01-2');
    assert.equal(
      cost.description,
      'Rok poprzedni: brak wartości Uwaga weryfikującego: Koszt różni się od sprawozdania finansowego. Wszystkie porady, także teleporady.',
    );
    const date = await describe('#cell-D0-02');
    assert.equal(date.name, 'Data rozpoczęcia działalności');
    assert.equal(date.description, 'Błąd: Wpisz prawdziwą datę, np. 01.02.2020 Format: DD.MM.RRRR Data wpisu do rejestru. Rok poprzedni: brak wartości');
    // the not-applicable cell has nothing to fill and says so
    assert.equal(await p.locator('input[name="D1.02.2"]').count(), 0);
    assert.equal(await p.locator('.report-cell--na').textContent(), 'nie dotyczy');
    await p.context().close();
  });

  it('on a phone the table scrolls in its own box, by keyboard too, with the row names kept in view', async () => {
    const { p } = await open(false, 360);
    assert.ok((await p.locator('html').evaluate((el) => el.scrollWidth)) <= 360, 'the page itself does not scroll sideways');
    const region = p.getByRole('region', { name: 'Dział 1. Porady' });
    const widths = await region.evaluate((el) => [el.scrollWidth, el.clientWidth]);
    assert.ok(widths[0]! > widths[1]!, `the table is wider than its box (${widths.join(' > ')})`);
    await region.focus();
    await p.keyboard.press('ArrowRight');
    await p.keyboard.press('ArrowRight');
    await p.keyboard.press('ArrowRight');
    // the browser may scroll smoothly: under load the first reading can come before the box has moved
    await p
      .waitForFunction((el) => (el as { scrollLeft: number } | null)!.scrollLeft > 0, await region.elementHandle(), { timeout: 3000 })
      .catch(() => undefined);
    assert.ok((await region.evaluate((el) => el.scrollLeft)) > 0, 'arrow keys scroll the focused box');
    const [box, row] = [await region.boundingBox(), await p.locator('#section-D1-row-01').boundingBox()];
    assert.ok(box && row && row.x >= box.x && row.x < box.x + 20, 'the row header stays at the left edge');
    await p.context().close();
  });

  it('sends plain cell codes and explain-<rule> that querystring (formbody) reads back', async () => {
    const { p, posted } = await open(false);
    await p.getByRole('textbox', { name: '03 Porady w nocy Liczba (porady)', exact: true }).fill('17');
    await p.getByRole('radio', { name: 'Szpital' }).check();
    await p.getByLabel('Wyjaśnienie ostrzeżenia R02').fill('Otwarto nową poradnię & gabinet.');
    await Promise.all([p.waitForRequest((r) => r.method() === 'POST'), p.getByRole('button', { name: 'Zapisz' }).click()]);
    const body = parse(posted[0]!);
    assert.equal(body['D1.03.1'], '17');
    assert.equal(body['D1.02.1'], '450');
    assert.equal(body['D1.01.2'], '12 500,00');
    assert.equal(body['D0.01'], '1');
    assert.equal(body['explain-R02'], 'Otwarto nową poradnię & gabinet.');
    assert.equal(body['D1.02.2'], undefined);
    await p.context().close();
  });

  it('a rule result on the page links to its first cell', async () => {
    const { p } = await open(true);
    await p.getByRole('link', { name: /R01 Porady udzielone dzieciom/ }).click();
    assert.equal(new URL(p.url()).hash, '#cell-D1-02-1');
    assert.ok(await p.locator('#cell-D1-02-1').isVisible());
    assert.equal(await p.getByRole('textbox').count(), 0);
    assert.equal(await p.locator('[data-qa="report-model-notice"]').isVisible(), true);
    await p.context().close();
  });
});
