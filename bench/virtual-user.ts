/**
 * A browser-like virtual user of the benchmark: node:http with keep-alive (light enough for the load
 * generator to stay out of the way on a 2-core machine), a small cookie jar (paths ignored: every
 * cookie is sent everywhere, as test/helpers/agent.ts does), no automatic redirects, and its own
 * client address in X-Forwarded-For (the portal runs with TRUST_PROXY=true, as behind its proxy), so
 * per-IP limits see many people rather than one loopback address. Every answer's time goes to `times`.
 */
import http from 'node:http';

export interface Answer {
  status: number;
  location: string;
  body: string;
  ms: number;
}

// enough sockets for the wizard's burst of 500 requests at the same moment
const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });

/** The path (and query) of a same-site absolute URL, or the path as is. */
export function pathOf(location: string): string {
  if (/^https?:\/\//.test(location)) {
    const u = new URL(location);
    return u.pathname + u.search;
  }
  return location;
}

export function csrfOf(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m?.[1]) throw new Error(`no CSRF field in page: ${html.slice(0, 200)}`);
  return m[1];
}

export class VirtualUser {
  readonly cookies = new Map<string, string>();
  constructor(
    private readonly port: number,
    public ip: string,
    private readonly times: number[],
  ) {}

  private store(setCookie: string[] | undefined): void {
    for (const c of setCookie ?? []) {
      const [pair = '', ...attrs] = c.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const gone = attrs.some((a) => {
        const [k = '', v = ''] = a.trim().split('=');
        const key = k.toLowerCase();
        return (key === 'max-age' && Number(v) <= 0) || (key === 'expires' && Date.parse(v) < Date.now());
      });
      if (value === '' || gone) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  request(method: 'GET' | 'POST', url: string, form?: Record<string, string | string[]>): Promise<Answer> {
    const path = pathOf(url);
    let payload: string | undefined;
    if (form) {
      const p = new URLSearchParams();
      for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, x);
      payload = p.toString();
    }
    const headers: Record<string, string> = { 'x-forwarded-for': this.ip, accept: 'text/html' };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (payload !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers['content-length'] = String(Buffer.byteLength(payload));
    }
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: this.port, method, path, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const ms = performance.now() - started;
          this.times.push(ms);
          this.store(res.headers['set-cookie']);
          resolve({ status: res.statusCode ?? 0, location: String(res.headers.location ?? ''), body: Buffer.concat(chunks).toString('utf8'), ms });
        });
        res.on('error', reject);
      });
      req.setTimeout(60_000, () => req.destroy(new Error(`${method} ${path}: no answer in 60 s`)));
      req.on('error', reject);
      req.end(payload);
    });
  }

  get(url: string): Promise<Answer> {
    return this.request('GET', url);
  }

  post(url: string, form: Record<string, string | string[]>): Promise<Answer> {
    return this.request('POST', url, form);
  }

  /** The answer must have this status (and, for a redirect, a location matching `to`); else an Error with a short reason. */
  static expect(a: Answer, status: number, what: string, to?: RegExp): Answer {
    if (a.status !== status || (to && !to.test(pathOf(a.location)))) {
      const text = a.body
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .slice(0, 160);
      throw new Error(`${what}: ${a.status} ${a.location} ${text}`);
    }
    return a;
  }
}
