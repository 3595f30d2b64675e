import { once } from 'node:events';
import net from 'node:net';
import type { Readable } from 'node:stream';

/** The only two answers that count. Anything else (no answer, an error) is "no verdict". */
export type ScanVerdict = { status: 'clean' } | { status: 'infected'; signature: string };

export interface MalwareScanner {
  readonly name: 'clamd' | 'builtin-eicar';
  /**
   * Reads `data` to the end (or until a verdict) and returns the verdict. Throws
   * ScannerUnavailableError when the scanner cannot decide (unreachable, timeout, protocol error,
   * an ERROR reply such as the stream size limit); errors of `data` itself are rethrown as they are.
   * A throw is never a verdict: the caller keeps the file pending.
   */
  scan(data: Readable): Promise<ScanVerdict>;
}

export type ScannerFailure = 'unreachable' | 'timeout' | 'protocol' | 'error-reply' | 'size-limit';

/** The scanner could not give a verdict; the file must stay pending and be retried. */
export class ScannerUnavailableError extends Error {
  override readonly name = 'ScannerUnavailableError';
  constructor(
    message: string,
    readonly reason: ScannerFailure = 'unreachable',
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * The standard 68-byte EICAR anti-virus test string (https://www.eicar.org/download-anti-malware-testfile/).
 * Kept in two parts so that this source file is not itself picked up as an EICAR file.
 */
export const EICAR: string = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$' + 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

const toBuffer = (chunk: unknown): Buffer =>
  Buffer.isBuffer(chunk) ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength) : Buffer.from(String(chunk));

const EARLY_REPLY = Symbol('early reply');

/**
 * clamd over TCP with the INSTREAM command: `zINSTREAM\0`, then chunks each prefixed with a 4-byte
 * big-endian length, then a zero-length chunk; the reply is `stream: OK\0` or
 * `stream: <Signature> FOUND\0` (or `… ERROR\0`). One connection per scan.
 */
export class ClamdScanner implements MalwareScanner {
  readonly name = 'clamd' as const;
  private readonly host: string;
  private readonly port: number;
  private readonly timeoutMs: number;
  private readonly chunkSize: number;

  constructor(url: string, opts: { timeoutMs?: number; chunkSize?: number } = {}) {
    const m = /^tcp:\/\/(\[[^\]]+\]|[^:/]+):(\d{1,5})\/?$/.exec(url);
    const port = m ? Number(m[2]) : NaN;
    if (!m || !(port > 0 && port < 65536)) throw new Error(`invalid clamd URL (expected tcp://host:port): ${url}`);
    this.host = m[1]!.replace(/^\[(.*)\]$/, '$1');
    this.port = port;
    this.timeoutMs = opts.timeoutMs ?? 30_000;
    this.chunkSize = opts.chunkSize ?? 64 * 1024;
    if (!(this.timeoutMs > 0)) throw new Error('timeoutMs must be positive');
    if (!Number.isInteger(this.chunkSize) || this.chunkSize < 1 || this.chunkSize > 0xffffffff)
      throw new Error('chunkSize must be an integer between 1 and 2^32-1');
  }

  /** `timeoutMs` bounds the whole scan: connect, upload and clamd's answer. */
  async scan(data: Readable): Promise<ScanVerdict> {
    const where = `${this.host}:${this.port}`;
    const socket = net.createConnection({ host: this.host, port: this.port });
    let timer: NodeJS.Timeout | undefined;

    // Settles once: with the NUL-terminated reply, or with the reason there will be none.
    const outcome = new Promise<string>((resolve, reject) => {
      const received: Buffer[] = [];
      let receivedBytes = 0;
      const fail = (err: ScannerUnavailableError): void => {
        reject(err);
        socket.destroy();
      };
      timer = setTimeout(() => fail(new ScannerUnavailableError(`clamd at ${where} gave no answer within ${this.timeoutMs} ms`, 'timeout')), this.timeoutMs);
      socket.on('data', (chunk: Buffer) => {
        received.push(chunk);
        receivedBytes += chunk.length;
        const all = Buffer.concat(received);
        const nul = all.indexOf(0);
        if (nul >= 0) resolve(all.subarray(0, nul).toString('utf8').trim());
        else if (receivedBytes > 64 * 1024) fail(new ScannerUnavailableError(`clamd at ${where} sent an overlong reply`, 'protocol'));
      });
      socket.on('error', (err: Error) => fail(new ScannerUnavailableError(`clamd at ${where} unreachable: ${err.message}`, 'unreachable', { cause: err })));
      socket.on('close', () => {
        const partial = Buffer.concat(received).toString('utf8').trim();
        if (/size limit exceeded/i.test(partial)) fail(new ScannerUnavailableError(`clamd at ${where}: ${partial} (StreamMaxLength)`, 'size-limit'));
        else if (/ERROR$/.test(partial)) fail(new ScannerUnavailableError(`clamd at ${where} replied: ${partial}`, 'error-reply'));
        else
          fail(
            new ScannerUnavailableError(
              `clamd at ${where} closed the connection without a verdict${partial ? ` (partial reply: ${JSON.stringify(partial.slice(0, 200))})` : ''}`,
              'protocol',
            ),
          );
      });
    });
    outcome.catch(() => {}); // observed below; this only keeps an unobserved rejection from being reported

    // Waits for `p`, unless the connection fails first (throws) or clamd already answered (EARLY_REPLY).
    const orOutcome = <T>(p: Promise<T>): Promise<Awaited<T> | typeof EARLY_REPLY> => Promise.race([p, outcome.then((): typeof EARLY_REPLY => EARLY_REPLY)]);
    const send = async (...parts: Buffer[]): Promise<boolean> => {
      if (socket.destroyed) {
        await outcome; // throws the failure, or clamd answered and closed: stop sending
        return false;
      }
      let ok = true;
      for (const part of parts) ok = socket.write(part);
      if (ok) return true;
      return (await orOutcome(once(socket, 'drain'))) !== EARLY_REPLY;
    };

    try {
      let complete = false;
      upload: {
        if (!(await send(Buffer.from('zINSTREAM\0', 'latin1')))) break upload;
        for await (const chunk of data) {
          const buf = toBuffer(chunk);
          for (let off = 0; off < buf.length; off += this.chunkSize) {
            const slice = buf.subarray(off, off + this.chunkSize);
            const header = Buffer.alloc(4);
            header.writeUInt32BE(slice.length, 0);
            if (!(await send(header, slice))) break upload; // leaving the loop also destroys `data`
          }
        }
        if (!(await send(Buffer.alloc(4)))) break upload;
        complete = true;
      }
      const reply = await outcome;
      const verdict = parseClamdReply(reply, where);
      if (!complete && verdict.status === 'clean') {
        throw new ScannerUnavailableError(`clamd at ${where} answered before the whole file was sent: ${reply}`, 'protocol');
      }
      return verdict;
    } finally {
      clearTimeout(timer);
      socket.destroy();
    }
  }
}

/** Interprets one INSTREAM reply; anything but OK / FOUND is "no verdict". */
export function parseClamdReply(reply: string, where = 'clamd'): ScanVerdict {
  if (reply === 'stream: OK') return { status: 'clean' };
  const found = /^stream: (.+) FOUND$/.exec(reply);
  if (found) return { status: 'infected', signature: found[1]! };
  if (/size limit exceeded/i.test(reply)) throw new ScannerUnavailableError(`clamd at ${where}: ${reply} (StreamMaxLength)`, 'size-limit');
  if (/ERROR$/.test(reply)) throw new ScannerUnavailableError(`clamd at ${where} replied: ${reply}`, 'error-reply');
  throw new ScannerUnavailableError(`clamd at ${where} sent an unexpected reply: ${JSON.stringify(reply.slice(0, 200))}`, 'protocol');
}

/**
 * DEMO ONLY — THIS IS NOT AN ANTIVIRUS. It recognises the EICAR test string anywhere in the file so
 * that the "file removed" path of the portal can be shown without clamd, and nothing else: every
 * real malware passes as "clean". Production uses clamd (CLAMD_URL); without it files stay pending.
 */
export class BuiltinEicarScanner implements MalwareScanner {
  readonly name = 'builtin-eicar' as const;
  static readonly SIGNATURE = 'Builtin.EICAR-Test-File';
  private static readonly NEEDLE = Buffer.from(EICAR, 'latin1');

  async scan(data: Readable): Promise<ScanVerdict> {
    const needle = BuiltinEicarScanner.NEEDLE;
    // the last needle-1 bytes of what came before, so a match spanning chunk boundaries is found
    let tail = Buffer.alloc(0);
    for await (const chunk of data) {
      const buf = toBuffer(chunk);
      const window = tail.length ? Buffer.concat([tail, buf]) : buf;
      if (window.indexOf(needle) >= 0) return { status: 'infected', signature: BuiltinEicarScanner.SIGNATURE };
      tail = Buffer.from(window.subarray(Math.max(0, window.length - (needle.length - 1))));
    }
    return { status: 'clean' };
  }
}

/**
 * clamd when CLAMD_URL is set; otherwise the demo's EICAR check in demo mode; otherwise null
 * (production without a scanner: uploaded files stay pending and an alert is logged).
 */
export function createScanner(config: { clamdUrl: string | null; demo: boolean }): MalwareScanner | null {
  if (config.clamdUrl) return new ClamdScanner(config.clamdUrl);
  if (config.demo) return new BuiltinEicarScanner();
  return null;
}
