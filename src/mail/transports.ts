import nodemailer, { type Transporter } from 'nodemailer';

export interface DeliverableMessage {
  id: string;
  channel: string;
  to: string;
  subject: string | null;
  text: string;
  html: string | null;
}

export interface MessageTransport {
  readonly name: 'demo' | 'smtp';
  deliver(msg: DeliverableMessage): Promise<void>;
  close?(): void;
}

/** Demo mode: delivering means keeping the message for /dev/poczta — nothing leaves the machine. */
export class DemoMailboxTransport implements MessageTransport {
  readonly name = 'demo' as const;
  async deliver(): Promise<void> {}
}

/**
 * The benchmark's SMS gateway (Config.benchmark.pzSimulator only): an SMS is accepted and dropped, as a
 * gateway's HTTP call would accept it; the load generator reads the code from the outbox table. E-mail
 * goes to the wrapped transport.
 */
export class BenchmarkSmsSink implements MessageTransport {
  readonly name: MessageTransport['name'];
  constructor(private readonly inner: MessageTransport) {
    this.name = inner.name;
  }
  async deliver(msg: DeliverableMessage): Promise<void> {
    if (msg.channel === 'sms') return;
    await this.inner.deliver(msg);
  }
  close(): void {
    this.inner.close?.();
  }
}

/** Production: e-mail over SMTP. SMS has no production gateway (only the simulated Profil Zaufany sends SMS). */
export class SmtpTransport implements MessageTransport {
  readonly name = 'smtp' as const;
  private readonly transporter: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transporter = nodemailer.createTransport(smtpUrl);
  }

  async deliver(msg: DeliverableMessage): Promise<void> {
    if (msg.channel !== 'email') throw new Error(`no production transport for channel ${msg.channel}`);
    await this.transporter.sendMail({
      from: this.from,
      to: msg.to,
      subject: msg.subject ?? '',
      text: msg.text,
      ...(msg.html ? { html: msg.html } : {}),
      headers: { 'X-SSOZ-Message-Id': msg.id },
    });
  }

  close(): void {
    this.transporter.close();
  }
}
