import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type Database from 'better-sqlite3';
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { RuleViolation } from '@cohesion/domain';
import { personById, type PersonView } from '@cohesion/projections';
import type { AccessAttempt } from '../../access-audit/access-recorder';
import type { LedgerConfig } from '../../config/ledger-config';
import { notFound } from '../../errors';
import { READ_MODEL_DATABASE } from '../../read-models/read-models.module';
import { IdentityAudit } from '../identity-audit';
import { PeopleSignIn } from '../people-sign-in';
import type { StartedSession } from '../sessions';
import { wrongCredentials } from '../sign-in-refusal';
import { PasskeyStore, type StoredPasskey } from './passkey-store';
import { PersonalDataReader } from '../../personal-data/personal-data-reader';

const RELYING_PARTY_NAME = 'Cohesion Ledger';

/**
 * The WebAuthn library, loaded at the first passkey request: it and its ASN.1 parsers would
 * otherwise add to the start of every process (each CLI command included) that never uses them.
 */
let library: Promise<typeof import('@simplewebauthn/server')> | undefined;
const webAuthn = () => (library ??= import('@simplewebauthn/server'));

/** A passkey as its owner sees it listed (never the key material). */
export interface PasskeyView {
  readonly credentialId: string;
  readonly label: string;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
}

const viewOf = ({ credentialId, label, createdAt, lastUsedAt }: StoredPasskey): PasskeyView => ({
  credentialId,
  label,
  createdAt,
  lastUsedAt,
});

/**
 * Passkeys (WebAuthn, with @simplewebauthn/server): a signed-in person adds one; anyone signs in
 * with one, the browser offering the passkeys it holds for this site (discoverable credentials,
 * so the ledger names no account before the person has proved who they are). The relying party
 * is the host of LEDGER_PUBLIC_ORIGIN, and responses must come from that origin.
 */
@Injectable()
export class PasskeySignIn {
  private readonly origin: string;
  private readonly rpID: string;

  constructor(
    private readonly passkeys: PasskeyStore,
    @Inject(READ_MODEL_DATABASE) private readonly db: Database.Database,
    private readonly signIn: PeopleSignIn,
    private readonly audit: IdentityAudit,
    private readonly personal: PersonalDataReader,
    config: ConfigService<LedgerConfig, true>,
  ) {
    this.origin = config.get('LEDGER_PUBLIC_ORIGIN', { infer: true });
    this.rpID = new URL(this.origin).hostname;
  }

  async registrationOptions(personId: string): Promise<PublicKeyCredentialCreationOptionsJSON> {
    const person = this.personal.openView(this.activePerson(personId));
    const { generateRegistrationOptions } = await webAuthn();
    const options = await generateRegistrationOptions({
      rpName: RELYING_PARTY_NAME,
      rpID: this.rpID,
      userName: person.email,
      userDisplayName: person.displayName,
      userID: new TextEncoder().encode(person.personId),
      attestationType: 'none',
      excludeCredentials: this.passkeys.of(personId).map(({ credentialId, transports }) => ({
        id: credentialId,
        transports: [...transports],
      })),
      authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
    });
    this.passkeys.challenge(options.challenge, 'registration', personId);
    return options;
  }

  async register(
    personId: string,
    response: RegistrationResponseJSON,
    label: string,
    attempt: AccessAttempt,
  ): Promise<PasskeyView> {
    this.activePerson(personId);
    const { verifyRegistrationResponse } = await webAuthn();
    const verification = await verifyRegistrationResponse({
      response,
      expectedChallenge: (challenge) =>
        this.passkeys.takeChallenge(challenge, 'registration', personId),
      expectedOrigin: this.origin,
      expectedRPID: this.rpID,
      requireUserVerification: false,
    }).catch((error: unknown) => {
      throw refused(error);
    });
    if (!verification.verified) throw refused('the authenticator’s answer did not verify');
    const { credential } = verification.registrationInfo;
    if (this.passkeys.find(credential.id)) throw refused('this passkey is already registered');
    const added = this.passkeys.add({
      credentialId: credential.id,
      personId,
      publicKey: credential.publicKey,
      counter: credential.counter,
      transports: credential.transports ?? [],
      label,
    });
    await this.audit.record(attempt, 'passkey-added', 201, `person ${personId}`);
    return viewOf(added);
  }

  async authenticationOptions(): Promise<PublicKeyCredentialRequestOptionsJSON> {
    const { generateAuthenticationOptions } = await webAuthn();
    const options = await generateAuthenticationOptions({
      rpID: this.rpID,
      userVerification: 'preferred',
    });
    this.passkeys.challenge(options.challenge, 'authentication');
    return options;
  }

  /** A session for the active owner of the passkey that answered; else the usual refusal. */
  async authenticate(
    response: AuthenticationResponseJSON,
    attempt: AccessAttempt,
    replacing?: string,
  ): Promise<StartedSession> {
    const { verifyAuthenticationResponse } = await webAuthn();
    const passkey = this.passkeys.find(response.id);
    const person = passkey && personById(this.db, passkey.personId);
    const verified =
      passkey !== undefined &&
      (await verifyAuthenticationResponse({
        response,
        expectedChallenge: (challenge) => this.passkeys.takeChallenge(challenge, 'authentication'),
        expectedOrigin: this.origin,
        expectedRPID: this.rpID,
        credential: {
          id: passkey.credentialId,
          publicKey: passkey.publicKey,
          counter: passkey.counter,
          transports: [...passkey.transports],
        },
        requireUserVerification: false,
      }).catch(() => undefined));
    if (!verified || !verified.verified || !person || person.status !== 'active') {
      await this.audit.record(attempt, 'sign-in-failed', 401, 'passkey');
      throw wrongCredentials();
    }
    this.passkeys.used(passkey.credentialId, verified.authenticationInfo.newCounter);
    return this.signIn.startSession(person, 'passkey', attempt, replacing);
  }

  list(personId: string): PasskeyView[] {
    return this.passkeys.of(personId).map(viewOf);
  }

  async remove(personId: string, credentialId: string, attempt: AccessAttempt): Promise<void> {
    if (!this.passkeys.remove(personId, credentialId)) throw notFound('No such passkey of yours');
    await this.audit.record(attempt, 'passkey-removed', 204, `person ${personId}`);
  }

  private activePerson(personId: string): PersonView {
    const person = personById(this.db, personId);
    if (!person || person.status !== 'active') {
      throw new RuleViolation(
        'person-not-active',
        'Only an active person of the directory adds passkeys',
      );
    }
    return person;
  }
}

function refused(reason: unknown): RuleViolation {
  const detail = reason instanceof Error ? reason.message : String(reason);
  return new RuleViolation('passkey-refused', `The passkey was not registered: ${detail}`);
}
