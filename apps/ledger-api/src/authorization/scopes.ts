/**
 * The per-object rules in words, as the API description states them next to the roles. One
 * wording per rule, so that the same rule reads the same on every route.
 */
export const SCOPES = {
  actsInPartnership:
    'a partner acts only for itself, in a partnership it is a member of (403 otherwise); ' +
    'an administrator may enter a paper record for a member partner',
  actsOnObject:
    'a partner acts only for itself, on what belongs to a partnership it is a member of ' +
    '(anything else answers 404, as if it did not exist)',
  managesPartnership: 'a partner only in a partnership it is a member of (403 otherwise)',
  readsPartnership:
    'a partner reads only what belongs to a partnership it is a member of ' +
    '(anything else answers 404, as if it did not exist)',
  listsPartnerships:
    'a partner sees only what belongs to the partnerships it is a member of ' +
    '(naming another partnership is 403)',
  readsOwnPartner:
    'a partner reads only its own report (another partner answers 404, as if unknown)',
  conflictCase:
    "confidential: only the case's parties, its mediator (accepted or proposed), " +
    'administrators and auditors see it; anyone else is answered 404, as if it did not exist',
  listsConflicts:
    'a partner sees the cases it raised or is a party to, a mediator the cases it mediates ' +
    '(accepted or proposed)',
  actsOnConflict:
    "only the case's parties (each for itself) and administrators; anyone else is answered " +
    '404, as if the case did not exist',
  mediatesConflict:
    "the case's accepted mediator (as itself) or a party (for itself), or an administrator; " +
    'anyone else is answered 404, as if the case did not exist',
  recordsSessions:
    "only the case's accepted mediator, as itself (an administrator only if it is that " +
    'mediator); any other mediator or partner is answered 404, as if the case did not exist',
  listsMediators:
    'only the active mediators, by name: their person id and display name, nothing else ' +
    'about them (no e-mail, no partner)',
  feedbackContact:
    'the contact details of who gave feedback (personal data) are served only to ' +
    'administrators and auditors',
  stream:
    "the aggregate's own rule applies: a partner sees the streams of its partnerships, a " +
    "conflict's stream only its parties and mediator; anything else answers 404",
} as const;
