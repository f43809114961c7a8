import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useCommand } from './use-command';

const answer = (status: number, body: unknown) => ({
  response: new Response(null, { status }),
  ...(status < 300 ? { data: body } : { error: body }),
});

describe('a form command', () => {
  it('sends a double submission once, with the form’s key', async () => {
    const { result } = renderHook(() => useCommand(['quantity']));
    const keys: string[] = [];
    let release: () => void = () => undefined;
    const send = (init: { headers: { 'Idempotency-Key': string } }) => {
      keys.push(init.headers['Idempotency-Key']);
      return new Promise<ReturnType<typeof answer>>((resolve) => {
        release = () => resolve(answer(201, { position: '7' }));
      });
    };
    let first: Promise<unknown> = Promise.resolve();
    let second: Promise<unknown> = Promise.resolve();
    act(() => {
      first = result.current.run(send);
      second = result.current.run(send);
    });
    expect(result.current.submitting).toBe(true);
    await act(async () => {
      release();
      await Promise.all([first, second]);
    });
    expect(keys).toHaveLength(1);
    expect(result.current.outcome).toEqual({ kind: 'recorded', data: { position: '7' } });
    expect(result.current.submitting).toBe(false);
  });

  it('maps a refusal onto the fields and takes a new key for the corrected command', async () => {
    const { result } = renderHook(() => useCommand(['quantity']));
    const keys: string[] = [];
    await act(() =>
      result.current.run((init) => {
        keys.push(init.headers['Idempotency-Key']);
        return Promise.resolve(
          answer(400, { status: 400, errors: ['quantity must be a positive number'] }),
        );
      }),
    );
    expect(result.current.outcome).toEqual({
      kind: 'refused',
      problems: { fields: { quantity: ['quantity must be a positive number'] }, general: [] },
    });
    await act(() =>
      result.current.run((init) => {
        keys.push(init.headers['Idempotency-Key']);
        return Promise.resolve(answer(201, {}));
      }),
    );
    expect(new Set(keys).size).toBe(2);
  });

  it('keeps the key after no answer, so that resubmitting retries the same command', async () => {
    const { result } = renderHook(() => useCommand([]));
    const keys: string[] = [];
    await act(() =>
      result.current.run((init) => {
        keys.push(init.headers['Idempotency-Key']);
        return Promise.reject(new TypeError('Failed to fetch'));
      }),
    );
    expect(result.current.outcome).toEqual({ kind: 'unanswered' });
    await act(() =>
      result.current.run((init) => {
        keys.push(init.headers['Idempotency-Key']);
        return Promise.resolve(answer(201, {}));
      }),
    );
    expect(keys[0]).toBe(keys[1]);
  });
});
