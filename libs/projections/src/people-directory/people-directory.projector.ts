import type { PersonEvent } from '@cohesion/domain';
import type { RecordedEvent } from '@cohesion/event-store';
import type { Projector } from '../projector';
import { dispatch, type PersonalText, toJsonColumn, toPersonalColumn } from '../sql-kit';
import { PEOPLE_DIRECTORY_SCHEMA, PEOPLE_DIRECTORY_TABLES } from './people-directory.schema';

/** E-mails are matched whatever their case: `Ana@Acme.example` signs in as `ana@acme.example`. */
export const emailKeyOf = (email: string): string => email.trim().toLowerCase();

/**
 * The lookup key of an e-mail in clear (an event recorded before sealing); none for a sealed one,
 * which sign-in finds by opening the directory's e-mails (see `personByEmail`).
 */
const storedEmailKeyOf = (email: PersonalText): string | null =>
  typeof email === 'string' ? emailKeyOf(email) : null;

/** The people directory: one row per person, one per personal token. */
export const peopleDirectoryProjector: Projector = {
  name: 'people_directory',
  version: 2,
  tables: PEOPLE_DIRECTORY_TABLES,
  schema: PEOPLE_DIRECTORY_SCHEMA,
  bind(db) {
    const invite = db.prepare(
      `INSERT INTO people_directory_people (person_id, seq, display_name, email, email_key,
         partner_id, roles, status, idp_subject, invited_at, invited_by, updated_at)
       VALUES (@personId, @seq, @displayName, @email, @emailKey, @partnerId, @roles, 'invited',
         @idpSubject, @at, @invitedBy, @at)`,
    );
    const setStatus = db.prepare(
      'UPDATE people_directory_people SET status = ?, updated_at = ? WHERE person_id = ?',
    );
    const accept = db.prepare(
      `UPDATE people_directory_people SET status = 'active', accepted = 1, updated_at = ?
       WHERE person_id = ?`,
    );
    // Back to where the person was before the suspension: active once they had accepted.
    const reinstate = db.prepare(
      `UPDATE people_directory_people SET updated_at = ?,
         status = CASE accepted WHEN 1 THEN 'active' ELSE 'invited' END
       WHERE person_id = ?`,
    );
    const setRoles = db.prepare(
      'UPDATE people_directory_people SET roles = ?, updated_at = ? WHERE person_id = ?',
    );
    const issueToken = db.prepare(
      `INSERT INTO people_directory_tokens (token_id, person_id, seq, label, expires_at, issued_at,
         issued_by)
       VALUES (@tokenId, @personId, @seq, @label, @expiresAt, @at, @issuedBy)`,
    );
    const revokeToken = db.prepare(
      `INSERT INTO people_directory_tokens (token_id, person_id, seq, revoked_at, revoked_by)
       VALUES (@tokenId, @personId, @seq, @at, @revokedBy)
       ON CONFLICT (token_id) DO UPDATE SET revoked_at = @at, revoked_by = @revokedBy`,
    );
    const at = (event: RecordedEvent) => event.metadata.recordedAt;
    return dispatch<PersonEvent>({
      PersonInvited: (data, event) =>
        invite.run({
          ...data,
          seq: event.position,
          displayName: toPersonalColumn(data.displayName),
          email: toPersonalColumn(data.email),
          emailKey: storedEmailKeyOf(data.email),
          roles: toJsonColumn(data.roles),
          idpSubject: data.identityProviderSubject ?? null,
          at: at(event),
        }),
      InvitationAccepted: ({ personId }, event) => accept.run(at(event), personId),
      PersonRolesChanged: ({ personId, roles }, event) =>
        setRoles.run(toJsonColumn(roles), at(event), personId),
      PersonSuspended: ({ personId }, event) => setStatus.run('suspended', at(event), personId),
      PersonReinstated: ({ personId }, event) => reinstate.run(at(event), personId),
      PersonRemoved: ({ personId }, event) => setStatus.run('removed', at(event), personId),
      PersonalTokenIssued: (data, event) =>
        issueToken.run({ ...data, seq: event.position, at: at(event) }),
      PersonalTokenRevoked: (data, event) =>
        revokeToken.run({ ...data, seq: event.position, at: at(event) }),
    });
  },
};
