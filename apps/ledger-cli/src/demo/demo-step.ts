import type { DemoRecorder } from './demo-recorder';

/** One thing that happens in the demo on a day: one or a few commands. */
export interface DemoStep {
  /** `YYYY-MM-DD`; steps run in day order, and in the order given within a day. */
  readonly day: string;
  readonly record: (demo: DemoRecorder) => Promise<unknown>;
}

export const on = (day: string, record: DemoStep['record']): DemoStep => ({ day, record });

/** Every step of every list, in day order (stable: the order given within a day). */
export function chronological(...lists: readonly DemoStep[][]): DemoStep[] {
  return lists.flat().sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}
