import type { Command } from '../decider';
import type { AcceptanceMethod, PersonEvent } from './person.events';

type InvitedData = Omit<Extract<PersonEvent, { type: 'PersonInvited' }>['data'], 'invitedBy'>;

/** What the directory knows beyond this person, looked up by the handler. */
export interface DirectoryFacts {
  /** The id of another person (not removed) who already has this e-mail, if any. */
  readonly emailTakenBy?: string;
}

export type PersonCommand =
  | (Command<'InvitePerson', InvitedData> & { readonly directory: DirectoryFacts })
  | Command<'AcceptInvitation', { personId: string; method: AcceptanceMethod }>
  | Command<'ChangePersonRoles', { personId: string; roles: string[] }>
  | Command<'SuspendPerson', { personId: string; reason: string }>
  | Command<'ReinstatePerson', { personId: string }>
  | Command<'RemovePerson', { personId: string; reason: string }>
  | Command<
      'IssuePersonalToken',
      { personId: string; tokenId: string; label: string; expiresAt: string }
    >
  | Command<'RevokePersonalToken', { personId: string; tokenId: string }>;
