import nodemailer, { type Transporter } from 'nodemailer';

export interface Mail {
  to: string[];
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

/** SMTP when YITING_SMTP_URL is set (smtp://user:pass@host:port or smtps://…); otherwise no e-mail. */
export function mailerFromEnv(env: NodeJS.ProcessEnv = process.env): Mailer | null {
  const url = env.YITING_SMTP_URL;
  if (!url) return null;
  return smtpMailer(url, env.YITING_MAIL_FROM ?? '议厅 Yiting <noreply@yiting.local>');
}

export function smtpMailer(url: string, from: string): Mailer {
  // Short timeouts: a hung SMTP server must fail the job (it is retried) well before the job's claim goes
  // stale and another node takes it over, or the reminder could go out twice.
  const transport: Transporter = nodemailer.createTransport({
    url,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  } as nodemailer.TransportOptions);
  return {
    async send(mail) {
      if (mail.to.length === 0) return;
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close() {
      transport.close();
    },
  };
}
