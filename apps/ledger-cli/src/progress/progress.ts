import { Presets, SingleBar } from 'cli-progress';

/** How far a long task is: `done` out of the total it was started with, and items handled. */
export interface Progress {
  update(done: number, items: number): void;
}

interface ProgressDisplay extends Progress {
  /** The task is over: the bar is completed, or the last plain line printed. */
  complete(): void;
  /** The task failed: the bar stays where it was, and the line is ended for the error message. */
  abandon(): void;
}

/** Plain lines report every tenth of the way, so that a log file stays short. */
const PLAIN_STEP_PERCENT = 10;

/**
 * Runs `work`, showing its progress on stderr (stdout carries results only): a bar on a terminal,
 * plain lines otherwise (CI logs, redirections). `total` may be a count, a log position or bytes:
 * `items` says how many `unit`s were handled so far, whatever `done` measures.
 */
export async function withProgress<T>(
  task: string,
  total: number,
  unit: string,
  work: (progress: Progress) => Promise<T>,
  stream: NodeJS.WriteStream = process.stderr,
): Promise<T> {
  const display = stream.isTTY
    ? barProgress(task, total, unit, stream)
    : plainProgress(task, total, unit, stream);
  try {
    const result = await work(display);
    display.complete();
    return result;
  } catch (error) {
    display.abandon();
    throw error;
  }
}

function barProgress(
  task: string,
  total: number,
  unit: string,
  stream: NodeJS.WriteStream,
): ProgressDisplay {
  const bar = new SingleBar(
    { stream, format: `${task} [{bar}] {percentage}% | {items} ${unit} | {duration_formatted}` },
    Presets.shades_classic,
  );
  const end = Math.max(total, 1);
  bar.start(end, 0, { items: 0 });
  return {
    update: (done, items) => bar.update(Math.min(done, end), { items }),
    complete: () => {
      bar.update(end);
      bar.stop();
    },
    // Stopped where it was; cli-progress ends the line, ready for the error message.
    abandon: () => bar.stop(),
  };
}

function plainProgress(
  task: string,
  total: number,
  unit: string,
  stream: NodeJS.WriteStream,
): ProgressDisplay {
  let reported = -1;
  let lastItems = 0;
  const line = (percent: number, items: number) =>
    stream.write(`ledger ${task}: ${percent}% (${items} ${unit})\n`);
  return {
    update: (done, items) => {
      lastItems = items;
      const percent = total > 0 ? Math.floor((Math.min(done, total) / total) * 100) : 100;
      const step = percent - (percent % PLAIN_STEP_PERCENT);
      if (step > reported && percent < 100) {
        reported = step;
        line(step, items);
      }
    },
    complete: () => line(100, lastItems),
    abandon: () => {},
  };
}
