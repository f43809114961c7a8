import { readmeShellBlocks } from './readme-blocks';

const fenced = (language: string, ...commands: string[]) =>
  ['```' + language, ...commands, '```'].join('\n');

describe('the shell examples of the README', () => {
  it('takes every bash block, in order, with its line and its commands as written', () => {
    const markdown = [
      '# Title',
      fenced('bash', 'L=http://localhost:3000', 'curl "$L/health"'),
      'Some prose.',
      fenced('text', 'not a command'),
      fenced('', 'a layout'),
      fenced('bash', 'echo two'),
    ].join('\n');
    expect(readmeShellBlocks(markdown)).toEqual([
      { line: 2, source: 'L=http://localhost:3000\ncurl "$L/health"' },
      { line: 13, source: 'echo two' },
    ]);
  });

  it('marks a block not run, with its reason, when the line before it says so', () => {
    const markdown = [
      '<!-- not run: needs Docker -->',
      fenced('bash', 'docker compose up'),
      '',
      '<!-- not run: needs EventStoreDB -->',
      '',
      fenced('bash', 'npx ledger import x.jsonl'),
      fenced('bash', 'echo runs'),
    ].join('\n');
    expect(readmeShellBlocks(markdown).map(({ line, notRun }) => [line, notRun])).toEqual([
      [2, 'needs Docker'],
      [8, 'needs EventStoreDB'],
      [11, undefined],
    ]);
  });

  it.each([
    ['no reason', '<!-- not run -->'],
    ['an empty reason', '<!-- not run:   -->'],
  ])('refuses a "not run" marker with %s', (_case, marker) => {
    expect(() => readmeShellBlocks([marker, fenced('bash', 'echo')].join('\n'))).toThrow(
      /README line 1: .*with the reason/,
    );
  });

  it.each([
    ['prose', ['<!-- not run: later -->', 'Some prose.', fenced('bash', 'echo')]],
    ['another language', ['<!-- not run: later -->', fenced('text', 'x')]],
    ['nothing', ['text', '<!-- not run: later -->']],
  ])('refuses a "not run" marker followed by %s', (_case, lines) => {
    expect(() => readmeShellBlocks(lines.join('\n'))).toThrow(/must come just before/);
  });

  it.each(['sh', 'shell', 'console'])('refuses a shell example fenced as %s', (language) => {
    expect(() => readmeShellBlocks(fenced(language, 'npm start'))).toThrow(/as ```bash/);
  });

  it('reads a bash fence inside a longer block as text', () => {
    const markdown = ['````markdown', fenced('bash', 'echo inner'), '````'].join('\n');
    expect(readmeShellBlocks(markdown)).toEqual([]);
  });

  it('refuses a block never closed', () => {
    expect(() => readmeShellBlocks('```bash\necho')).toThrow(/never closed/);
  });
});
