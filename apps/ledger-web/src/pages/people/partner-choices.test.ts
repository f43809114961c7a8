import { describe, expect, it } from 'vitest';
import { createLedgerClient } from '../../api/client';
import { loadPartnerChoices } from './partner-choices';

const overview = (partnershipId: string, name: string, partners: [string, string][]) => ({
  partnershipId,
  name,
  partners: partners.map(([partnerId, partnerName]) => ({ partnerId, name: partnerName })),
});

/** A ledger answering the partnership list and each overview, by path. */
const ledger = (answers: Record<string, unknown>) =>
  createLedgerClient('http://ledger.test', (request) => {
    const answer = answers[new URL(request.url).pathname];
    return Promise.resolve(
      answer === undefined
        ? Response.json({ status: 404 }, { status: 404 })
        : Response.json(answer),
    );
  });

describe('the partners an invitation may name', () => {
  it('lists every partner once, with the partnerships it belongs to, by name', async () => {
    const client = ledger({
      '/partnerships': { items: [{ partnershipId: 'youth' }, { partnershipId: 'housing' }] },
      '/partnerships/youth': overview('youth', 'Youth', [
        ['sos', 'SOS Jeunes'],
        ['city', 'City of Montclair'],
      ]),
      '/partnerships/housing': overview('housing', 'Housing', [['city', 'City of Montclair']]),
    });
    expect(await loadPartnerChoices(client)).toEqual([
      { value: 'city', label: 'City of Montclair (Youth, Housing)' },
      { value: 'sos', label: 'SOS Jeunes (Youth)' },
    ]);
  });

  it('has no choice on a ledger without partnerships', async () => {
    expect(await loadPartnerChoices(ledger({ '/partnerships': { items: [] } }))).toEqual([]);
  });
});
