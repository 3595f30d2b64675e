import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FieldsSection, TableSection } from '../../../src/domain/reporting/definition.ts';
import { cellHref, cellId } from '../../../src/views/components/ReportForm/ids.ts';
import { ReportHeader } from '../../../src/views/components/ReportForm/ReportHeader.tsx';
import { ReportSection, type ReportSectionProps } from '../../../src/views/components/ReportForm/ReportSection.tsx';
import { RuleResultsList, type RuleResult } from '../../../src/views/components/ReportForm/RuleResultsList.tsx';
import { sampleForm, sampleUnit } from '../../builders/report-form.ts';

const render = async (el: JSX.Element) => String(await el);

const fields = sampleForm.sections[0] as FieldsSection;
const table = sampleForm.sections[1] as TableSection;

type Attrs = Record<string, string>;

/** Start tags of one element name with their attributes (the components quote every value). */
function tags(html: string, name: string): Attrs[] {
  const out: Attrs[] = [];
  for (const m of html.matchAll(new RegExp(`<${name}((?:\\s+[\\w-]+(?:="[^"]*")?)*)\\s*/?>`, 'g'))) {
    const attrs: Attrs = {};
    for (const a of (m[1] ?? '').matchAll(/([\w-]+)(?:="([^"]*)")?/g)) attrs[a[1]!] = a[2] ?? '';
    out.push(attrs);
  }
  return out;
}

/** The markup of the element with this id, to its matching closing tag. */
function byId(html: string, id: string): string {
  const start = new RegExp(`<(\\w+)[^>]*\\sid="${id}"[^>]*>`).exec(html);
  assert.ok(start, `element #${id}`);
  const name = start[1]!;
  const tag = new RegExp(`<(/?)${name}\\b[^>]*>`, 'g');
  tag.lastIndex = start.index + start[0].length;
  let depth = 1;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.slice(start.index, m.index + m[0].length);
  }
  assert.fail(`#${id} is not closed`);
}

const text = (markup: string) => markup.replace(/<[^>]+>/g, '');

function ids(html: string): string[] {
  return [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!);
}

const base: ReportSectionProps = { def: sampleForm, section: table, values: {}, readOnly: false };

describe('ReportSection: a table section', () => {
  it('is a real table: caption, column headers, row headers, inside a named, focusable scroll region', async () => {
    const html = await render(ReportSection(base));
    const region = tags(html, 'div').find((d) => d.class?.includes('table-scroll'));
    assert.ok(region, 'the scroll region');
    assert.equal(region.role, 'region');
    assert.equal(region.tabindex, '0');
    assert.equal(text(byId(html, region['aria-labelledby']!)), 'Dział 1. Porady');
    assert.match(html, /<caption id="section-D1-caption"[^>]*>Dział 1. Porady<\/caption>/);
    const ths = tags(html, 'th');
    assert.deepEqual(
      ths.map((t) => t.scope),
      ['col', 'col', 'col', 'row', 'row', 'row'],
    );
    // column header: label and unit of measure; row header: code and label
    assert.equal(text(byId(html, 'section-D1-col-1')), 'Liczba (porady)');
    assert.equal(text(byId(html, 'section-D1-row-01')), '01 Porady ogółem');
    assert.match(ths[4]!.class!, /report-table__row--indent-1/);
    assert.doesNotMatch(ths[3]!.class!, /indent/);
    // the section's help is under its heading and describes the table
    assert.match(html, /<h2 id="section-D1-title">Dział 1. Porady<\/h2><p class="report-section__help" id="section-D1-help">/);
    assert.equal(tags(html, 'table')[0]!['aria-describedby'], 'section-D1-help');
  });

  it('one input per applicable cell, named by its code, with a name that points at its two headers', async () => {
    const html = await render(ReportSection({ ...base, values: { 'D1.01.1': '120', 'D1.01.2': '1500,50' } }));
    const inputs = tags(html, 'input');
    assert.deepEqual(
      inputs.map((i) => i.name),
      ['D1.01.1', 'D1.01.2', 'D1.02.1', 'D1.03.1', 'D1.03.2'],
    );
    const all = new Set(ids(html));
    for (const i of inputs) {
      assert.equal(i.id, cellId(i.name!));
      assert.equal(i.type, 'text');
      assert.equal(i.autocomplete, 'off');
      const [row, col] = i['aria-labelledby']!.split(' ');
      assert.ok(row && all.has(row) && row.includes('-row-'), `${i.name}: row header ${row}`);
      assert.ok(col && all.has(col) && col.includes('-col-'), `${i.name}: column header ${col}`);
      for (const d of (i['aria-describedby'] ?? '').split(' ').filter(Boolean)) assert.ok(all.has(d), `${i.name}: description ${d}`);
    }
    assert.equal(inputs[0]!.id, 'cell-D1-01-1');
    assert.equal(inputs[0]!.value, '120');
    assert.equal(inputs[0]!.inputmode, 'numeric');
    assert.equal(inputs[1]!.inputmode, 'decimal');
    assert.equal(inputs[0]!['aria-required'], 'true');
    assert.equal(inputs[1]!['aria-required'], undefined);
    // no browser validation: a draft is saved half-filled
    assert.ok(inputs.every((i) => !('required' in i)));
    // the row's help is read with each of its cells; a cell's own help replaces it
    assert.equal(inputs[0]!['aria-describedby'], 'section-D1-row-01-desc');
    assert.equal(byId(html, 'section-D1-row-01-desc'), '<span hidden id="section-D1-row-01-desc">Wszystkie porady, także teleporady.</span>');
    assert.equal(inputs[4]!['aria-describedby'], 'cell-D1-03-2-help');
    assert.equal(text(byId(html, 'cell-D1-03-2-help')), 'Tylko porady między 22:00 a 6:00.');
    assert.equal(new Set(ids(html)).size, ids(html).length, 'ids are unique');
  });

  it('a cell that accepts negative numbers gets the full keyboard', async () => {
    const negative: TableSection = { ...table, columns: [{ code: '1', label: 'Saldo', type: 'decimal', min: -1000 }] };
    const html = await render(ReportSection({ ...base, def: { ...sampleForm, sections: [negative] }, section: negative }));
    assert.ok(tags(html, 'input').every((i) => !('inputmode' in i)));
  });

  it('a not-applicable cell is greyed, says "nie dotyczy" and has no input', async () => {
    const html = await render(ReportSection({ ...base, values: { 'D1.02.2': '5' } }));
    assert.ok(!tags(html, 'input').some((i) => i.name === 'D1.02.2'));
    assert.doesNotMatch(html, /cell-D1-02-2/);
    assert.match(html, /<td class="report-cell report-cell--na"><span class="visually-hidden">nie dotyczy<\/span><\/td>/);
  });

  it('an error: the input is invalid and described by the message under it, "Błąd:" read out', async () => {
    const html = await render(ReportSection({ ...base, values: { 'D1.01.1': 'abc' }, cellErrors: { 'D1.01.1': 'Wpisz liczbę całkowitą' } }));
    const input = tags(html, 'input').find((i) => i.name === 'D1.01.1')!;
    assert.equal(input['aria-invalid'], 'true');
    assert.deepEqual(input['aria-describedby']!.split(' '), ['cell-D1-01-1-error', 'section-D1-row-01-desc']);
    assert.equal(
      byId(html, 'cell-D1-01-1-error'),
      '<p class="report-note report-note--error" id="cell-D1-01-1-error"><span class="visually-hidden">Błąd: </span><span>Wpisz liczbę całkowitą</span></p>',
    );
    // the message is inside the cell, after the input
    assert.match(html, /<td class="report-cell report-cell--number report-cell--error"><input [^>]*id="cell-D1-01-1"[^>]*\/?><p [^>]*id="cell-D1-01-1-error"/);
    assert.equal(tags(html, 'input').filter((i) => i['aria-invalid']).length, 1);
  });

  it('rule marks say "Błąd" or "Ostrzeżenie" in words; only a blocking one makes the value invalid', async () => {
    const html = await render(
      ReportSection({
        ...base,
        ruleFlags: { 'D1.02.1': { severity: 'blad', ruleCodes: ['R01'] }, 'D1.01.1': { severity: 'ostrzezenie', ruleCodes: ['R02', 'R03'] } },
      }),
    );
    assert.equal(text(byId(html, 'cell-D1-02-1-flag')), 'Błąd (reguła R01)');
    assert.equal(text(byId(html, 'cell-D1-01-1-flag')), 'Ostrzeżenie (reguły R02, R03)');
    const [first, , third] = tags(html, 'input');
    assert.equal(third!['aria-invalid'], 'true');
    assert.equal(third!['aria-describedby'], 'cell-D1-02-1-flag');
    assert.equal(first!['aria-invalid'], undefined);
    assert.match(first!['aria-describedby']!, /cell-D1-01-1-flag/);
  });

  it("the verifier's comment and last year's value are shown in the cell and read with it", async () => {
    const html = await render(ReportSection({ ...base, cellComments: { 'D1.03.1': 'Sprawdź godziny.' }, previous: { 'D1.03.1': '40', 'D1.01.1': '' } }));
    assert.equal(text(byId(html, 'cell-D1-03-1-comment')), 'Uwaga weryfikującego: Sprawdź godziny.');
    assert.equal(text(byId(html, 'cell-D1-03-1-prev')), 'Rok poprzedni: 40');
    assert.equal(text(byId(html, 'cell-D1-01-1-prev')), 'Rok poprzedni: —brak wartości');
    const input = tags(html, 'input').find((i) => i.name === 'D1.03.1')!;
    assert.equal(input['aria-describedby'], 'cell-D1-03-1-prev cell-D1-03-1-comment');
    // without `previous` no cell carries a previous-year line
    assert.doesNotMatch(await render(ReportSection(base)), /Rok poprzedni/);
  });

  it('read-only: the values as text, no inputs, an empty cell "—" with "brak wartości" read out, cells still linkable', async () => {
    const html = await render(
      ReportSection({ ...base, readOnly: true, values: { 'D1.01.1': '120' }, ruleFlags: { 'D1.01.1': { severity: 'blad', ruleCodes: ['R01'] } } }),
    );
    assert.doesNotMatch(html, /<(input|select|textarea)\b/);
    assert.match(byId(html, 'cell-D1-01-1'), /^<td [^>]*><span class="report-cell__value"><span>120<\/span><\/span>/);
    assert.equal(text(byId(html, 'cell-D1-01-1-flag')), 'Błąd (reguła R01)');
    assert.equal(
      byId(html, 'cell-D1-03-1'),
      '<td class="report-cell report-cell--number" id="cell-D1-03-1"><span class="report-cell__value"><span aria-hidden="true">—</span><span class="visually-hidden">brak wartości</span></span></td>',
    );
    assert.match(html, /<span class="visually-hidden">nie dotyczy<\/span>/);
  });

  it('escapes every value, message and comment, editable or not', async () => {
    const evil = '"><script>alert(1)</script>';
    const props = {
      ...base,
      values: { 'D1.01.1': evil, 'D1.01.2': evil },
      cellErrors: { 'D1.01.1': evil },
      cellComments: { 'D1.01.2': evil },
      previous: { 'D1.03.1': evil },
    };
    for (const readOnly of [false, true]) {
      const html = await render(ReportSection({ ...props, readOnly }));
      // inside a quoted attribute "<" is inert; only the quote must be escaped, so look outside them
      assert.doesNotMatch(html.replace(/="[^"]*"/g, '=""'), /<script/i);
      assert.doesNotMatch(html, /"><script/);
      assert.match(html, /<span>&#34;>&lt;script>alert\(1\)&lt;\/script><\/span>/);
    }
    const editable = await render(ReportSection(props));
    assert.equal(tags(editable, 'input')[0]!.value, '&#34;><script>alert(1)</script>');
  });

  it('refuses a section that is not in the definition it is drawn for', () => {
    const other: TableSection = { ...table, code: 'D9' };
    assert.throws(() => ReportSection({ ...base, section: other }), /section D9 is not part of MZ-T1 version 1/);
  });
});

describe('ReportSection: a fields section', () => {
  const props: ReportSectionProps = { def: sampleForm, section: fields, values: { 'D0.01': '2', 'D0.02': '01.02.2020' }, readOnly: false };

  it('labelled inputs; a choice is a radio group in a fieldset with a legend, the first radio the link target', async () => {
    const html = await render(ReportSection(props));
    assert.match(html, /<fieldset class="radios"><legend class="field__label"><span>Forma organizacyjna<\/span><span aria-hidden="true"> \*<\/span><\/legend>/);
    const radios = tags(html, 'input').filter((i) => i.type === 'radio');
    assert.deepEqual(
      radios.map((r) => [r.id, r.name, r.value, 'checked' in r]),
      [
        ['cell-D0-01', 'D0.01', '1', false],
        ['cell-D0-01-o2', 'D0.01', '2', true],
      ],
    );
    for (const r of radios) assert.match(html, new RegExp(`<label for="${r.id}">`));
    const date = tags(html, 'input').find((i) => i.name === 'D0.02')!;
    assert.equal(date.id, 'cell-D0-02');
    assert.equal(date.value, '01.02.2020');
    assert.match(html, /<label class="field__label" for="cell-D0-02"><span>Data rozpoczęcia działalności<\/span><\/label>/);
    assert.deepEqual(date['aria-describedby']!.split(' '), ['cell-D0-02-format', 'cell-D0-02-help']);
    assert.equal(text(byId(html, 'cell-D0-02-format')), 'Format: DD.MM.RRRR');
    // a remark of up to 500 characters is a text area, still labelled and limited
    assert.equal(
      tags(html, 'input').find((i) => i.name === 'D0.03'),
      undefined,
    );
    const remark = tags(html, 'textarea').find((i) => i.name === 'D0.03')!;
    assert.equal(remark.maxlength, '500');
    assert.equal(remark.inputmode, undefined);
    assert.match(html, /<label[^>]*for="cell-D0-03"/);
  });

  it('an error on a choice describes the group and sits above the radios; on a field above the input', async () => {
    const html = await render(ReportSection({ ...props, cellErrors: { 'D0.01': 'Wybierz formę organizacyjną', 'D0.02': 'Wpisz datę jako DD.MM.RRRR' } }));
    assert.equal(tags(html, 'fieldset')[0]!['aria-describedby'], 'cell-D0-01-error');
    assert.ok(html.indexOf('id="cell-D0-01-error"') < html.indexOf('id="cell-D0-01"'));
    assert.ok(html.indexOf('id="cell-D0-02-error"') < html.indexOf('id="cell-D0-02"'));
    const date = tags(html, 'input').find((i) => i.name === 'D0.02')!;
    assert.equal(date['aria-invalid'], 'true');
    assert.equal(date['aria-describedby']!.split(' ')[0], 'cell-D0-02-error');
    assert.equal(text(byId(html, 'cell-D0-02-error')), 'Błąd: Wpisz datę jako DD.MM.RRRR');
  });

  it('read-only: a description list, a choice by its label, links still land on the value', async () => {
    const html = await render(ReportSection({ ...props, readOnly: true, cellComments: { 'D0.02': 'Data <niezgodna> z rejestrem' } }));
    assert.doesNotMatch(html, /<(input|select|textarea|fieldset)\b/);
    assert.match(
      html,
      /<dt><span>Forma organizacyjna<\/span><\/dt><dd id="cell-D0-01"><span class="report-cell__value"><span>Przychodnia<\/span><\/span><\/dd>/,
    );
    assert.equal(text(byId(html, 'cell-D0-02-comment')), 'Uwaga weryfikującego: Data &lt;niezgodna> z rejestrem');
    assert.match(byId(html, 'cell-D0-03'), /brak wartości/);
  });
});

describe('ReportHeader', () => {
  it('the facts the definition lists, escaped, and the model notice', async () => {
    const html = await render(ReportHeader({ def: sampleForm, unit: sampleUnit, year: 2025, version: 2 }));
    const dts = [...html.matchAll(/<dt>([^<]*)<\/dt>/g)].map((m) => m[1]);
    assert.deepEqual(dts, ['Formularz', 'Rok sprawozdawczy', 'Wersja sprawozdania', 'Nazwa jednostki', 'REGON', 'Kod TERYT']);
    assert.match(html, /<dd>Przychodnia „Pod Lipami” &lt;Filia><\/dd>/);
    assert.doesNotMatch(html, /5260250274|Lipowa/, 'NIP and address are not in this form’s header');
    assert.match(html, /<dd>MZ-T1 – Sprawozdanie testowe z porad<\/dd>/);
    assert.match(html, /<div class="notice notice--info" data-qa="report-model-notice"><p>Model uproszczony formularza MZ-T1/);
    assert.match(html, /<summary>Źródła<\/summary><ul><li>Program badań/);
  });

  it('a missing registry fact is a dash, not a blank', async () => {
    const html = await render(ReportHeader({ def: { ...sampleForm, header: ['nip'] }, unit: { ...sampleUnit, nip: null }, year: 2025, version: 1 }));
    assert.match(html, /<dt>NIP<\/dt><dd>—<\/dd>/);
  });
});

describe('RuleResultsList', () => {
  const errors: RuleResult[] = [{ code: 'R01', severity: 'blad', message: 'Dzieci <więcej> niż ogółem', cells: ['D1.02.1', 'D1.01.1'] }];
  const warnings: RuleResult[] = [
    { code: 'R02', severity: 'ostrzezenie', message: 'Wzrost ponad dwukrotny', cells: ['D1.01.1'] },
    { code: 'R03', severity: 'ostrzezenie', message: 'Bez komórek', cells: [] },
  ];

  it('errors and warnings in two groups, each linking to its first cell, on this page by default', async () => {
    const html = await render(RuleResultsList({ errors, warnings, explanations: {}, editable: true }));
    assert.match(html, /<h2 id="rule-results-title">Wyniki sprawdzenia<\/h2>/);
    assert.match(html, /<h3 id="rule-results-blad"><span>Błędy — blokują wysłanie<\/span> <span class="rule-results__count">\(1\)<\/span><\/h3>/);
    assert.match(
      html,
      /<h3 id="rule-results-ostrzezenie"><span>Ostrzeżenia — wymagają wyjaśnienia<\/span> <span class="rule-results__count">\(2\)<\/span><\/h3>/,
    );
    assert.match(
      html,
      /<li id="rule-R01"><a href="#cell-D1-02-1"><span class="rule-results__code">R01<\/span> <span>Dzieci &lt;więcej> niż ogółem<\/span><\/a>/,
    );
    assert.equal(cellHref('D1.02.1'), '#cell-D1-02-1');
    assert.match(html, /<li id="rule-R03"><span><span class="rule-results__code">R03<\/span>/, 'no cell, no link');
  });

  it('a cell on another page: the link comes from hrefFor', async () => {
    const html = await render(
      RuleResultsList({ errors, warnings: [], explanations: {}, editable: false, hrefFor: (code) => `/sprawozdania/7/dzial/D1#${cellId(code)}` }),
    );
    assert.match(html, /<a href="\/sprawozdania\/7\/dzial\/D1#cell-D1-02-1">/);
    assert.match(html, /<p>Brak ostrzeżeń.<\/p>/);
  });

  it('editable: each warning has a labelled textarea named explain-<rule>, with its error when refused', async () => {
    const html = await render(
      RuleResultsList({
        errors: [],
        warnings,
        explanations: { R02: 'Nowa poradnia </textarea><b>' },
        editable: true,
        explanationErrors: { R03: 'Wyjaśnij ostrzeżenie R03' },
      }),
    );
    const areas = tags(html, 'textarea');
    assert.deepEqual(
      areas.map((a) => [a.name, a.id]),
      [
        ['explain-R02', 'explain-R02'],
        ['explain-R03', 'explain-R03'],
      ],
    );
    assert.match(html, /<label class="field__label" for="explain-R02">Wyjaśnienie ostrzeżenia R02<\/label>/);
    assert.match(html, />Nowa poradnia &lt;\/textarea>&lt;b><\/textarea>/);
    assert.equal(areas[1]!['aria-invalid'], 'true');
    assert.equal(areas[1]!['aria-describedby'], 'explain-R03-error');
    assert.equal(text(byId(html, 'explain-R03-error')), 'Błąd: Wyjaśnij ostrzeżenie R03');
    assert.match(html, /<p>Brak błędów.<\/p>/);
  });

  it("not editable (the verifier's view): the explanation as text, none shown as such, no form controls", async () => {
    const html = await render(RuleResultsList({ errors, warnings, explanations: { R02: 'Nowa <poradnia>' }, editable: false }));
    assert.doesNotMatch(html, /<textarea/);
    assert.match(html, /<p class="rule-results__explanation"><strong>Wyjaśnienie:<\/strong> <span>Nowa &lt;poradnia><\/span><\/p>/);
    assert.match(html, /<strong>Wyjaśnienie:<\/strong> <span aria-hidden="true">—<\/span><span class="visually-hidden">brak wyjaśnienia<\/span>/);
  });
});
