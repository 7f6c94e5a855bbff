// CSV that streams: rows are read from an iterator a chunk at a time, so exports of any size use little memory.
// Text cells that a spreadsheet would run as a formula (= + - @, tab, CR) are neutralised with a leading apostrophe;
// numbers are written as they are (a negative net stance must stay a number, and a number is never a formula).

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value !== 'number' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: unknown[]): string {
  return values.map(csvCell).join(',') + '\r\n';
}

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => unknown;
}

const ROWS_PER_CHUNK = 500;

/** A byte stream of CSV; `done` runs once when the rows are exhausted, the stream fails, or the client goes away. */
export function csvStream<T>(columns: CsvColumn<T>[], rows: Iterator<T>, done: () => void = () => {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let finished = false;
  const finish = () => {
    if (!finished) {
      finished = true;
      rows.return?.();
      done();
    }
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvLine(columns.map((c) => c.header))));
    },
    pull(controller) {
      try {
        let chunk = '';
        for (let i = 0; i < ROWS_PER_CHUNK; i++) {
          const next = rows.next();
          if (next.done) {
            if (chunk) controller.enqueue(encoder.encode(chunk));
            finish();
            controller.close();
            return;
          }
          chunk += csvLine(columns.map((c) => c.value(next.value)));
        }
        controller.enqueue(encoder.encode(chunk));
      } catch (err) {
        finish();
        controller.error(err);
      }
    },
    cancel() {
      finish();
    },
  });
}
