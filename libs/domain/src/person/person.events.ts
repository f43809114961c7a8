/**
 * How a person signed in when accepting an invitation: a password set through the invitation
 * link, or an organisation's identity provider (OpenID Connect).
 */
export type AcceptanceMethod = 'password' | 'oidc';

/**
 * The people directory's facts. Personal fields (the display name, the e-mail) appear in
 * `PersonInvited` only, in the person's own stream, so that they can be sealed and shredded with
 * the person (issue 18) without touching any business event: business events name a person by
 * id only (their actor's `sub`).
 */
export type PersonEvent =
  | {
      type: 'PersonInvited';
      data: {
        personId: string;
        displayName: string;
        email: string;
        /** The partner the person acts for; null for people who act for none (admins, mediators). */
        partnerId: string | null;
        roles: string[];
        /** The person's `sub` at the organisation's identity provider, when matched by subject. */
        identityProviderSubject?: string;
        /** The acting principal's `sub`. */
        invitedBy: string;
      };
    }
  | { type: 'InvitationAccepted'; data: { personId: string; method: AcceptanceMethod } }
  | { type: 'PersonRolesChanged'; data: { personId: string; roles: string[]; changedBy: string } }
  | { type: 'PersonSuspended'; data: { personId: string; reason: string; suspendedBy: string } }
  | { type: 'PersonReinstated'; data: { personId: string; reinstatedBy: string } }
  | { type: 'PersonRemoved'; data: { personId: string; reason: string; removedBy: string } }
  | {
      type: 'PersonalTokenIssued';
      data: {
        personId: string;
        /** The token's `jti`: what revocation names. The token itself is never recorded. */
        tokenId: string;
        label: string;
        /** ISO instant. */
        expiresAt: string;
        issuedBy: string;
      };
    }
  | {
      type: 'PersonalTokenRevoked';
      data: { personId: string; tokenId: string; revokedBy: string };
    };
