import { Inject, Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { AccessTokenError, type VerifiedAccessToken } from '@cohesion/access-tokens';
import { directoryEntry, type DirectoryEntry, personalToken } from '@cohesion/projections';
import type { Principal } from '../access/principal';
import { READ_MODEL_DATABASE } from '../read-models/read-models.module';

/**
 * Where authentication meets the people directory, on every request. A person of the directory
 * acts only while active, and with the partner and roles the directory gives them now (a role
 * change or a suspension takes effect on their next request, whatever their token says). A
 * subject the directory does not know (a machine client, a token issued before the directory)
 * keeps acting by its token's claims. A revoked token is refused whoever it names.
 */
@Injectable()
export class DirectoryGate {
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: Database.Database) {}

  principalOfToken({ subject, tokenId }: VerifiedAccessToken): Principal {
    if (tokenId !== undefined && personalToken(this.db, tokenId)?.revokedAt) {
      throw new AccessTokenError('revoked', 'This access token was revoked');
    }
    const person = directoryEntry(this.db, subject.sub);
    if (person === undefined) return subject;
    return this.activePrincipal(person);
  }

  /** The principal of a signed-in person (a session), refused unless active. */
  principalOfPerson(personId: string): Principal {
    const person = directoryEntry(this.db, personId);
    if (person === undefined) {
      throw new AccessTokenError('revoked', 'This person is not in the directory');
    }
    return this.activePrincipal(person);
  }

  private activePrincipal(person: DirectoryEntry): Principal {
    if (person.status !== 'active') {
      throw new AccessTokenError('revoked', `This person is ${person.status}: access is closed`);
    }
    return principalOf(person);
  }
}

/** The principal events record for a person: an id, a partner, roles; no name, no e-mail. */
export function principalOf(
  person: Pick<DirectoryEntry, 'personId' | 'partnerId' | 'roles'>,
): Principal {
  return {
    sub: person.personId,
    ...(person.partnerId !== null ? { partnerId: person.partnerId } : {}),
    roles: [...person.roles],
  };
}
