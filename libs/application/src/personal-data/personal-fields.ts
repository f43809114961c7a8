import {
  type JsonObject,
  type KeyStore,
  openAll,
  type PersonalField,
  sealFields,
} from '@cohesion/personal-data';
import type { CommandMetadata } from '@cohesion/domain';

type Actor = CommandMetadata['actor'];

/** The principal of the public feedback form: not a person, its submissions are residents'. */
const PUBLIC_FORM = 'public-form';

/** The data subject of what a resident wrote in one feedback (its text). */
export const residentOf = (feedbackId: string): string => `resident-${feedbackId}`;
/** The data subject of the contact details one feedback left: shredded alone by retention. */
export const residentContactOf = (feedbackId: string): string => `resident-${feedbackId}-contact`;

/**
 * Whose a feedback's text is: a resident's (whoever typed it: the resident through the public
 * form, or staff copying a paper form or a phone call), else the signed-in person who gave it.
 */
const feedbackAuthorOf = (data: JsonObject, actor: Actor, feedbackId: string): string =>
  data.submitterCategory === 'resident' || actor.sub === PUBLIC_FORM
    ? residentOf(feedbackId)
    : actor.sub;

const text = (path: string, subject: string): PersonalField => ({ path, subject });

/** An id field of the event's data (always a string where the deciders put one). */
const idIn = (data: JsonObject, field: string): string => {
  const id = data[field];
  if (typeof id !== 'string') throw new TypeError(`${field} must be an id to seal by`);
  return id;
};

/**
 * Which fields of which events are personal data, and whose: the one table the store seals from.
 * Ids, amounts, dates and whatever a rule decides on stay in clear. An event type not here holds
 * no personal field.
 */
const PERSONAL_FIELDS: Readonly<
  Record<string, (data: JsonObject, actor: Actor) => readonly PersonalField[]>
> = {
  // The identity provider's subject stays in clear: an opaque id sign-in looks people up by.
  PersonInvited: (data) => {
    const person = idIn(data, 'personId');
    return [text('displayName', person), text('email', person)];
  },
  PersonSuspended: (data) => [text('reason', idIn(data, 'personId'))],
  PersonRemoved: (data) => [text('reason', idIn(data, 'personId'))],
  FeedbackSubmitted: (data, actor) => {
    const feedbackId = idIn(data, 'feedbackId');
    return [
      text('text', feedbackAuthorOf(data, actor, feedbackId)),
      text('contact', residentContactOf(feedbackId)),
    ];
  },
  // A free subject is described in words, which may name people as the summary may.
  ConflictRaised: (_data, actor) => [
    text('summary', actor.sub),
    text('subject.description', actor.sub),
  ],
  StatementRecorded: (_data, actor) => [text('text', actor.sub)],
  MediationSessionHeld: (_data, actor) => [text('summary', actor.sub)],
};

/** The personal fields of an event of this type, and whose they are (none for most types). */
export function personalFieldsOf(
  type: string,
  data: JsonObject,
  actor: Actor,
): readonly PersonalField[] {
  return PERSONAL_FIELDS[type]?.(data, actor) ?? [];
}

/** Whether events of this type may hold sealed personal fields. */
export const holdsPersonalData = (type: string): boolean => Object.hasOwn(PERSONAL_FIELDS, type);

/** The event's data with its personal fields sealed for their subjects (a copy; others as given). */
export function sealEventData(
  type: string,
  data: JsonObject,
  actor: Actor,
  keys: KeyStore,
): JsonObject {
  const fieldsOf = PERSONAL_FIELDS[type];
  if (fieldsOf === undefined) return data;
  // A resident's feedback makes two subjects' keys: written with one sync, not one each.
  return keys.transaction(() => sealFields(data, fieldsOf(data, actor), keys));
}

/**
 * The event's data with its sealed fields opened, or shown as erased: what a decider folds. Data
 * of a type that holds no personal field is answered as it is.
 */
export function openEventData(type: string, data: JsonObject, keys: KeyStore): JsonObject {
  return holdsPersonalData(type) ? (openAll(data, keys).value as JsonObject) : data;
}
