// A second prequal process for concurrency.test.ts: loads the store's TypeScript source through
// vite's module runner, waits until every writer has opened the store (so their writes overlap),
// then writes `count` transactions, each a meta record plus its audit entry.
// Usage: node concurrent-writer.mjs <store index.ts> <db file> <writer name> <count> <writers>
import { runnerImport } from 'vite';

const [entry, file, writer, count, writers] = process.argv.slice(2);
const { module: store } = await runnerImport(entry, { configFile: false, logLevel: 'silent' });
const handle = store.openStore(file);
store.setMeta(handle, `ready-${writer}`, 'yes');
const pause = new Int32Array(new SharedArrayBuffer(4));
const ready = handle.db.prepare("SELECT count(*) AS n FROM meta WHERE key LIKE 'ready-%'");
while (ready.get().n < Number(writers)) Atomics.wait(pause, 0, 0, 2);
for (let i = 0; i < Number(count); i++) {
  store.withWriteTransaction(handle, () => {
    store.setMeta(handle, `${writer}-${i}`, String(i));
    store.appendAudit(handle, {
      at: '2025-12-02T09:00:00Z',
      who: writer,
      action: 'test.write',
      subject: `${writer}-${i}`,
      after: i,
      why: 'concurrency test',
    });
  });
}
handle.close();
