import type { Decider } from '../decider';
import { AggregateNotFound, RuleViolation } from '../domain-errors';
import type { PersonCommand } from './person.commands';
import type { PersonEvent } from './person.events';
import { initialPersonState, PARTNER_ROLES, type PersonState } from './person.state';

export const PERSON_RULES = [
  'person-already-exists',
  'person-display-name-required',
  'person-email-invalid',
  'person-email-taken',
  'person-partner-required',
  'person-removed',
  'person-not-invited',
  'person-already-suspended',
  'person-not-suspended',
  'person-not-active',
  'personal-token-label-required',
  'personal-token-exists',
  'personal-token-already-revoked',
] as const;
export type PersonRule = (typeof PERSON_RULES)[number];

const violation = (rule: PersonRule, message: string) => new RuleViolation(rule, message);

/** Loose on purpose: the address is checked by use (an invitation reaches it), not by grammar. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type CommandOf<T extends PersonCommand['type']> = Extract<PersonCommand, { type: T }>;

export function decidePerson(command: PersonCommand, state: PersonState): PersonEvent[] {
  if (command.type === 'InvitePerson') return decideInvitation(command, state);
  const { personId } = command.data;
  if (state.status === 'none') throw new AggregateNotFound('Person', personId);
  if (state.status === 'removed') {
    throw violation('person-removed', `Person ${personId} was removed and accepts nothing new`);
  }
  const by = command.metadata.actor.sub;
  switch (command.type) {
    case 'AcceptInvitation':
      if (state.status !== 'invited') {
        throw violation('person-not-invited', `Person ${personId} has no pending invitation`);
      }
      return [{ type: 'InvitationAccepted', data: command.data }];
    case 'ChangePersonRoles': {
      assertPartnerNamed(command.data.roles, state.partnerId);
      const roles = distinct(command.data.roles);
      if (sameRoles(roles, state.roles)) return [];
      return [{ type: 'PersonRolesChanged', data: { personId, roles, changedBy: by } }];
    }
    case 'SuspendPerson':
      if (state.status === 'suspended') {
        throw violation('person-already-suspended', `Person ${personId} is already suspended`);
      }
      return [
        {
          type: 'PersonSuspended',
          data: { personId, reason: command.data.reason.trim(), suspendedBy: by },
        },
      ];
    case 'ReinstatePerson':
      if (state.status !== 'suspended') {
        throw violation('person-not-suspended', `Person ${personId} is not suspended`);
      }
      return [{ type: 'PersonReinstated', data: { personId, reinstatedBy: by } }];
    case 'RemovePerson':
      return [
        {
          type: 'PersonRemoved',
          data: { personId, reason: command.data.reason.trim(), removedBy: by },
        },
      ];
    case 'IssuePersonalToken':
      return decideTokenIssue(command, state);
    case 'RevokePersonalToken': {
      const { tokenId } = command.data;
      // A token the directory never saw issued (the operator's CLI signs tokens offline) may be
      // revoked by its id all the same.
      if (state.tokens[tokenId] === false) {
        throw violation('personal-token-already-revoked', `Token ${tokenId} is already revoked`);
      }
      return [{ type: 'PersonalTokenRevoked', data: { personId, tokenId, revokedBy: by } }];
    }
  }
}

function decideInvitation(command: CommandOf<'InvitePerson'>, state: PersonState): PersonEvent[] {
  const { directory, data } = command;
  if (state.status !== 'none') {
    throw violation('person-already-exists', `Person ${data.personId} already exists`);
  }
  const displayName = data.displayName.trim();
  if (displayName === '') {
    throw violation('person-display-name-required', 'A person needs a name to be shown under');
  }
  const email = data.email.trim();
  if (!EMAIL.test(email)) {
    throw violation('person-email-invalid', 'The e-mail address is not one (name@domain)');
  }
  if (directory.emailTakenBy !== undefined && directory.emailTakenBy !== data.personId) {
    throw violation('person-email-taken', 'Another person of the directory has this e-mail');
  }
  assertPartnerNamed(data.roles, data.partnerId);
  return [
    {
      type: 'PersonInvited',
      data: {
        ...data,
        displayName,
        email,
        roles: distinct(data.roles),
        invitedBy: command.metadata.actor.sub,
      },
    },
  ];
}

function decideTokenIssue(
  command: CommandOf<'IssuePersonalToken'>,
  state: PersonState,
): PersonEvent[] {
  const { personId, tokenId, expiresAt } = command.data;
  if (state.status !== 'active') {
    throw violation('person-not-active', `Person ${personId} is not active: no token for them`);
  }
  const label = command.data.label.trim();
  if (label === '') {
    throw violation('personal-token-label-required', 'Name the token, to recognise it later');
  }
  if (state.tokens[tokenId] !== undefined) {
    throw violation('personal-token-exists', `Token ${tokenId} already exists`);
  }
  return [
    {
      type: 'PersonalTokenIssued',
      data: { personId, tokenId, label, expiresAt, issuedBy: command.metadata.actor.sub },
    },
  ];
}

/** A partner role acts for a partner: the person must have one. */
function assertPartnerNamed(roles: readonly string[], partnerId: string | null): void {
  if (partnerId === null && roles.some((role) => PARTNER_ROLES.includes(role))) {
    throw violation(
      'person-partner-required',
      'The roles partner and partner_admin act for a partner: the person needs one',
    );
  }
}

const distinct = (roles: readonly string[]): string[] => [...new Set(roles)];

function sameRoles(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((role) => b.includes(role));
}

export function evolvePerson(state: PersonState, event: PersonEvent): PersonState {
  switch (event.type) {
    case 'PersonInvited':
      return {
        ...state,
        status: 'invited',
        personId: event.data.personId,
        partnerId: event.data.partnerId,
        roles: event.data.roles,
      };
    case 'InvitationAccepted':
      return { ...state, status: 'active', accepted: true };
    case 'PersonRolesChanged':
      return { ...state, roles: event.data.roles };
    case 'PersonSuspended':
      return { ...state, status: 'suspended' };
    case 'PersonReinstated':
      return { ...state, status: state.accepted ? 'active' : 'invited' };
    case 'PersonRemoved':
      return { ...state, status: 'removed' };
    case 'PersonalTokenIssued':
      return { ...state, tokens: { ...state.tokens, [event.data.tokenId]: true } };
    case 'PersonalTokenRevoked':
      return { ...state, tokens: { ...state.tokens, [event.data.tokenId]: false } };
  }
}

export const personDecider: Decider<PersonCommand, PersonEvent, PersonState> = {
  initialState: initialPersonState,
  evolve: evolvePerson,
  decide: decidePerson,
};
