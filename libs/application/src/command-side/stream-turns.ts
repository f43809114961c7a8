/**
 * One command at a time per stream in this node. Without it, N concurrent commands on one stream
 * all read the same revision and all but one lose the append, again and again: over a networked
 * store (EventStoreDB), the concurrency suite's bursts (60 members acknowledging one contribution
 * at once…) exhausted the attempts, and 155 of 712 commands were answered 409 after thousands of
 * lost appends. Queued, each reads the revision its predecessor wrote.
 * Commands never nest `execute` calls, so a turn never waits for itself.
 */
export class StreamTurns {
  /** The end of each busy stream's queue; removed when the last turn ends. */
  private readonly queues = new Map<string, Promise<void>>();

  async take<T>(stream: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(stream);
    let done = () => {};
    const queue = new Promise<void>((resolve) => (done = resolve));
    this.queues.set(stream, queue);
    try {
      await previous;
      return await work();
    } finally {
      done();
      if (this.queues.get(stream) === queue) this.queues.delete(stream);
    }
  }
}
