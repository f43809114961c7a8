import { describe, expect, it } from 'vitest';
import { problemToFields } from './problem';

describe('problem details on a form', () => {
  it('puts each 400 reason next to the field it starts with', () => {
    const mapped = problemToFields(
      {
        status: 400,
        errors: [
          'quantity must be a positive number',
          'unit must not be empty',
          'beneficiary.partnerId must be a ledger id',
          'nonsense is not a field of this form',
        ],
      },
      ['quantity', 'unit', 'beneficiary'],
    );
    expect(mapped.fields).toEqual({
      quantity: ['quantity must be a positive number'],
      unit: ['unit must not be empty'],
      beneficiary: ['beneficiary.partnerId must be a ledger id'],
    });
    expect(mapped.general).toEqual(['nonsense is not a field of this form']);
  });

  it('prefers the most precise field the form has', () => {
    const mapped = problemToFields(
      { status: 400, errors: ['beneficiary.partnerId must be a ledger id'] },
      ['beneficiary', 'beneficiary.partnerId'],
    );
    expect(Object.keys(mapped.fields)).toEqual(['beneficiary.partnerId']);
  });

  it('keeps a 422 rule and its detail for the top of the form', () => {
    const mapped = problemToFields(
      { status: 422, rule: 'partner-not-member', detail: 'acme is not a member of youth' },
      ['partnerId'],
    );
    expect(mapped).toEqual({
      fields: {},
      general: ['acme is not a member of youth'],
      rule: 'partner-not-member',
    });
  });

  it('names a 409 by its problem type, for the app to explain it', () => {
    const mapped = problemToFields(
      {
        status: 409,
        type: 'urn:cohesion-ledger:problem:idempotency-key-reused',
        detail: 'You already sent this Idempotency-Key on this route with another body',
      },
      [],
    );
    expect(mapped.rule).toBe('idempotency-key-reused');
  });
});
