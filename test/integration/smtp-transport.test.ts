import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { SmtpTransport } from '../../src/mail/transports.ts';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

describe('SMTP transport against a real SMTP server', () => {
  const received: Received[] = [];
  let server: SMTPServer;
  let port = 0;
  let failNext = false;

  before(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          if (failNext) {
            failNext = false;
            return callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 451 }));
          }
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('delivers an HTML + text e-mail with Polish letters', async () => {
    const transport = new SmtpTransport(`smtp://127.0.0.1:${port}`, 'SSOZ II <no-reply@ssoz.example.pl>');
    await transport.deliver({
      id: 'm1',
      channel: 'email',
      to: 'jan.kowalski@example.pl',
      subject: 'Wniosek zaakceptowany — Łódź',
      text: 'Zażółć gęślą jaźń',
      html: '<p>Zażółć</p>',
    });
    transport.close();
    assert.equal(received.length, 1);
    assert.deepEqual(received[0]?.to, ['jan.kowalski@example.pl']);
    assert.equal(received[0]?.from, 'no-reply@ssoz.example.pl');
    assert.match(received[0]?.raw ?? '', /X-SSOZ-Message-Id: m1/i);
    assert.match(received[0]?.raw ?? '', /multipart\/alternative/);
  });

  it('reports a temporary server failure so the job is retried', async () => {
    failNext = true;
    const transport = new SmtpTransport(`smtp://127.0.0.1:${port}`, 'no-reply@ssoz.example.pl');
    await assert.rejects(transport.deliver({ id: 'm2', channel: 'email', to: 'x@example.pl', subject: 's', text: 't', html: null }));
    transport.close();
  });

  it('refuses SMS, which has no production gateway', async () => {
    const transport = new SmtpTransport(`smtp://127.0.0.1:${port}`, 'no-reply@ssoz.example.pl');
    await assert.rejects(
      transport.deliver({ id: 'm3', channel: 'sms', to: '+48600100200', subject: null, text: 'kod', html: null }),
      /no production transport/,
    );
    transport.close();
  });
});
