import { eventIdFor, type NewEvent, SqliteEventStore } from '@cohesion/event-store';
import { generateKeySync } from 'node:crypto';
import { sealValue, SqliteKeyStore } from '@cohesion/personal-data';
import { exportLine } from './exported-event';
import { importEvents, type ImportLine } from './import-events';

const newEvent = (commandId: string, data: Record<string, string>): NewEvent => ({
  id: eventIdFor(commandId, 0),
  type: 'PartnershipFounded',
  data,
  metadata: {
    actor: { sub: 'admin' },
    commandId,
    correlationId: commandId,
    causationId: commandId,
    schemaVersion: 1,
  },
});

async function exportedLines(store: SqliteEventStore): Promise<ImportLine[]> {
  const lines: ImportLine[] = [];
  for await (const event of store.readAll()) {
    const text = exportLine(event);
    lines.push({ text, lineNumber: lines.length + 1, bytes: text.length + 1 });
  }
  return lines;
}

describe('importEvents', () => {
  let source: SqliteEventStore;
  let target: SqliteEventStore;
  let lines: ImportLine[];

  beforeEach(async () => {
    source = new SqliteEventStore({ file: ':memory:' });
    target = new SqliteEventStore({ file: ':memory:' });
    await source.append('partnership-a', [newEvent('a-1', { name: 'A' })], {
      expectedRevision: 'no_stream',
    });
    await source.append('partnership-a', [newEvent('a-2', { name: 'A, renamed' })], {
      expectedRevision: 0n,
    });
    lines = await exportedLines(source);
  });
  afterEach(async () => {
    await source.close();
    await target.close();
  });

  it('appends each event where it was, skips those already there, and skips blank lines', async () => {
    const blank = { text: '', lineNumber: 3, bytes: 1 };
    const none = { erased: 0, unreadable: 0, corrupted: 0 };
    expect(await importEvents(target, [...lines, blank])).toEqual({
      imported: 2,
      alreadyPresent: 0,
      unopened: none,
    });
    expect(await importEvents(target, lines)).toEqual({
      imported: 0,
      alreadyPresent: 2,
      unopened: none,
    });
    expect((await exportedLines(target)).map(({ text }) => text)).toEqual(
      lines.map(({ text }) => text),
    );
  });

  it('counts the sealed fields that do not open here: erased before the export was imported, or sealed elsewhere', async () => {
    const masterKey = () => generateKeySync('aes', { length: 256 });
    const keys = SqliteKeyStore.open(':memory:', masterKey());
    const elsewhere = SqliteKeyStore.open(':memory:', masterKey());
    const sealed = (subject: string, store: SqliteKeyStore) =>
      sealValue('Ana Martin', subject, store.currentKey(subject)) as unknown as string;
    const withPersonalData = new SqliteEventStore({ file: ':memory:' });
    await withPersonalData.append(
      'person-ana',
      [
        newEvent('p-1', {
          ana: sealed('ana', keys),
          lou: sealed('lou', keys),
          kim: sealed('kim', elsewhere),
        }),
      ],
      { expectedRevision: 'no_stream' },
    );
    const exported = await exportedLines(withPersonalData);
    keys.destroySubjectKeys('ana', new Date());
    expect(await importEvents(target, exported, () => {}, keys)).toMatchObject({
      imported: 1,
      unopened: { erased: 1, unreadable: 1, corrupted: 0 },
    });
    await withPersonalData.close();
  });

  it("refuses an event whose stream's earlier event is missing from the file, appending nothing", async () => {
    await expect(importEvents(target, [lines[1]])).rejects.toThrow(
      /^line 2: event .* follows .* but partnership-a ends with nothing here: an earlier line of the stream is missing$/,
    );
    expect(await target.headPosition()).toBe(0n);
  });

  it('refuses to import over another history of the same stream', async () => {
    await target.append('partnership-a', [newEvent('other', { name: 'Other' })], {
      expectedRevision: 'no_stream',
    });
    await expect(importEvents(target, lines)).rejects.toThrow(
      /^line 1: partnership-a already holds another event at revision 0/,
    );
    expect(await target.headPosition()).toBe(1n);
  });
});
