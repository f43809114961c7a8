import { describe, expect, it, vi } from 'vitest';
import { createLedgerClient } from './client';
import { rememberCsrfToken } from './csrf';

describe('the ledger client', () => {
  it('sends the session cookie, and the CSRF token on writes only', async () => {
    const seen: Request[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((request: Request) => {
        seen.push(request);
        return Promise.resolve(Response.json({ items: [], next: null }));
      }),
    );
    rememberCsrfToken('csrf-123');
    const client = createLedgerClient('http://ledger.test');
    await client.GET('/partnerships');
    await client.POST('/partnerships/{partnershipId}/suspension', {
      params: { path: { partnershipId: 'youth' } },
      body: { reason: 'paused' },
    });
    expect(seen.map((request) => request.credentials)).toEqual(['include', 'include']);
    expect(seen[0]?.headers.get('X-CSRF-Token')).toBeNull();
    expect(seen[1]?.headers.get('X-CSRF-Token')).toBe('csrf-123');
    vi.unstubAllGlobals();
    rememberCsrfToken(undefined);
  });
});
