import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pageWindow, Pagination, PaginationSummary, pagingHref, type PagingProps } from '../../../src/views/components/Pagination/Pagination.tsx';

const render = async (el: JSX.Element) => String(await el);

const base: PagingProps = {
  path: '/moje-konto',
  query: [
    ['sortOczekujace', 'jednostka'],
    ['stronaOczekujace', '3'],
    ['naStroniePozostale', '10'],
  ],
  pageParam: 'stronaOczekujace',
  sizeParam: 'naStronieOczekujace',
  page: 3,
  pageCount: 9,
  total: 42,
  pageSize: 5,
  pageSizes: [5, 10, 25],
  anchor: 'oczekujace-wnioski',
  label: 'Oczekujące wnioski: strony',
  sizeId: 'f-naStronieOczekujace',
  totalQa: 'pending-total',
};

describe('Pagination', () => {
  it('page window: first, last, the current page and its neighbours', () => {
    assert.deepEqual(pageWindow(1, 1), [1]);
    assert.deepEqual(pageWindow(1, 9), [1, 2, 9]);
    assert.deepEqual(pageWindow(5, 9), [1, 4, 5, 6, 9]);
    assert.deepEqual(pageWindow(9, 9), [1, 8, 9]);
  });

  it('links keep the other parameters and the section; page 1 is left out', () => {
    assert.equal(
      pagingHref(base, { stronaOczekujace: '4' }),
      '/moje-konto?sortOczekujace=jednostka&stronaOczekujace=4&naStroniePozostale=10#oczekujace-wnioski',
    );
    assert.equal(pagingHref(base, { stronaOczekujace: null }), '/moje-konto?sortOczekujace=jednostka&naStroniePozostale=10#oczekujace-wnioski');
    assert.equal(pagingHref({ path: '/x', query: [] }, {}), '/x');
  });

  it('page links: previous, numbers with gaps, the current page marked, next', async () => {
    const html = await render(Pagination(base));
    assert.match(html, /^<nav class="pagination" aria-label="Oczekujące wnioski: strony"><ul>/);
    assert.match(
      html,
      /<a href="\/moje-konto\?sortOczekujace=jednostka&stronaOczekujace=2&naStroniePozostale=10#oczekujace-wnioski" rel="prev">&lt; Poprzednia<\/a>/,
    );
    assert.match(
      html,
      /<a href="\/moje-konto\?sortOczekujace=jednostka&naStroniePozostale=10#oczekujace-wnioski"><span class="visually-hidden">Strona <\/span><span>1<\/span><\/a>/,
    );
    assert.match(html, /<span aria-current="page"><span class="visually-hidden">Strona <\/span><span>3<\/span><\/span>/);
    assert.match(html, /stronaOczekujace=4[^"]*" rel="next">Następna ><\/a>/);
    // 1 2 [3] 4 … 9
    assert.deepEqual(
      [...html.matchAll(/<span>(\d+)<\/span>/g)].map((m) => m[1]),
      ['1', '2', '3', '4', '9'],
    );
    assert.equal((html.match(/…/g) ?? []).length, 1);
  });

  it('no page links when everything fits on one page; no prev on the first, no next on the last', async () => {
    assert.equal(await render(Pagination({ ...base, page: 1, pageCount: 1 })), '');
    assert.doesNotMatch(await render(Pagination({ ...base, page: 1 })), /rel="prev"/);
    assert.doesNotMatch(await render(Pagination({ ...base, page: 9 })), /rel="next"/);
  });

  it('values from the query are encoded in links and escaped in hidden fields', async () => {
    const evil: PagingProps = { ...base, query: [['nazwa', '"><script>alert(1)</script>']] };
    const links = await render(Pagination(evil));
    const summary = await render(PaginationSummary(evil));
    // a quote cannot close the attribute, so the value stays a value
    assert.match(links, /href="\/moje-konto\?nazwa=%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E&stronaOczekujace=2#oczekujace-wnioski"/);
    assert.match(summary, /<input type="hidden" name="nazwa" value="&#34;><script>alert\(1\)<\/script>"\/?>/);
    assert.equal((summary.match(/"/g) ?? []).length % 2, 0);
  });

  it('"Wszystkich pozycji" and "Pokaż na stronie": a GET form keeping the other parameters, back to page 1', async () => {
    const html = await render(PaginationSummary(base));
    assert.match(html, /^<p class="list-total">Wszystkich pozycji <strong data-qa="pending-total">42<\/strong><\/p>/);
    assert.match(html, /<form method="get" action="\/moje-konto#oczekujace-wnioski" class="list-controls">/);
    assert.match(html, /<input type="hidden" name="sortOczekujace" value="jednostka"\/?><input type="hidden" name="naStroniePozostale" value="10"\/?>/);
    assert.doesNotMatch(html, /name="stronaOczekujace"/, 'a new page size starts from the first page');
    assert.match(
      html,
      /<label class="field__label" for="f-naStronieOczekujace">Pokaż na stronie<\/label><select class="field__input" id="f-naStronieOczekujace" name="naStronieOczekujace"><option value="5" selected>5<\/option><option value="10">10<\/option>/,
    );
    assert.match(html, /<button class="button button--secondary" type="submit">Pokaż<\/button>/);
    assert.doesNotMatch(html, /class="pagination"/);
  });

  it('extra controls join the form and are not repeated as hidden fields', async () => {
    const html = await render(PaginationSummary({ ...base, controls: ['sortOczekujace'], children: '<select name="sortOczekujace"></select>' }));
    assert.doesNotMatch(html, /type="hidden" name="sortOczekujace"/);
    assert.match(html, /<div class="field field--inline"><select name="sortOczekujace"><\/select><label/);
  });
});
