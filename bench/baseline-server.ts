/**
 * The baselines every benchmark scenario is measured against, in the same run: a bare Fastify route
 * returning a constant, and a bare Fastify route running one trivial query on the same database
 * (the same driver and pool size as the portal). Started by bench/run.ts as its own process.
 */
import Fastify from 'fastify';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
pool.on('error', () => {});
const app = Fastify({ logger: false });
app.get('/const', async () => ({ ok: true }));
app.get('/query', async () => {
  const r = await pool.query('SELECT 1 AS one');
  return { one: r.rows[0].one };
});
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });

// the portal's mail server during the benchmark: accepts every message and keeps nothing, as a relay
// would, so the portal's outbox delivers as in production instead of retrying against a closed port
if (process.env.SMTP_PORT) {
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => callback());
    },
  });
  await new Promise<void>((resolve) => smtp.listen(Number(process.env.SMTP_PORT), '127.0.0.1', resolve));
}
process.on('SIGTERM', () => void app.close().then(() => pool.end().then(() => process.exit(0))));
