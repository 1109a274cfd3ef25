import nodemailer from "nodemailer";
import { log } from "./log.ts";

type Mail = { to: string; subject: string; text: string; link: string };

/**
 * Sends through SMTP_URL (`smtp://user:pass@host:587`, MAIL_FROM the sender) when it is set;
 * without a mail server the link is printed to the server log, so a self-hosted team can still
 * reset a password or pass on a link.
 */
export async function sendMail(mail: Mail): Promise<void> {
  const url = process.env.SMTP_URL;
  if (!url) {
    log.info({ to: mail.to, link: mail.link }, `${mail.subject}: no SMTP_URL configured, so the link is here`);
    return;
  }
  const transport = nodemailer.createTransport(url);
  await transport.sendMail({ from: process.env.MAIL_FROM ?? "Replyflow <no-reply@localhost>", to: mail.to, subject: mail.subject, text: mail.text });
}
