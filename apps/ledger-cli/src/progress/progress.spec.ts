import type { Writable } from 'node:stream';
import { withProgress } from './progress';

/** A stream that is not a terminal, keeping what is written to it. */
function plainStream() {
  const written: string[] = [];
  const stream = { isTTY: false, write: (text: string) => written.push(text) > 0 };
  return { stream: stream as unknown as Writable & NodeJS.WriteStream, written };
}

describe('progress off a terminal', () => {
  it('prints a plain line every tenth of the way, and one at the end', async () => {
    const { stream, written } = plainStream();
    const result = await withProgress(
      'import',
      1000,
      'events',
      (progress) => {
        for (let done = 1; done <= 1000; done++) progress.update(done, done);
        return Promise.resolve('imported');
      },
      stream,
    );
    expect(result).toBe('imported');
    expect(written).toEqual([
      ...[0, 10, 20, 30, 40, 50, 60, 70, 80, 90].map(
        (percent) => `ledger import: ${percent}% (${percent === 0 ? 1 : percent * 10} events)\n`,
      ),
      'ledger import: 100% (1000 events)\n',
    ]);
  });

  it('prints no closing line when the task fails, and passes the failure on', async () => {
    const { stream, written } = plainStream();
    const failing = withProgress(
      'import',
      100,
      'events',
      (progress) => {
        progress.update(55, 55);
        return Promise.reject(new Error('line 56: not JSON'));
      },
      stream,
    );
    await expect(failing).rejects.toThrow('line 56: not JSON');
    expect(written).toEqual(['ledger import: 50% (55 events)\n']);
  });
});
