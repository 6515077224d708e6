// Writes records in the chosen format. Lists stream: ndjson, csv, ids and
// json write each record as it arrives (json as one array), so `--all` over
// many pages never holds them all. Tables are buffered to size the columns.

import type { Context, OutputFormat } from '../core/context.js';
import { UsageError } from '../core/errors.js';
import { csvRow, UTF8_BOM } from './csv.js';
import { formatFor } from './formats.js';
import { flattenForColumns, getPath, jsonPaths, leafPaths, pickFields, validateFields } from './fields.js';
import { renderTable } from './table.js';
import { safeCell } from './text.js';
import type { Column, View } from './view.js';

export function chooseFormat(ctx: Context): OutputFormat {
  return formatFor(ctx.io, ctx.globals.output, ctx.globals.raw);
}

export interface ListWriter<T> {
  write(record: T): void;
  end(): void;
  readonly count: number;
}

/** Columns from --fields when given, else the view's own. */
function columnsFor<T>(ctx: Context, view: View<T>): Column<T>[] {
  const fields = ctx.globals.fields;
  if (!fields) return view.columns;
  return fields.map((f) => ({ header: f, value: (r: T) => flattenForColumns(view.json(r), [f])[0] ?? '' }));
}

/**
 * CSV: a column per path of the record's JSON, named as -o json and --fields
 * name it, holding the JSON's value (codes, ISO times, decimal strings; null is
 * an empty cell), never the table's display text. The paths are the view's
 * csvColumns, else the leaves of its fields (an object gives a column per
 * leaf, so money is an amount column and a currency column), else the
 * leaves of the first record's JSON. --fields picks them instead.
 *
 * An array of objects also gives a column per leaf (items.itemId,
 * items.quantity), each holding the elements' values joined with "; " in
 * the array's order, as `--fields items.sku` prints them: the columns keep
 * the JSON's names, a spreadsheet splits a list, and the nth values of the
 * lists belong to one element. Spreadsheets want one row per record, and a
 * JSON cell would need a parser to read.
 */
function csvColumnsFor<T>(ctx: Context, view: View<T>): Column<T>[] | ((first: T) => Column<T>[]) {
  if (ctx.globals.fields) return columnsFor(ctx, view);
  const paths = view.csvColumns ?? (view.fields ? leafPaths(view.fields) : undefined);
  if (paths) return pathColumns(view, paths);
  return (first) => pathColumns(view, jsonPaths(view.json(first)));
}

function pathColumns<T>(view: View<T>, paths: readonly string[]): Column<T>[] {
  return paths.map((p) => ({ header: p, value: (r: T) => flattenForColumns(view.json(r), [p])[0] ?? '' }));
}

function jsonFor<T>(ctx: Context, view: View<T>, r: T): unknown {
  const fields = ctx.globals.fields;
  return fields ? pickFields(view.json(r), fields) : view.json(r);
}

function checkFields<T>(ctx: Context, view: View<T>): void {
  if (ctx.globals.fields && view.fields && !ctx.globals.raw) validateFields(ctx.globals.fields, [...view.fields]);
}

export function listWriter<T>(ctx: Context, view: View<T>): ListWriter<T> {
  const format = chooseFormat(ctx);
  checkFields(ctx, view);
  const out = ctx.io.stdout;
  const chosen = format === 'csv' ? csvColumnsFor(ctx, view) : columnsFor(ctx, view);
  // Columns taken from the first record's JSON are known once it comes; none came: no columns.
  let columns = typeof chosen === 'function' ? [] : chosen;
  const rows: T[] = [];
  let count = 0;
  return {
    get count() {
      return count;
    },
    write(r) {
      switch (format) {
        case 'json':
          out.write(`${count === 0 ? '[\n' : ',\n'}${indent(JSON.stringify(jsonFor(ctx, view, r), null, 2))}`);
          break;
        case 'ndjson':
          out.write(`${JSON.stringify(jsonFor(ctx, view, r))}\n`);
          break;
        case 'csv':
          if (count === 0) {
            if (typeof chosen === 'function') columns = chosen(r);
            out.write(bom(ctx) + csvRow(columns.map((c) => c.header)));
          }
          out.write(csvFor(ctx, columns.map((c) => c.value(r))));
          break;
        case 'ids':
          // One id a line, whatever a server put in it: `-o ids | … --stdin` must not read two.
          {
            const id = view.id(r);
            if (id !== undefined) out.write(`${safeCell(id)}\n`);
          }
          break;
        case 'table':
          rows.push(r);
          break;
      }
      count++;
    },
    end() {
      if (format === 'json') out.write(count === 0 ? '[]\n' : '\n]\n');
      if (format === 'csv' && count === 0) out.write(bom(ctx) + csvRow(columns.map((c) => c.header)));
      if (format === 'table') {
        if (rows.length === 0) {
          if (!ctx.globals.quiet) ctx.io.stderr.write('no results\n');
        } else out.write(renderTable(ctx, columns, rows));
      }
    },
  };
}

/** A CSV row; on a terminal, escape sequences and bidi controls from a server are shown, not obeyed. */
export function csvFor(ctx: Context, cells: readonly string[]): string {
  return csvRow(ctx.io.stdoutIsTTY ? cells.map(safeCell) : cells);
}

/** One record: JSON as an object (not an array); a table as a list of one. */
export function writeOne<T>(ctx: Context, view: View<T>, r: T, sheet?: (r: T) => string): void {
  const format = chooseFormat(ctx);
  if (format === 'json') {
    checkFields(ctx, view);
    ctx.io.stdout.write(`${JSON.stringify(jsonFor(ctx, view, r), null, 2)}\n`);
    return;
  }
  if (format === 'table' && sheet && !ctx.globals.fields) {
    ctx.io.stdout.write(sheet(r));
    return;
  }
  const w = listWriter(ctx, view);
  w.write(r);
  w.end();
}

const bom = (ctx: Context) => (ctx.globals.excel ? UTF8_BOM : '');

function indent(s: string): string {
  return s.replace(/^/gm, '  ');
}

export function parseOutputFormat(value: string): OutputFormat {
  const formats = ['table', 'json', 'ndjson', 'csv', 'ids'];
  if (!formats.includes(value)) throw new UsageError(`unknown output format "${value}": use ${formats.join(', ')}`);
  return value as OutputFormat;
}

export { getPath };
