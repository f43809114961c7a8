import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useIdempotencyKey } from './idempotency';

describe('one Idempotency-Key per form', () => {
  it('keeps the key across renders (a double click sends it twice) and draws a new one on renew', () => {
    const { result, rerender } = renderHook(() => useIdempotencyKey());
    const first = result.current.key;
    rerender();
    expect(result.current.key).toBe(first);
    act(() => result.current.renew());
    expect(result.current.key).not.toBe(first);
    expect(result.current.key).toMatch(/^[0-9a-f-]{36}$/);
  });
});
