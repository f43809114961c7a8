/**
 * The shell examples of the README and whether each is run. The convention, stated once here and
 * in the README's "Using the API":
 *
 * - every ```bash block is a runnable example: the README test runs them all, in the README's
 *   order, in one shell session, against a fresh ledger, exactly as written;
 * - a block that cannot run there (it needs Docker, EventStoreDB, or installs and starts the
 *   ledger itself) is preceded by `<!-- not run: <the reason> -->` on the line just before its
 *   fence (blank lines between allowed); the reason is mandatory;
 * - shell examples are ```bash only: a ```sh, ```shell or ```console block would escape the test,
 *   so one is refused, as is a "not run" marker without a reason or without a block after it.
 */
export interface ReadmeBlock {
  /** 1-based line of the opening fence, to name the block. */
  readonly line: number;
  /** The commands, as written (without the fences). */
  readonly source: string;
  /** Why the block is not run, when the README says so. */
  readonly notRun?: string;
}

const FENCE = /^\s*(`{3,}|~{3,})\s*([\w+-]*)/;
const MARKER = /^\s*<!--\s*not[ -]run\b(.*)-->\s*$/i;
const MARKER_WITH_REASON = /^:\s*(\S.*?)\s*$/;
/** Languages of shell examples that are not `bash`, and so would not be run. */
const OTHER_SHELLS = new Set(['sh', 'shell', 'console', 'zsh', 'shell-session', 'shellsession']);

/** Every ```bash block of `markdown`, in order; throws on a breach of the convention. */
export function readmeShellBlocks(markdown: string): ReadmeBlock[] {
  const lines = markdown.split('\n');
  const blocks: ReadmeBlock[] = [];
  let pendingMarker: { line: number; reason: string } | undefined;
  for (let index = 0; index < lines.length; index += 1) {
    const text = lines[index];
    const where = `README line ${index + 1}`;
    const marker = MARKER.exec(text);
    if (marker) {
      const reason = MARKER_WITH_REASON.exec(marker[1])?.[1];
      if (!reason) throw new Error(`${where}: write <!-- not run: <why> -->, with the reason`);
      pendingMarker = { line: index + 1, reason };
      continue;
    }
    const fence = FENCE.exec(text);
    if (!fence) {
      if (text.trim() !== '' && pendingMarker) throw strayMarker(pendingMarker.line);
      continue;
    }
    const [, delimiter, language] = fence;
    const end = closingFence(lines, index, delimiter);
    if (OTHER_SHELLS.has(language.toLowerCase())) {
      throw new Error(`${where}: write shell examples as \`\`\`bash, which the README test runs`);
    }
    if (language === 'bash') {
      const source = lines.slice(index + 1, end).join('\n');
      blocks.push({
        line: index + 1,
        source,
        ...(pendingMarker ? { notRun: pendingMarker.reason } : {}),
      });
    } else if (pendingMarker) {
      throw strayMarker(pendingMarker.line);
    }
    pendingMarker = undefined;
    index = end;
  }
  if (pendingMarker) throw strayMarker(pendingMarker.line);
  return blocks;
}

/** The index of the line closing the fence opened at `open` (a fence of at least as many marks). */
function closingFence(lines: readonly string[], open: number, delimiter: string): number {
  for (let index = open + 1; index < lines.length; index += 1) {
    const trimmed = lines[index].trim();
    if (trimmed.startsWith(delimiter[0].repeat(delimiter.length)) && /^[`~]+$/.test(trimmed)) {
      return index;
    }
  }
  throw new Error(`README line ${open + 1}: the code block is never closed`);
}

const strayMarker = (line: number) =>
  new Error(`README line ${line}: a "not run" marker must come just before a \`\`\`bash block`);
