import fs from 'node:fs';

/**
 * The app's log lines while a test runs: pino writes to fd 1 with fs.write/fs.writeSync, which are
 * caught here (and kept from the test output) until `restore()`. Start before buildTestApp, with a
 * LOG_LEVEL that lets the lines through.
 */
export function captureLogs(): { text: () => string; restore: () => void } {
  const chunks: string[] = [];
  const { write, writeSync } = fs;
  const asText = (data: unknown) => (typeof data === 'string' ? data : Buffer.isBuffer(data) ? data.toString('utf8') : '');
  const fsMut = fs as unknown as Record<'write' | 'writeSync', (...args: unknown[]) => unknown>;
  fsMut.write = (...args: unknown[]) => {
    if (args[0] !== 1) return (write as (...a: unknown[]) => unknown)(...args);
    const text = asText(args[1]);
    chunks.push(text);
    const cb = args.at(-1);
    if (typeof cb === 'function') process.nextTick(() => (cb as (e: null, n: number) => void)(null, Buffer.byteLength(text)));
    return undefined;
  };
  fsMut.writeSync = (...args: unknown[]) => {
    if (args[0] !== 1) return (writeSync as (...a: unknown[]) => unknown)(...args);
    const text = asText(args[1]);
    chunks.push(text);
    return Buffer.byteLength(text);
  };
  return {
    text: () => chunks.join(''),
    restore: () => {
      fsMut.write = write as never;
      fsMut.writeSync = writeSync as never;
    },
  };
}

/** The JSON log lines as objects (lines that are not JSON are skipped). */
export function logRecords(text: string): Record<string, unknown>[] {
  return text.split('\n').flatMap((line) => {
    try {
      return line.trim() ? [JSON.parse(line) as Record<string, unknown>] : [];
    } catch {
      return [];
    }
  });
}
