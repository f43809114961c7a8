import { generateKeySync } from 'node:crypto';
import { isSealed, type JsonObject, SqliteKeyStore } from '@cohesion/personal-data';
import { openEventData, sealEventData } from './personal-fields';

describe('the table of personal fields', () => {
  const keys = SqliteKeyStore.open(':memory:', generateKeySync('aes', { length: 256 }));
  afterAll(() => keys.close());

  const nadia = { sub: 'nadia', partnerId: 'acme', roles: ['partner'] };
  const subjectsOf = (data: JsonObject) =>
    Object.fromEntries(
      Object.entries(data)
        .filter(([, value]) => isSealed(value))
        .map(([field, value]) => [field, (value as { subject: string }).subject]),
    );
  const feedback = (submitterCategory: string): JsonObject => ({
    feedbackId: 'northside--f1',
    partnershipId: 'northside',
    text: 'The path is dark',
    channel: 'paper',
    submitterCategory,
    contact: { email: 'mireille@example.org' },
  });

  it("seals a resident's feedback for the resident, whoever typed it, and the contact apart", () => {
    for (const actor of [{ sub: 'public-form' }, nadia]) {
      expect(
        subjectsOf(sealEventData('FeedbackSubmitted', feedback('resident'), actor, keys)),
      ).toEqual({
        text: 'resident-northside--f1',
        contact: 'resident-northside--f1-contact',
      });
    }
  });

  it("seals a partner's own feedback, and what people write in a conflict, for who wrote it", () => {
    expect(
      subjectsOf(sealEventData('FeedbackSubmitted', feedback('partner'), nadia, keys)),
    ).toMatchObject({
      text: 'nadia',
    });
    const statement = { conflictId: 'c', statementId: 's', partyId: 'acme', text: 'I saw it' };
    const sealed = sealEventData('StatementRecorded', statement, nadia, keys);
    expect(subjectsOf(sealed)).toEqual({ text: 'nadia' });
    expect(sealed).toMatchObject({ conflictId: 'c', statementId: 's', partyId: 'acme' });
    const raised = sealEventData(
      'ConflictRaised',
      {
        conflictId: 'c',
        summary: 'Locked out',
        subject: { kind: 'free', description: 'The hall' },
      },
      nadia,
      keys,
    );
    expect(isSealed((raised.subject as JsonObject).description)).toBe(true);
  });

  it("seals a person's name and e-mail for the person, and leaves their ids and roles in clear", () => {
    const invited = {
      personId: 'lou',
      displayName: 'Lou Martin',
      email: 'lou@city.example',
      partnerId: null,
      roles: ['mediator'],
      identityProviderSubject: 'kc-7',
      invitedBy: 'city-admin',
    };
    const sealed = sealEventData('PersonInvited', invited, { sub: 'city-admin' }, keys);
    expect(subjectsOf(sealed)).toEqual({ displayName: 'lou', email: 'lou' });
    expect(sealed).toMatchObject({
      personId: 'lou',
      roles: ['mediator'],
      identityProviderSubject: 'kc-7',
    });
    expect(openEventData('PersonInvited', sealed, keys)).toEqual(invited);
  });

  it('leaves the events that hold no personal field as they are', () => {
    const contribution = { contributionId: 'c1', quantity: 12, description: 'Homework club' };
    expect(sealEventData('ContributionRecorded', contribution, nadia, keys)).toBe(contribution);
    expect(openEventData('ContributionRecorded', contribution, keys)).toBe(contribution);
  });
});
