import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type Database from 'better-sqlite3';
import {
  personByEmail,
  personById,
  personByIdentityProviderSubject,
  type PersonView,
} from '@cohesion/projections';
import type { AccessAttempt } from '../../access-audit/access-recorder';
import type { LedgerConfig } from '../../config/ledger-config';
import type { OidcMatch } from '../../config/sign-in-settings';
import { principalOf } from '../../people/directory-gate';
import { READ_MODEL_DATABASE } from '../../read-models/read-models.module';
import { IdentityAudit } from '../identity-audit';
import { DirectoryCommands } from '../internal-command';
import { PeopleSignIn } from '../people-sign-in';
import type { StartedSession } from '../sessions';
import { SignInRefusal } from '../sign-in-refusal';
import { OIDC_CLIENT, type OidcClient, OidcFlowError, type OidcIdentity } from './oidc-client';
import { OidcFlows } from './oidc-flows';
import { PersonalDataReader } from '../../personal-data/personal-data-reader';

/** Where the provider sends the browser back, under the public origin. */
export const OIDC_CALLBACK_PATH = '/auth/oidc/callback';

const NOT_IN_DIRECTORY =
  'You signed in at your organisation, but no active person of this ledger matches you: ask an administrator to invite you';

/**
 * Sign-in through the organisation's identity provider. The identity is matched to a person of
 * the directory by e-mail (only when the provider does not say it is unverified) or by subject,
 * as configured; an invited person who signs in this way has accepted their invitation; anyone
 * the directory does not hold (or holds suspended or removed) is refused.
 */
@Injectable()
export class OidcSignIn {
  private readonly redirectUri: string;
  private readonly matchBy: OidcMatch;

  constructor(
    @Inject(OIDC_CLIENT) private readonly client: OidcClient | null,
    private readonly flows: OidcFlows,
    @Inject(READ_MODEL_DATABASE) private readonly db: Database.Database,
    private readonly signIn: PeopleSignIn,
    private readonly directory: DirectoryCommands,
    private readonly audit: IdentityAudit,
    private readonly personal: PersonalDataReader,
    config: ConfigService<LedgerConfig, true>,
  ) {
    this.redirectUri = `${config.get('LEDGER_PUBLIC_ORIGIN', { infer: true })}${OIDC_CALLBACK_PATH}`;
    this.matchBy = config.get('LEDGER_OIDC_MATCH_BY', { infer: true });
  }

  get enabled(): boolean {
    return this.client !== null;
  }

  /** Where to send the browser, and the state to bind to it (in a cookie). */
  async start(returnTo: string): Promise<{ url: string; state: string }> {
    const authorization = await this.requireClient().authorization(this.redirectUri);
    this.flows.begin(authorization, returnTo);
    return { url: authorization.url, state: authorization.state };
  }

  /**
   * Finishes the flow the browser comes back with: its `state` must be the one this browser
   * started (the cookie), then the code is exchanged and the identity matched to a person.
   */
  async finish(
    callbackUrl: URL,
    browserState: string | undefined,
    attempt: AccessAttempt,
    replacing?: string,
  ): Promise<{ session: StartedSession; returnTo: string }> {
    const state = callbackUrl.searchParams.get('state');
    if (!state || state !== browserState) {
      throw new OidcFlowError('This sign-in was not started by this browser: start again');
    }
    const flow = this.flows.end(state);
    if (!flow) throw new OidcFlowError('This sign-in is unknown or too old: start again');
    const identity = await this.requireClient().identity(callbackUrl, this.redirectUri, flow);
    const person = this.personOf(identity);
    if (!person || (person.status !== 'active' && person.status !== 'invited')) {
      const whose = person ? `person ${person.personId} is ${person.status}` : 'no matching person';
      await this.audit.record(attempt, 'sign-in-failed', 403, `oidc, ${whose}`);
      throw new SignInRefusal('not-in-directory', NOT_IN_DIRECTORY);
    }
    const active = person.status === 'invited' ? await this.accept(person) : person;
    return {
      session: await this.signIn.startSession(active, 'oidc', attempt, replacing),
      returnTo: flow.returnTo,
    };
  }

  private personOf(identity: OidcIdentity): PersonView | undefined {
    if (this.matchBy === 'subject')
      return personByIdentityProviderSubject(this.db, identity.subject);
    if (identity.email === undefined || identity.emailVerified === false) return undefined;
    return personByEmail(this.db, identity.email, (sealed) => this.personal.text(sealed));
  }

  private async accept(person: PersonView): Promise<PersonView> {
    await this.directory.send(
      'AcceptInvitation',
      { personId: person.personId, method: 'oidc' },
      principalOf(person),
    );
    return personById(this.db, person.personId) ?? person;
  }

  private requireClient(): OidcClient {
    if (!this.client) throw new OidcFlowError('OpenID Connect sign-in is not configured here');
    return this.client;
  }
}
