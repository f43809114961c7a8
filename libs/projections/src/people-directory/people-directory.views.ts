import type { PersonStatus } from '@cohesion/domain';
import type { PersonalText } from '../sql-kit';

/** The statuses a person of the directory can be in. */
export const PERSON_STATUSES: readonly Exclude<PersonStatus, 'none'>[] = [
  'invited',
  'active',
  'suspended',
  'removed',
];

/** What the authentication path needs of a person: whether they may act, and as whom. */
export interface DirectoryEntry {
  readonly personId: string;
  readonly status: Exclude<PersonStatus, 'none'>;
  readonly partnerId: string | null;
  readonly roles: readonly string[];
}

/**
 * A person as the directory shows them to administrators: their personal fields as recorded,
 * sealed (opened only when served) or, for a person invited before sealing, in clear.
 */
export interface PersonView extends DirectoryEntry {
  readonly displayName: PersonalText;
  readonly email: PersonalText;
  readonly identityProviderSubject: string | null;
  readonly invitedAt: string;
  readonly invitedBy: string;
  readonly updatedAt: string;
}

/** A mediator as anyone who may take part in a conflict sees them: who, by name; nothing else. */
export type MediatorView = Pick<PersonView, 'personId' | 'displayName'>;

/** A personal API token as listed to its owner (never the token itself, which is not kept). */
export interface PersonalTokenView {
  readonly tokenId: string;
  readonly personId: string;
  /** Null for a token signed offline by the operator's CLI, known only once revoked. */
  readonly label: string | null;
  readonly issuedAt: string | null;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
}
