import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SummaryList } from '../../../src/views/components/SummaryList/SummaryList.tsx';

const render = async (el: JSX.Element) => String(await el);

describe('SummaryList', () => {
  it('label/value rows as a description list, escaped, empty values as a dash', async () => {
    const html = await render(
      SummaryList({
        qa: 'unit-data',
        rows: [
          { label: 'Nazwa', value: '<script>x</script> & Sp.' },
          { label: 'NIP', value: null },
          { label: 'REGON', value: '  ' },
        ],
      }),
    );
    assert.equal(
      html,
      '<dl class="kv summary-list" data-qa="unit-data">' +
        '<div><dt>Nazwa</dt><dd>&lt;script>x&lt;/script> &amp; Sp.</dd></div>' +
        '<div><dt>NIP</dt><dd>—</dd></div>' +
        '<div><dt>REGON</dt><dd>—</dd></div></dl>',
    );
  });

  it('markup from a component goes in as is; labels are escaped', async () => {
    const html = await render(SummaryList({ rows: [{ label: 'Status <i>', safeValue: '<span class="badge">Aktywny</span>' }] }));
    assert.match(html, /<dt>Status &lt;i><\/dt><dd><span class="badge">Aktywny<\/span><\/dd>/);
  });

  it('a change link per row is named with the row for screen readers', async () => {
    const html = await render(SummaryList({ rows: [{ label: 'Telefon', value: '+48 600 100 200', change: { href: '/profil/wniosek/role#f-phone' } }] }));
    assert.match(
      html,
      /<div><dt>Telefon<\/dt><dd>\+48 600 100 200<\/dd><dd class="summary-list__actions"><a href="\/profil\/wniosek\/role#f-phone"><span>Zmień<\/span><span class="visually-hidden"> Telefon<\/span><\/a><\/dd><\/div>/,
    );
  });

  it('one action for the whole list, below it', async () => {
    const html = await render(
      SummaryList({
        rows: [{ label: 'E-mail', value: 'a@b.pl' }],
        action: { href: '/x?a=1&b="2"', text: 'Edytuj <dane>', qa: 'edit-contact', module: 'dialog-link' },
      }),
    );
    assert.match(
      html,
      /<\/dl><p class="summary-list__action"><a href="\/x\?a=1&b=&#34;2&#34;" data-qa="edit-contact" data-module="dialog-link">Edytuj &lt;dane><\/a><\/p>$/,
    );
  });
});
