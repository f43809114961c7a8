import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type Database from 'better-sqlite3';
import { AggregateNotFound, personDecider, RuleViolation } from '@cohesion/domain';
import { personById } from '@cohesion/projections';
import { hasRole } from '../access/access-rules';
import type { Principal } from '../access/principal';
import { AggregateStore } from '../command-side/aggregate-store';
import { streamOf } from '../command-side/streams';
import type { LedgerConfig } from '../config/ledger-config';
import { accessDenied } from '../errors';
import { READ_MODEL_DATABASE } from '../read-models/read-models.module';
import { LinkMail, type LinkMailOutcome, type LinkRecipient } from '../sign-in/link-mail';
import { type LinkPurpose, OneTimeLinks } from '../sign-in/one-time-links';
import { mayManagePerson, maySeePerson } from './people-access';
import { PersonalDataReader } from '../personal-data/personal-data-reader';

/**
 * A link given to a person, to open in a browser: shown once to whoever issued it, and also
 * e-mailed to the person when an SMTP server is set (then `emailedTo`, or `emailError`).
 */
export type PersonLink = {
  readonly url: string;
  readonly expiresAt: string;
} & LinkMailOutcome;

/**
 * Where each link leads, in the web app. The secret travels in the fragment, which browsers
 * never send to a server: it stays out of access logs, proxies and `Referer` headers.
 */
const PAGES: Record<LinkPurpose, string> = {
  invitation: '/invitation',
  'password-reset': '/password-reset',
};

/**
 * Invitation and password-reset links. No e-mail server is assumed: the link is answered to the
 * administrator (or printed by the CLI) to pass on; with one, it is also e-mailed.
 */
@Injectable()
export class PersonLinks {
  private readonly origin: string;
  private readonly ttlHours: Record<LinkPurpose, number>;

  constructor(
    private readonly aggregates: AggregateStore,
    private readonly links: OneTimeLinks,
    private readonly mail: LinkMail,
    @Inject(READ_MODEL_DATABASE) private readonly readModels: Database.Database,
    private readonly personal: PersonalDataReader,
    config: ConfigService<LedgerConfig, true>,
  ) {
    this.origin = config.get('LEDGER_PUBLIC_ORIGIN', { infer: true });
    this.ttlHours = {
      invitation: config.get('LEDGER_INVITATION_TTL_HOURS', { infer: true }),
      'password-reset': config.get('LEDGER_PASSWORD_RESET_TTL_HOURS', { infer: true }),
    };
  }

  /**
   * A new invitation link for a person still invited (any earlier link stops working). `recipient`
   * when the caller knows it already (the directory may not show a person just invited yet).
   */
  async invitation(
    personId: string,
    actor: Principal,
    recipient?: LinkRecipient,
  ): Promise<PersonLink> {
    const state = await this.personFor(personId, actor);
    if (!mayManagePerson(actor, state)) throw accessDenied('You may not invite this person');
    if (state.status !== 'invited') {
      throw new RuleViolation('person-not-invited', `Person ${personId} has no pending invitation`);
    }
    return this.issue('invitation', personId, recipient);
  }

  /** A password-reset link for an active person: issued by an administrator only. */
  async passwordReset(personId: string, actor: Principal): Promise<PersonLink> {
    const state = await this.personFor(personId, actor);
    if (!hasRole(actor, 'admin')) throw accessDenied('Only an administrator issues reset links');
    if (state.status !== 'active') {
      throw new RuleViolation('person-not-active', `Person ${personId} is not active`);
    }
    return this.issue('password-reset', personId);
  }

  private async personFor(personId: string, actor: Principal) {
    const { state } = await this.aggregates.load(streamOf('person', personId), personDecider);
    if (state.status === 'none' || !maySeePerson(actor, state)) {
      throw new AggregateNotFound('Person', personId);
    }
    return state;
  }

  private async issue(
    purpose: LinkPurpose,
    personId: string,
    recipient: LinkRecipient | undefined = this.recipientOf(personId),
  ): Promise<PersonLink> {
    const { token, expiresAt } = this.links.issue(purpose, personId, this.ttlHours[purpose]);
    const link = { url: `${this.origin}${PAGES[purpose]}#token=${token}`, expiresAt };
    return { ...link, ...(recipient ? await this.mail.send(purpose, recipient, link) : {}) };
  }

  /** Whom a link is sent to: the person's name and e-mail opened (none once erased). */
  private recipientOf(personId: string): LinkRecipient | undefined {
    const person = personById(this.readModels, personId);
    return person && this.personal.openView(person);
  }
}
