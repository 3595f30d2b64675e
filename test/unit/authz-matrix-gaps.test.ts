import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Fastify from 'fastify';
import { MATRIX, matrixGaps, type RouteRow } from '../authz/matrix.ts';

/** The route table the matrix describes, as Fastify lists it (every GET with its HEAD twin). */
const TABLE: RouteRow[] = Object.keys(MATRIX).flatMap((key) => {
  const [method, url] = key.split(' ') as [string, string];
  return method === 'GET'
    ? [
        { method, url },
        { method: 'HEAD', url },
      ]
    : [{ method, url }];
});

describe('the authorisation matrix fails for a route it does not list (issue 12)', () => {
  it('the route table the matrix describes has no gaps', () => {
    assert.deepEqual(matrixGaps(TABLE, MATRIX), { missing: [], stale: [] });
  });

  it('a new route without an entry is reported, with its HEAD twin', () => {
    const added = [
      ...TABLE,
      { method: 'GET', url: '/zarzadzanie/nowy-modul' },
      { method: 'HEAD', url: '/zarzadzanie/nowy-modul' },
      { method: 'POST', url: '/wnioski/:id/nowa-akcja' },
    ];
    assert.deepEqual(matrixGaps(added, MATRIX), {
      missing: ['GET /zarzadzanie/nowy-modul', 'HEAD /zarzadzanie/nowy-modul', 'POST /wnioski/:id/nowa-akcja'],
      stale: [],
    });
  });

  it('a new method on a listed path is a new route too', () => {
    assert.deepEqual(matrixGaps([...TABLE, { method: 'POST', url: '/moje-konto' }], MATRIX).missing, ['POST /moje-konto']);
  });

  it('an entry whose route is gone is reported', () => {
    const gone = TABLE.filter((r) => r.url !== '/zarzadzanie/terminy');
    assert.deepEqual(matrixGaps(gone, MATRIX), { missing: [], stale: ['GET /zarzadzanie/terminy'] });
  });

  it("a HEAD route without its GET (declared on its own) is not covered by the GET's entry", () => {
    const headOnly = [...TABLE, { method: 'HEAD', url: '/tylko-head' }];
    assert.deepEqual(matrixGaps(headOnly, MATRIX).missing, ['HEAD /tylko-head']);
  });

  it('routes collected by an onRoute hook, as the test app collects them: a dummy route is reported', async () => {
    const app = Fastify();
    const seen: RouteRow[] = [];
    app.addHook('onRoute', (r) => {
      for (const method of [r.method].flat()) seen.push({ method: String(method), url: r.url });
    });
    app.get('/kontakt', async () => 'ok');
    app.get('/dummy/:id', async () => 'ok');
    app.post('/dummy/:id/usun', async () => 'ok');
    await app.ready();
    const gaps = matrixGaps(seen, MATRIX);
    assert.deepEqual(gaps.missing, ['GET /dummy/:id', 'HEAD /dummy/:id', 'POST /dummy/:id/usun']);
    assert.ok(!gaps.stale.includes('GET /kontakt') && gaps.stale.includes('POST /kontakt'), 'the listed route is covered, the ones not registered are stale');
    await app.close();
  });
});
