import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { createLedgerClient } from './client';
import { LedgerClientProvider } from './LedgerClientProvider';
import { useLoad } from './use-load';

/** A loader whose answers the test releases one by one. */
function answers() {
  const pending: Array<(value: string) => void> = [];
  return {
    load: () => new Promise<string>((resolve) => pending.push(resolve)),
    release: (value: string) => act(() => pending.shift()?.(value)),
  };
}

const wrapper = ({ children }: { children: ReactNode }) => (
  <LedgerClientProvider client={createLedgerClient('http://ledger.test')}>
    {children}
  </LedgerClientProvider>
);

describe('useLoad', () => {
  it('keeps what was loaded while the page reloads after a command, then shows the new data', async () => {
    const { load, release } = answers();
    const { result, rerender } = renderHook(
      (props: { version: number }) => useLoad(load, ['youth'], props.version),
      { wrapper, initialProps: { version: 0 } },
    );
    release('before');
    await waitFor(() => expect(result.current).toEqual({ status: 'loaded', data: 'before' }));
    rerender({ version: 1 });
    expect(result.current).toEqual({ status: 'loaded', data: 'before' });
    release('after');
    await waitFor(() => expect(result.current).toEqual({ status: 'loaded', data: 'after' }));
  });

  it('shows the loading line, never the old data, when the page moves on to something else', async () => {
    const { load, release } = answers();
    const { result, rerender } = renderHook((props: { id: string }) => useLoad(load, [props.id]), {
      wrapper,
      initialProps: { id: 'youth' },
    });
    release('youth');
    await waitFor(() => expect(result.current.status).toBe('loaded'));
    rerender({ id: 'housing' });
    expect(result.current).toEqual({ status: 'loading' });
  });
});
