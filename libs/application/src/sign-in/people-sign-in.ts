import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type Database from 'better-sqlite3';
import { RuleViolation } from '@cohesion/domain';
import { emailKeyOf, personByEmail, personById, type PersonView } from '@cohesion/projections';
import type { AccessAttempt } from '../access-audit/access-recorder';
import type { Principal } from '../access/principal';
import { notFound } from '../errors';
import { READ_MODEL_DATABASE } from '../read-models/read-models.module';
import { DirectoryGate, principalOf } from '../people/directory-gate';
import { actingAs, IdentityAudit } from './identity-audit';
import { DirectoryCommands } from './internal-command';
import { type LinkPurpose, OneTimeLinks } from './one-time-links';
import { passwordProblem } from './password-policy';
import { Passwords } from './passwords';
import { type Session, Sessions, type SignInMethod, type StartedSession } from './sessions';
import { SignInRefusal, wrongCredentials } from './sign-in-refusal';
import { SignInThrottle } from './sign-in-throttle';
import { PersonalDataReader } from '../personal-data/personal-data-reader';
import type { LedgerConfig } from '../config/ledger-config';

/** Who a link is for, shown on the page that opens it. */
export interface LinkHolderView {
  readonly personId: string;
  readonly displayName: string;
  readonly email: string;
  readonly partnerId: string | null;
  readonly roles: readonly string[];
  readonly expiresAt: string;
}

/** The signed-in person, as the web app shows them (answered to themself only). */
export interface SessionView {
  readonly personId: string;
  readonly displayName: string;
  readonly email: string;
  readonly partnerId: string | null;
  readonly roles: readonly string[];
  /** To send back in the X-CSRF-Token header of every write made with the session cookie. */
  readonly csrfToken: string;
  readonly method: SignInMethod;
  readonly signedInAt: string;
  readonly expiresAt: string;
  /**
   * The ledger's time zone (LEDGER_TIME_ZONE), where the partnerships are: "today" is the day
   * there, whatever the reader's browser says, for the dates an act may take and the reports of
   * the present.
   */
  readonly timeZone: string;
}

const LINK_UNUSABLE = 'This link is unknown, already used or expired: ask for a new one';

/**
 * Signing in with an e-mail and a password, accepting an invitation, resetting a password,
 * signing out; and finding who a session cookie belongs to.
 */
@Injectable()
export class PeopleSignIn {
  constructor(
    @Inject(READ_MODEL_DATABASE) private readonly db: Database.Database,
    private readonly passwords: Passwords,
    private readonly throttle: SignInThrottle,
    private readonly sessions: Sessions,
    private readonly links: OneTimeLinks,
    private readonly gate: DirectoryGate,
    private readonly directory: DirectoryCommands,
    private readonly audit: IdentityAudit,
    private readonly personal: PersonalDataReader,
    private readonly config: ConfigService<LedgerConfig, true>,
  ) {}

  /**
   * A session for the active person with this e-mail and password. Whatever is wrong (no such
   * e-mail, wrong password, a person not active or without a password) answers the same refusal
   * after the same work (one scrypt derivation), so that neither the answer nor its timing tells
   * who has an account. Throttled per e-mail and per address (see SignInThrottle).
   */
  async withPassword(
    credentials: { readonly email: string; readonly password: string },
    address: string,
    attempt: AccessAttempt,
    replacing?: string,
  ): Promise<StartedSession> {
    const accountKey = emailKeyOf(credentials.email);
    const wait = this.throttle.waitBefore(accountKey, address);
    if (wait > 0) {
      throw new SignInRefusal(
        'throttled',
        'Too many failed sign-ins: wait a moment before trying again',
        Math.ceil(wait / 1000),
      );
    }
    const person = personByEmail(this.db, credentials.email, (sealed) =>
      this.personal.text(sealed),
    );
    const matches = await this.passwords.check(person?.personId, credentials.password);
    if (!person || person.status !== 'active' || !matches) {
      this.throttle.failed(accountKey, address);
      const whose = person ? `person ${person.personId}` : 'no such account';
      await this.audit.record(attempt, 'sign-in-failed', 401, `password, ${whose}`);
      throw wrongCredentials();
    }
    this.throttle.succeeded(accountKey);
    return this.startSession(person, 'password', attempt, replacing);
  }

  /** Starts a session for a person who proved who they are (also OpenID Connect, passkeys). */
  async startSession(
    person: PersonView,
    method: SignInMethod,
    attempt: AccessAttempt,
    replacing?: string,
  ): Promise<StartedSession> {
    const session = this.sessions.start(person.personId, method, replacing);
    await this.audit.record(
      actingAs(attempt, principalOf(person)),
      'sign-in',
      200,
      `${method}, person ${person.personId}`,
    );
    return session;
  }

  /** Who an invitation link is for, without using it. */
  invitation(token: string): LinkHolderView {
    return this.holderOf('invitation', token, 'invited');
  }

  /**
   * Accepts an invitation: sets the person's password (after the policy), uses the link up,
   * records the acceptance and signs the person in.
   */
  async acceptInvitation(
    token: string,
    password: string,
    attempt: AccessAttempt,
    replacing?: string,
  ): Promise<StartedSession> {
    const holder = this.invitation(token);
    this.assertAcceptable(password, holder);
    this.consume('invitation', token);
    await this.passwords.set(holder.personId, password);
    await this.directory.send(
      'AcceptInvitation',
      { personId: holder.personId, method: 'password' },
      principalOf(holder),
    );
    const person = this.personOf(holder.personId);
    await this.audit.record(
      actingAs(attempt, principalOf(person)),
      'invitation-accepted',
      200,
      `person ${person.personId}`,
    );
    return this.startSession(person, 'invitation', attempt, replacing);
  }

  /** Who a password-reset link is for, without using it. */
  passwordReset(token: string): LinkHolderView {
    return this.holderOf('password-reset', token, 'active');
  }

  /** Sets a new password through a reset link; every session of the person ends. */
  async resetPassword(token: string, password: string, attempt: AccessAttempt): Promise<void> {
    const holder = this.passwordReset(token);
    this.assertAcceptable(password, holder);
    this.consume('password-reset', token);
    await this.passwords.set(holder.personId, password);
    this.sessions.endAllOf(holder.personId);
    await this.audit.record(
      actingAs(attempt, principalOf(holder)),
      'password-reset',
      204,
      `person ${holder.personId}, every session ended`,
    );
  }

  /** The live session of a cookie and the principal it acts as; undefined for no live session. */
  authenticate(sessionId: string): { session: Session; principal: Principal } | undefined {
    const session = this.sessions.find(sessionId);
    if (!session) return undefined;
    return { session, principal: this.gate.principalOfPerson(session.personId) };
  }

  describe(session: Session): SessionView {
    const person = this.personal.openView(this.personOf(session.personId));
    return {
      personId: person.personId,
      displayName: person.displayName,
      email: person.email,
      partnerId: person.partnerId,
      roles: person.roles,
      csrfToken: session.csrfToken,
      method: session.method,
      signedInAt: session.createdAt,
      expiresAt: session.expiresAt,
      timeZone: this.config.get('LEDGER_TIME_ZONE', { infer: true }),
    };
  }

  async signOut(sessionId: string, attempt: AccessAttempt, personId: string): Promise<void> {
    this.sessions.end(sessionId);
    await this.audit.record(attempt, 'sign-out', 204, `person ${personId}`);
  }

  async signOutEverywhere(personId: string, attempt: AccessAttempt): Promise<number> {
    const ended = this.sessions.endAllOf(personId);
    await this.audit.record(
      attempt,
      'sign-out-everywhere',
      204,
      `person ${personId}, ${ended} session(s) ended`,
    );
    return ended;
  }

  private holderOf(
    purpose: LinkPurpose,
    token: string,
    status: PersonView['status'],
  ): LinkHolderView {
    const link = this.links.peek(purpose, token);
    const person = link && personById(this.db, link.personId);
    if (!link || !person || person.status !== status) throw notFound(LINK_UNUSABLE);
    const { personId, displayName, email, partnerId, roles } = this.personal.openView(person);
    return { personId, displayName, email, partnerId, roles, expiresAt: link.expiresAt };
  }

  private assertAcceptable(password: string, holder: LinkHolderView): void {
    const problem = passwordProblem(password, [holder.email, holder.displayName]);
    if (problem) throw new RuleViolation('password-refused', problem);
  }

  private consume(purpose: LinkPurpose, token: string): void {
    if (this.links.consume(purpose, token) === undefined) throw notFound(LINK_UNUSABLE);
  }

  private personOf(personId: string): PersonView {
    const person = personById(this.db, personId);
    if (!person) throw notFound(`Person ${personId} is not in the directory`);
    return person;
  }
}
