import assert from 'node:assert/strict';
import net from 'node:net';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { BuiltinEicarScanner, ClamdScanner, createScanner, EICAR, parseClamdReply, ScannerUnavailableError } from '../../src/files/scanner.ts';

const CLAMD_URL = process.env.CLAMD_URL ?? '';
const skipClamd = CLAMD_URL ? false : 'CLAMD_URL not set: start a local clamd with `bash scripts/clamd.sh start` and export CLAMD_URL=tcp://127.0.0.1:3310';

/** a stream that yields the given chunks one by one */
const chunks = (...parts: (string | Buffer)[]): Readable => Readable.from(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : p)));

/** `total` bytes of harmless, non-repeating-looking content in `chunk`-sized pieces, generated lazily */
function bigStream(total: number, chunk: number): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= total) return void this.push(null);
      const n = Math.min(chunk, total - sent);
      const buf = Buffer.alloc(n);
      for (let i = 0; i < n; i++) buf[i] = 32 + (((sent + i) * 7919 + ((sent + i) >> 9)) % 95);
      sent += n;
      this.push(buf);
    },
  });
}

const pdfLike = (): Buffer =>
  Buffer.from(
    '%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    'latin1',
  );

describe('EICAR constant', () => {
  it('is the standard 68-byte test string', () => {
    assert.equal(EICAR.length, 68);
    assert.equal(Buffer.byteLength(EICAR, 'latin1'), 68);
    assert.ok(EICAR.startsWith('X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!'));
    assert.ok(EICAR.endsWith('$H+H*'));
  });
});

describe('BuiltinEicarScanner (demo only, not an antivirus)', () => {
  const scanner = new BuiltinEicarScanner();
  it('finds EICAR inside a file, also when it spans chunk boundaries', async () => {
    assert.deepEqual(await scanner.scan(chunks('%PDF-1.4 before ', EICAR, ' after')), { status: 'infected', signature: BuiltinEicarScanner.SIGNATURE });
    assert.deepEqual(await scanner.scan(chunks(`head${EICAR.slice(0, 30)}`, `${EICAR.slice(30)}tail`)), {
      status: 'infected',
      signature: BuiltinEicarScanner.SIGNATURE,
    });
    // one byte per chunk
    assert.equal((await scanner.scan(chunks(...`xx${EICAR}yy`.split('')))).status, 'infected');
    // split over three chunks, the middle one shorter than the string
    assert.equal((await scanner.scan(chunks(EICAR.slice(0, 10), EICAR.slice(10, 20), EICAR.slice(20)))).status, 'infected');
    assert.match(BuiltinEicarScanner.SIGNATURE, /EICAR/);
    assert.equal(scanner.name, 'builtin-eicar');
  });
  it('finds EICAR after a large clean prefix', async () => {
    const big = Buffer.alloc(200_000, 0x41);
    assert.equal((await scanner.scan(chunks(big, big.subarray(0, 1234), EICAR.slice(0, 5), EICAR.slice(5)))).status, 'infected');
  });
  it('calls anything else clean', async () => {
    assert.deepEqual(await scanner.scan(chunks(pdfLike())), { status: 'clean' });
    assert.deepEqual(await scanner.scan(chunks()), { status: 'clean' });
    // an incomplete or altered test string is not EICAR
    assert.deepEqual(await scanner.scan(chunks(EICAR.slice(0, 67), 'x')), { status: 'clean' });
    assert.deepEqual(await scanner.scan(chunks(EICAR.slice(0, 40), '-', EICAR.slice(40))), { status: 'clean' });
  });
});

describe('createScanner', () => {
  it('uses clamd when CLAMD_URL is set, in demo and production alike', () => {
    assert.ok(createScanner({ clamdUrl: 'tcp://127.0.0.1:3310', demo: true }) instanceof ClamdScanner);
    const prod = createScanner({ clamdUrl: 'tcp://clamav.internal:3310', demo: false });
    assert.ok(prod instanceof ClamdScanner);
    assert.equal(prod.name, 'clamd');
  });
  it('falls back to the EICAR check only in demo mode', () => {
    const demo = createScanner({ clamdUrl: null, demo: true });
    assert.ok(demo instanceof BuiltinEicarScanner);
    assert.equal(demo.name, 'builtin-eicar');
  });
  it('gives no scanner in production without CLAMD_URL (files stay pending)', () => {
    assert.equal(createScanner({ clamdUrl: null, demo: false }), null);
  });
  it('refuses a malformed clamd URL', () => {
    assert.throws(() => new ClamdScanner('http://127.0.0.1:3310'), /invalid clamd URL/);
    assert.throws(() => new ClamdScanner('tcp://127.0.0.1'), /invalid clamd URL/);
    assert.throws(() => new ClamdScanner('tcp://127.0.0.1:70000'), /invalid clamd URL/);
  });
});

describe('clamd replies', () => {
  it('reads OK and FOUND as verdicts and everything else as no verdict', () => {
    assert.deepEqual(parseClamdReply('stream: OK'), { status: 'clean' });
    assert.deepEqual(parseClamdReply('stream: Win.Test.EICAR_HDB-1 FOUND'), { status: 'infected', signature: 'Win.Test.EICAR_HDB-1' });
    for (const reply of ['INSTREAM size limit exceeded. ERROR', "stream: Can't allocate memory ERROR", '', 'stream: ok', 'PONG']) {
      assert.throws(() => parseClamdReply(reply), ScannerUnavailableError, reply);
    }
    assert.throws(
      () => parseClamdReply('INSTREAM size limit exceeded. ERROR'),
      (e: unknown) => e instanceof ScannerUnavailableError && e.reason === 'size-limit',
    );
  });
});

describe('ClamdScanner without a working clamd', () => {
  it('an unreachable port gives ScannerUnavailableError quickly', async () => {
    const t0 = Date.now();
    await assert.rejects(
      new ClamdScanner('tcp://127.0.0.1:1', { timeoutMs: 5000 }).scan(chunks(pdfLike())),
      (e: unknown) => e instanceof ScannerUnavailableError && e.reason === 'unreachable',
    );
    assert.ok(Date.now() - t0 < 2000, `took ${Date.now() - t0} ms`);
  });

  describe('a server that accepts and never answers', () => {
    let server: net.Server;
    let port = 0;
    const sockets = new Set<net.Socket>();
    let receivedBytes = 0;
    before(async () => {
      server = net.createServer((s) => {
        sockets.add(s);
        s.on('data', (d) => (receivedBytes += d.length));
        s.on('close', () => sockets.delete(s));
        s.on('error', () => {});
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as net.AddressInfo).port;
    });
    after(async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });
    it('gives ScannerUnavailableError after timeoutMs and closes the connection', async () => {
      const t0 = Date.now();
      await assert.rejects(
        new ClamdScanner(`tcp://127.0.0.1:${port}`, { timeoutMs: 300 }).scan(chunks(pdfLike())),
        (e: unknown) => e instanceof ScannerUnavailableError && e.reason === 'timeout',
      );
      const took = Date.now() - t0;
      assert.ok(took >= 250 && took < 3000, `took ${took} ms`);
      assert.ok(receivedBytes > 0, 'the request was sent');
      await new Promise((r) => setTimeout(r, 50));
      assert.equal(sockets.size, 0, 'the client closed its socket');
    });
  });

  it('a server that closes without a verdict gives ScannerUnavailableError, never clean', async () => {
    for (const reply of ['', 'stream: OK', 'INSTREAM size limit exceeded. ERROR\0']) {
      const server = net.createServer((s) => {
        s.on('error', () => {});
        s.once('data', () => s.end(reply));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as net.AddressInfo;
      try {
        await assert.rejects(
          new ClamdScanner(`tcp://127.0.0.1:${port}`, { timeoutMs: 2000 }).scan(chunks(pdfLike())),
          ScannerUnavailableError,
          JSON.stringify(reply),
        );
      } finally {
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    }
  });
});

describe('ClamdScanner against a real clamd (CLAMD_URL)', () => {
  const scanner = (opts?: { timeoutMs?: number; chunkSize?: number }) => new ClamdScanner(CLAMD_URL, opts);

  it('a clean PDF-like file is clean', { skip: skipClamd }, async () => {
    assert.deepEqual(await scanner().scan(chunks(pdfLike())), { status: 'clean' });
  });
  it('EICAR inside a file (bytes before and after) is infected, also sent in small chunks', { skip: skipClamd }, async () => {
    const file = Buffer.concat([pdfLike(), Buffer.from(`some text before ${EICAR} and after\n`, 'latin1'), pdfLike()]);
    const verdict = await scanner().scan(chunks(file));
    assert.equal(verdict.status, 'infected');
    assert.match(verdict.status === 'infected' ? verdict.signature : '', /EICAR/);
    // the same bytes in 7-byte INSTREAM chunks, from a stream of uneven pieces
    const split = await scanner({ chunkSize: 7 }).scan(chunks(file.subarray(0, 150), file.subarray(150, 151), file.subarray(151)));
    assert.equal(split.status, 'infected');
  });
  it('a large clean stream (3 MB in many chunks) is clean', { skip: skipClamd }, async () => {
    assert.deepEqual(await scanner({ chunkSize: 16 * 1024 }).scan(bigStream(3 * 1024 * 1024, 10_000)), { status: 'clean' });
  });
  it('a stream over StreamMaxLength (25M) gives ScannerUnavailableError, not a verdict', { skip: skipClamd }, async () => {
    await assert.rejects(scanner().scan(bigStream(26 * 1024 * 1024, 64 * 1024)), ScannerUnavailableError);
  });
  it('an empty file is clean', { skip: skipClamd }, async () => {
    assert.deepEqual(await scanner().scan(chunks()), { status: 'clean' });
  });
  it('scans in parallel', { skip: skipClamd }, async () => {
    const results = await Promise.all([scanner().scan(chunks(pdfLike())), scanner().scan(chunks('x', EICAR, 'y')), scanner().scan(bigStream(500_000, 4096))]);
    assert.deepEqual(
      results.map((r) => r.status),
      ['clean', 'infected', 'clean'],
    );
  });
  it('an error of the file stream is rethrown and is not a verdict', { skip: skipClamd }, async () => {
    const broken = new Readable({
      read() {
        this.destroy(new Error('disk read failed'));
      },
    });
    await assert.rejects(scanner().scan(broken), /disk read failed/);
  });
});
