// A View says how one kind of record looks in each format: its table
// columns, its JSON, its id. Commands describe records; writers print them.

export interface Column<T> {
  header: string;
  value(r: T): string;
  align?: 'left' | 'right';
  /** May be cut short (with …) to fit the terminal; other columns keep their width. */
  flex?: boolean;
  /** Left out first when the terminal is too narrow. */
  optional?: boolean;
  /**
   * What it is counted at when choosing which optional columns fit, whatever the rows: a
   * column whose cells vary widely (a status) would otherwise decide the columns by the data.
   */
  least?: number;
  /** Colours the cell on a TTY (statuses by meaning). */
  tone?(r: T): Tone | undefined;
}

export type Tone = 'good' | 'bad' | 'wait' | 'muted';

export interface View<T> {
  columns: Column<T>[];
  /** The record as JSON: the normalized shape, or the platform's own with --raw. */
  json(r: T): unknown;
  /** -o ids: the id another command accepts; undefined when it was printed already (several records of one order). */
  id(r: T): string | undefined;
  /** Valid --fields paths; undefined = anything goes. */
  fields?: readonly string[];
  /** -o csv: dotted paths into the JSON, one column each (raw values, never the table's display text); default: the leaves of `fields`. */
  csvColumns?: readonly string[];
}
