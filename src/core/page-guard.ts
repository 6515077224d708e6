// Every paged listing passes each page through a PageGuard before using it, so
// a server whose paging is broken (the same page forever, a cursor it gave
// before, a page larger than asked for, ids outside the min_id or max_id asked
// for) ends the run with exit 1 and a message naming the platform and the
// page, instead of a listing that never ends.

import { safeCell } from '../output/text.js';
import { ApiError } from './errors.js';

export interface PageCheck {
  /** Names the page in a message: "page 3 of the order list". */
  where: string;
  /** The order ids the page holds, in order. */
  ids: ReadonlyArray<string | number | null | undefined>;
  /** The most orders the request asked for. */
  asked?: number;
  /** Keyset paging: every id must be at least this. */
  minId?: number;
  /** Keyset paging newest first: every id must be at most this. */
  maxId?: number;
  /** The cursor the page was asked with, and the one it gives for the next page (null at the end). */
  cursor?: string;
  nextCursor?: string | null;
}

const HINT = 'the listing was stopped so that it cannot run forever; try again later, and report it to the platform if it persists';

export class PageGuard {
  private readonly seen = new Set<string>();
  private readonly cursors = new Set<string>();

  constructor(private readonly platform: string) {}

  /** Throws ApiError (exit 1) when the page shows the paging is broken; otherwise remembers its ids. */
  check(p: PageCheck): void {
    const broken = (why: string): never => {
      throw new ApiError(`${this.platform} answered ${p.where} ${why}`, { hint: HINT, code: 'broken_paging' });
    };
    if (p.asked !== undefined && p.ids.length > p.asked) broken(`with ${p.ids.length} orders, more than the ${p.asked} asked for`);
    if (p.minId !== undefined) {
      const below = p.ids.find((id) => id !== undefined && id !== null && Number(id) < p.minId!);
      if (below !== undefined) broken(`with order ${shorten(String(below))}, below the min_id ${p.minId} asked for`);
    }
    if (p.maxId !== undefined) {
      const above = p.ids.find((id) => id !== undefined && id !== null && Number(id) > p.maxId!);
      if (above !== undefined) broken(`with order ${shorten(String(above))}, above the max_id ${p.maxId} asked for`);
    }
    // An element without an id is not an order: the mapping refuses it, not this.
    const ids = p.ids.filter((id) => id !== undefined && id !== null).map(String);
    if (ids.length > 0 && ids.every((id) => this.seen.has(id))) broken('with no order not listed before');
    for (const id of ids) this.seen.add(id);
    if (p.cursor) this.cursors.add(p.cursor);
    if (p.nextCursor) {
      if (this.cursors.has(p.nextCursor)) broken(`with a next-page cursor it gave before (${shorten(p.nextCursor)})`);
      this.cursors.add(p.nextCursor);
    }
  }
}

/** A server's text, short and printable. */
function shorten(s: string): string {
  const plain = safeCell(s);
  return plain.length > 40 ? `${plain.slice(0, 37)}...` : plain;
}
