import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import Fastify from 'fastify';
import pino from 'pino';
import { loggerOptions, scrubPesel } from '../../src/lib/logger.ts';

describe('logs never contain a PESEL', () => {
  it('scrubs 11-digit sequences only', () => {
    assert.equal(scrubPesel('pesel 85031401244 ok'), 'pesel *********** ok');
    assert.equal(scrubPesel('nip 5251575309, tel 600100200'), 'nip 5251575309, tel 600100200');
  });

  it('scrubs messages, nested fields and redacts pesel keys', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    const log = pino(loggerOptions('info'), sink);
    log.info({ pesel: '85031401244', nested: { note: 'user 78110507838' } }, 'login for 65022802359');
    const out = lines.join('');
    for (const p of ['85031401244', '78110507838', '65022802359']) assert.ok(!out.includes(p), `${p} leaked: ${out}`);
    assert.match(out, /\[ukryte\]/);
  });

  it("a request's log lines say when, from where and what: time, request id, method, url, client ip, status; tokens and PESELs hidden", async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk, _enc, cb) {
        for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l) as Record<string, unknown>);
        cb();
      },
    });
    const app = Fastify({ loggerInstance: pino(loggerOptions('info'), sink), genReqId: () => 'req-7' });
    app.post('/wnioski/:id/zalaczniki', async (req) => {
      req.log.info({ attachment: 'a1' }, 'attachment stored');
      return { ok: true };
    });
    const before = Date.now();
    const res = await app.inject({
      method: 'POST',
      url: '/wnioski/x/zalaczniki?_csrf=sekret-tokenu&pesel=85031401244',
      remoteAddress: '198.51.100.9',
      payload: {},
    });
    await app.close();
    assert.equal(res.statusCode, 200);
    const incoming = lines.find((l) => l.msg === 'incoming request');
    const completed = lines.find((l) => l.msg === 'request completed');
    const own = lines.find((l) => l.msg === 'attachment stored');
    assert.ok(incoming && completed && own, JSON.stringify(lines));
    for (const l of [incoming, completed, own]) {
      assert.equal(l.reqId, 'req-7', 'every line of the request carries its id');
      assert.ok(typeof l.time === 'number' && l.time >= before && l.time <= Date.now() + 1000, 'when: an epoch timestamp');
    }
    assert.deepEqual(incoming.req, { id: 'req-7', method: 'POST', url: '/wnioski/x/zalaczniki?_csrf=[ukryte]&pesel=***********', ip: '198.51.100.9' });
    assert.equal((completed.res as { statusCode: number }).statusCode, 200);
    assert.equal(own.attachment, 'a1');
    const all = JSON.stringify(lines);
    assert.ok(!all.includes('sekret-tokenu') && !all.includes('85031401244'), all);
  });
});
