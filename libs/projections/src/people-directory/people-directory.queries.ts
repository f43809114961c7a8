import type Database from 'better-sqlite3';
import {
  cachedStatement,
  fromJsonColumn,
  fromPersonalColumn,
  keysetList,
  type PersonalText,
  when,
} from '../sql-kit';
import { emailKeyOf } from './people-directory.projector';
import type {
  DirectoryEntry,
  MediatorView,
  PersonalTokenView,
  PersonView,
} from './people-directory.views';

interface PersonRow {
  readonly person_id: string;
  readonly seq: number;
  readonly display_name: string;
  readonly email: string;
  readonly email_key: string | null;
  readonly partner_id: string | null;
  readonly roles: string;
  readonly status: PersonView['status'];
  readonly idp_subject: string | null;
  readonly invited_at: string;
  readonly invited_by: string;
  readonly updated_at: string;
}

const personView = (row: PersonRow): PersonView => ({
  personId: row.person_id,
  displayName: fromPersonalColumn(row.display_name),
  email: fromPersonalColumn(row.email),
  partnerId: row.partner_id,
  roles: fromJsonColumn<string[]>(row.roles),
  status: row.status,
  identityProviderSubject: row.idp_subject,
  invitedAt: row.invited_at,
  invitedBy: row.invited_by,
  updatedAt: row.updated_at,
});

/** The person of this id, or undefined for an id the directory does not know. */
export function personById(db: Database.Database, personId: string): PersonView | undefined {
  const row = cachedStatement(db, 'SELECT * FROM people_directory_people WHERE person_id = ?').get(
    personId,
  ) as PersonRow | undefined;
  return row && personView(row);
}

/** What authentication needs of a person (status, partner, roles): one primary-key read. */
export function directoryEntry(
  db: Database.Database,
  personId: string,
): DirectoryEntry | undefined {
  const row = cachedStatement(
    db,
    'SELECT person_id, status, partner_id, roles FROM people_directory_people WHERE person_id = ?',
  ).get(personId) as Pick<PersonRow, 'person_id' | 'status' | 'partner_id' | 'roles'> | undefined;
  return (
    row && {
      personId: row.person_id,
      status: row.status,
      partnerId: row.partner_id,
      roles: fromJsonColumn<string[]>(row.roles),
    }
  );
}

/**
 * The person (not removed) with this e-mail, whatever its case; a removed person's e-mail is free.
 * A sealed e-mail has no lookup key in the read model (it would be personal data outliving an
 * erasure there): those are opened with `open` and compared, a scan of the directory, which is
 * small (people, not events) and read at sign-in and invitation only.
 */
export function personByEmail(
  db: Database.Database,
  email: string,
  open: (sealed: PersonalText) => string,
): PersonView | undefined {
  const key = emailKeyOf(email);
  const rows = cachedStatement(
    db,
    `SELECT * FROM people_directory_people
     WHERE status <> 'removed' AND (email_key = ? OR email_key IS NULL) ORDER BY seq`,
  ).all(key) as PersonRow[];
  const row = rows.find(
    (candidate) =>
      candidate.email_key === key ||
      (candidate.email_key === null &&
        emailKeyOf(open(fromPersonalColumn(candidate.email))) === key),
  );
  return row && personView(row);
}

/** The person (not removed) known to the identity provider by this subject. */
export function personByIdentityProviderSubject(
  db: Database.Database,
  subject: string,
): PersonView | undefined {
  const row = cachedStatement(
    db,
    `SELECT * FROM people_directory_people WHERE idp_subject = ? AND status <> 'removed'
     ORDER BY seq LIMIT 1`,
  ).get(subject) as PersonRow | undefined;
  return row && personView(row);
}

export interface PeopleFilters {
  readonly partnerId?: string;
  readonly status?: PersonView['status'];
  /** The `seq` of the last person of the previous page. */
  readonly after?: number;
  readonly limit: number;
}

/** `limit + 1` people in the order they were invited (the extra one tells a next page exists). */
export function listPeople(
  db: Database.Database,
  filters: PeopleFilters,
): (PersonView & { readonly seq: number })[] {
  return keysetList<PersonRow>(db, {
    select: '*',
    from: 'people_directory_people',
    key: 'seq',
    filters: [
      when(filters.partnerId, (partnerId) => ['partner_id = ?', partnerId]),
      when(filters.status, (status) => ['status = ?', status]),
    ],
    after: filters.after,
    limit: filters.limit,
  }).map((row) => ({ ...personView(row), seq: row.seq }));
}

/**
 * The active people who hold the role `mediator`, their names as recorded (sealed ones are opened
 * and put in order by whoever serves them): whom a party may propose to mediate a conflict.
 */
export function activeMediators(db: Database.Database): MediatorView[] {
  const rows = cachedStatement(
    db,
    `SELECT person_id, display_name FROM people_directory_people
     WHERE status = 'active' AND EXISTS (SELECT 1 FROM json_each(roles) WHERE value = 'mediator')
     ORDER BY person_id`,
  ).all() as Pick<PersonRow, 'person_id' | 'display_name'>[];
  return rows.map((row) => ({
    personId: row.person_id,
    displayName: fromPersonalColumn(row.display_name),
  }));
}

interface TokenRow {
  readonly token_id: string;
  readonly person_id: string;
  readonly label: string | null;
  readonly issued_at: string | null;
  readonly expires_at: string | null;
  readonly revoked_at: string | null;
}

const tokenView = (row: TokenRow): PersonalTokenView => ({
  tokenId: row.token_id,
  personId: row.person_id,
  label: row.label,
  issuedAt: row.issued_at,
  expiresAt: row.expires_at,
  revokedAt: row.revoked_at,
});

/** A personal token by its id (the JWT's `jti`), revoked or not; undefined when never recorded. */
export function personalToken(
  db: Database.Database,
  tokenId: string,
): PersonalTokenView | undefined {
  const row = cachedStatement(db, 'SELECT * FROM people_directory_tokens WHERE token_id = ?').get(
    tokenId,
  ) as TokenRow | undefined;
  return row && tokenView(row);
}

/** Every personal token of a person, oldest first. */
export function personalTokensOf(db: Database.Database, personId: string): PersonalTokenView[] {
  const rows = cachedStatement(
    db,
    'SELECT * FROM people_directory_tokens WHERE person_id = ? ORDER BY seq',
  ).all(personId) as TokenRow[];
  return rows.map(tokenView);
}
