import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
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
});
