/**
 * Columns every versioned record's table carries. Booleans are stored as 0/1 integers and JSON as
 * text on both databases (one schema for SQLite and PostgreSQL); the repositories map them.
 */
export interface RecordColumns {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A link table row (many-to-many, ordered by `sort`). */
export interface LinkColumns {
  sort: number;
}

/** `sequences`: named counters kept by the database (supervision numbers per year …). */
export interface SequenceTable {
  name: string;
  value: number;
}
