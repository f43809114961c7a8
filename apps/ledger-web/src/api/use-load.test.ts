import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type Loaded, useKeptWhileReloading } from './use-load';

const render = (loaded: Loaded<string>, scope: string) =>
  renderHook(
    (props: { loaded: Loaded<string>; scope: string }) =>
      useKeptWhileReloading(props.loaded, props.scope),
    { initialProps: { loaded, scope } },
  );

describe('useKeptWhileReloading', () => {
  it('keeps what was loaded while the same scope loads again, then shows the new data', () => {
    const { result, rerender } = render({ status: 'loaded', data: 'before' }, 'youth');
    rerender({ loaded: { status: 'loading' }, scope: 'youth' });
    expect(result.current).toEqual({ status: 'loaded', data: 'before' });
    rerender({ loaded: { status: 'loaded', data: 'after' }, scope: 'youth' });
    expect(result.current).toEqual({ status: 'loaded', data: 'after' });
  });

  it('never shows another scope’s data, nor hides a failure', () => {
    const { result, rerender } = render({ status: 'loaded', data: 'youth' }, 'youth');
    rerender({ loaded: { status: 'loading' }, scope: 'housing' });
    expect(result.current).toEqual({ status: 'loading' });
    rerender({ loaded: { status: 'failed', problem: { status: 500 } }, scope: 'housing' });
    expect(result.current.status).toBe('failed');
  });
});
