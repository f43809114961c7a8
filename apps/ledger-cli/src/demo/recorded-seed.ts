import type { EventStore } from '@cohesion/event-store';
import { POLICY_ID } from './valuation-policy.steps';

/** The demo's first stream: it tells whether, and with which seed, the demo was recorded. */
const FIRST_STREAM = `valuation-policy-${POLICY_ID}`;
const DEMO_COMMAND_ID = /^demo-(\d+)-/;

/** The seed the demo was recorded with in this ledger, if it was. */
export async function recordedSeed(store: EventStore): Promise<number | undefined> {
  for await (const event of store.readStream(FIRST_STREAM, { maxCount: 1 })) {
    const match = DEMO_COMMAND_ID.exec(event.metadata.commandId);
    return match ? Number(match[1]) : undefined;
  }
  return undefined;
}
