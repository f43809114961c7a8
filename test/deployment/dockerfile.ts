/**
 * A Dockerfile read the way the builder reads it, enough for the deployment tests: parser
 * directives and comments skipped, `\` continuations joined, instructions grouped by stage, and
 * the exec form (`["node", "main.js"]`) of CMD, ENTRYPOINT and HEALTHCHECK decoded.
 */
export interface Instruction {
  /** Upper-cased: `FROM`, `RUN`, `CMD`… */
  readonly keyword: string;
  /** Everything after the keyword, continuations joined with a space. */
  readonly args: string;
  readonly line: number;
}

export interface Stage {
  readonly image: string;
  readonly name: string | undefined;
  readonly instructions: readonly Instruction[];
}

export function parseDockerfile(text: string): Stage[] {
  const stages: { image: string; name: string | undefined; instructions: Instruction[] }[] = [];
  for (const instruction of instructionsOf(text)) {
    if (instruction.keyword === 'FROM') {
      const [image, as, name] = instruction.args.split(/\s+/);
      if (as !== undefined && as.toUpperCase() !== 'AS') {
        throw new Error(`line ${instruction.line}: FROM takes "<image> [AS <name>]"`);
      }
      stages.push({ image, name, instructions: [] });
    } else if (stages.length === 0) {
      if (instruction.keyword !== 'ARG') {
        throw new Error(`line ${instruction.line}: ${instruction.keyword} before the first FROM`);
      }
    } else {
      stages[stages.length - 1].instructions.push(instruction);
    }
  }
  return stages;
}

function* instructionsOf(text: string): Generator<Instruction> {
  let pending: { text: string; line: number } | undefined;
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const trimmed = raw.trim();
    // Comments (and parser directives, which look like comments) may sit inside continuations.
    if (trimmed.startsWith('#') || (trimmed === '' && pending === undefined)) continue;
    const continues = trimmed.endsWith('\\');
    const part = continues ? trimmed.slice(0, -1).trim() : trimmed;
    pending = pending
      ? { text: `${pending.text} ${part}`.trim(), line: pending.line }
      : { text: part, line: index + 1 };
    if (continues) continue;
    if (pending.text !== '') {
      const [keyword] = pending.text.split(/\s/, 1);
      yield {
        keyword: keyword.toUpperCase(),
        args: pending.text.slice(keyword.length).trim(),
        line: pending.line,
      };
    }
    pending = undefined;
  }
  if (pending) throw new Error(`line ${pending.line}: the last instruction ends with "\\"`);
}

/** The one stage named `name` (`FROM … AS name`). */
export function stageNamed(stages: readonly Stage[], name: string): Stage {
  const stage = stages.find((candidate) => candidate.name === name);
  if (!stage) throw new Error(`no stage named ${name}`);
  return stage;
}

/** Every instruction of the stage with this keyword. */
export const instructionsIn = (stage: Stage, keyword: string): Instruction[] =>
  stage.instructions.filter((instruction) => instruction.keyword === keyword);

/** The stage's only (or effective, i.e. last) instruction with this keyword. */
export function lastInstruction(stage: Stage, keyword: string): Instruction {
  const found = instructionsIn(stage, keyword);
  if (found.length === 0) throw new Error(`stage ${stage.name ?? stage.image} has no ${keyword}`);
  return found[found.length - 1];
}

/** The command of CMD or ENTRYPOINT in exec form, refusing the shell form. */
export function execForm(args: string): string[] {
  const parsed: unknown = args.startsWith('[') ? JSON.parse(args) : undefined;
  const isStrings = (value: unknown): value is string[] =>
    Array.isArray(value) && value.every((part) => typeof part === 'string');
  if (!isStrings(parsed)) throw new Error(`not an exec form (a JSON array of strings): ${args}`);
  return parsed;
}

/** HEALTHCHECK's options (`--interval=10s` → interval: '10s') and its command in exec form. */
export function healthcheckOf(instruction: Instruction): {
  options: Record<string, string>;
  command: string[];
} {
  const match = /^((?:--[a-z-]+=\S+\s+)*)CMD\s+(.*)$/s.exec(instruction.args);
  if (!match) throw new Error(`line ${instruction.line}: HEALTHCHECK [options] CMD [...] expected`);
  const options = Object.fromEntries(
    match[1]
      .split(/\s+/)
      .filter(Boolean)
      .map((option) => {
        const [name, value] = option.slice(2).split('=', 2);
        return [name, value];
      }),
  );
  return { options, command: execForm(match[2]) };
}

/** ENV in the stage, in both forms (`ENV A=1 B=2` and the legacy `ENV A 1`), later ones winning. */
export function environmentOf(stage: Stage): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const { args } of instructionsIn(stage, 'ENV')) {
    if (!/^\S+=/.test(args)) {
      const [name, ...value] = args.split(/\s+/);
      environment[name] = value.join(' ');
      continue;
    }
    for (const pair of args.match(/\S+=("[^"]*"|\S*)/g) ?? []) {
      const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      environment[name] = value.replace(/^"(.*)"$/, '$1');
    }
  }
  return environment;
}
