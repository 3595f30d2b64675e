import { createServer } from 'node:net';
import { buildTestApp, type TestApp, type TestAppOptions } from '../../test/helpers/app.ts';

/** A free loopback port (the OIDC redirects need the real port in PUBLIC_URL before the app is built). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** The full app listening on loopback, with PUBLIC_URL matching its address. */
export async function startServer(opts: TestAppOptions & { host?: string; port?: number } = {}): Promise<{ t: TestApp; base: string }> {
  const port = opts.port ?? (await freePort());
  const host = opts.host ?? '127.0.0.1';
  const base = `http://${host}:${port}`;
  const t = await buildTestApp({ ...opts, env: { PORT: String(port), PUBLIC_URL: base, ...opts.env } });
  await t.app.listen({ host: host === 'localhost' ? 'localhost' : '127.0.0.1', port });
  return { t, base };
}
