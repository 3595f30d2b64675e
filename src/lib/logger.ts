import pino, { type LoggerOptions } from 'pino';

/** Eleven digits in a row look like a PESEL: never let one reach the logs. */
const PESEL_LIKE = /(?<!\d)\d{11}(?!\d)/g;

export function scrubPesel(value: string | undefined): string {
  return (value ?? '').replace(PESEL_LIKE, '***********');
}

function scrubDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubPesel(value);
  if (depth > 5 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, depth + 1));
  // only plain objects are copied: requests, errors and streams keep their getters for the serializers
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = scrubDeep(v, depth + 1);
  return out;
}

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    messageKey: 'msg',
    redact: {
      paths: ['pesel', '*.pesel', 'password', '*.password', 'req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
      censor: '[ukryte]',
    },
    formatters: {
      log: (obj) => scrubDeep(obj) as Record<string, unknown>,
    },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? scrubPesel(a) : a)) as Parameters<typeof method>);
      },
    },
    serializers: {
      req: (req: { method?: string; url?: string; id?: string; ip?: string }) => ({
        id: req.id,
        method: req.method,
        // PESEL-like numbers and form tokens (multipart uploads carry _csrf in the query) stay out of logs
        url: scrubPesel(req.url).replace(/([?&]_csrf=)[^&]*/g, '$1[ukryte]'),
        ip: req.ip,
      }),
    },
  };
}

export function createLogger(level: string) {
  return pino(loggerOptions(level));
}
