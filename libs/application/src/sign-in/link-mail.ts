import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createTransport, type Transporter } from 'nodemailer';
import type { LedgerConfig } from '../config/ledger-config';
import type { LinkPurpose } from './one-time-links';

/** Whom a link is for. */
export interface LinkRecipient {
  readonly email: string;
  readonly displayName: string;
}

/** What became of a link's e-mail: sent, not sent (and why), or neither since no server is set. */
export interface LinkMailOutcome {
  readonly emailedTo?: string;
  readonly emailError?: string;
}

const SUBJECTS: Record<LinkPurpose, string> = {
  invitation: 'Invitation au registre de cohésion / Invitation to the Cohesion Ledger',
  'password-reset':
    'Nouveau mot de passe pour le registre de cohésion / New password for the Cohesion Ledger',
};

const BODIES: Record<LinkPurpose, (link: string, expiresAt: string) => string> = {
  invitation: (link, expiresAt) =>
    `Bonjour,\n\nVous êtes invité·e au registre de cohésion. Ouvrez ce lien pour choisir votre ` +
    `mot de passe (valable jusqu’au ${expiresAt}, une seule fois) :\n${link}\n\n` +
    `Hello,\n\nYou are invited to the Cohesion Ledger. Open this link to choose your password ` +
    `(valid until ${expiresAt}, once):\n${link}\n`,
  'password-reset': (link, expiresAt) =>
    `Bonjour,\n\nOuvrez ce lien pour choisir un nouveau mot de passe (valable jusqu’au ` +
    `${expiresAt}, une seule fois) :\n${link}\n\n` +
    `Hello,\n\nOpen this link to choose a new password (valid until ${expiresAt}, once):\n${link}\n`,
};

/**
 * Sends invitation and password-reset links by e-mail when an SMTP server is set
 * (`LEDGER_SMTP_URL`); without one, nothing is sent and the administrator passes the link on.
 * A failed sending never undoes what was recorded: the link is still answered, with the reason.
 */
@Injectable()
export class LinkMail {
  private readonly logger = new Logger(LinkMail.name);
  private readonly transport: Transporter | undefined;
  private readonly from: string;

  constructor(config: ConfigService<LedgerConfig, true>) {
    const url = config.get('LEDGER_SMTP_URL', { infer: true });
    this.transport = url ? createTransport(url) : undefined;
    this.from = config.get('LEDGER_MAIL_FROM', { infer: true });
  }

  async send(
    purpose: LinkPurpose,
    recipient: LinkRecipient,
    link: { readonly url: string; readonly expiresAt: string },
  ): Promise<LinkMailOutcome> {
    if (!this.transport) return {};
    try {
      await this.transport.sendMail({
        from: this.from,
        to: { name: recipient.displayName, address: recipient.email },
        subject: SUBJECTS[purpose],
        text: BODIES[purpose](link.url, link.expiresAt),
      });
      return { emailedTo: recipient.email };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      // The address and the link stay out of the log: personal data and a secret.
      this.logger.warn(`The ${purpose} e-mail was not sent: ${reason}`);
      return { emailError: `the e-mail was not sent (${reason}): pass the link on yourself` };
    }
  }
}
