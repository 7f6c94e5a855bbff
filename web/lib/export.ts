// Streams a whole result set as CSV. File databases are read through a second read-only connection so the
// app's connection stays free while the export runs; in-memory databases are paged by cursor instead.
import type { Context } from 'hono';
import type { DB } from '../../src/db/connection.ts';
import { decodeCursor, openExportConnection, type Cursor, type Page } from '../../src/db/timeline.ts';
import { csvStream, type CsvColumn } from './csv.ts';

function* pagedRows<T>(fetchPage: (cursor: Cursor | null) => Page<T>): Generator<T> {
  let cursor: Cursor | null = null;
  do {
    const page = fetchPage(cursor);
    yield* page.rows;
    cursor = page.next ? decodeCursor(page.next) : null;
  } while (cursor);
}

export function csvResponse<T>(
  c: Context,
  db: DB,
  filename: string,
  columns: CsvColumn<T>[],
  iterate: (db: DB) => Iterator<T>,
  fetchPage: (db: DB, cursor: Cursor | null) => Page<T>,
): Response {
  fetchPage(db, null); // validates the filters (a BadRequest here becomes a 400, not a broken stream)
  const reader = openExportConnection(db);
  let rows: Iterator<T>;
  try {
    rows = reader ? iterate(reader) : pagedRows((cursor) => fetchPage(db, cursor));
  } catch (err) {
    reader?.close();
    throw err;
  }
  const body = csvStream(columns, rows, () => reader?.close());
  return c.body(body, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${filename}"`,
    'Cache-Control': 'no-cache',
  });
}
