// The one paging hint of every platform: a listing that stops before its end
// (no --all) says how many orders it showed and how to see the rest. Like
// every note it goes to stderr, whatever the output format, and never with
// --quiet. What it knows comes from the listing's own answers (Paging.onMore):
// a total only where the answer carried one, never a request of its own.

import type { Context } from '../../core/context.js';
import type { MoreOrders, Paging } from '../../platforms/types.js';

export class PagingHint {
  private more: MoreOrders | undefined;
  private reports = 0;
  private cursor: string | null = null;

  /** `several`: stores merged, whose totals do not add up to the list shown, so none is given. */
  constructor(
    private readonly ctx: Context,
    private readonly paging: Paging,
    private readonly several = false,
  ) {}

  /** The paging to hand to the listing: it reports here where it stopped and what is left. */
  watch(paging: Paging = this.paging): Paging {
    return {
      ...paging,
      onCursor: (c) => {
        this.cursor = c;
        paging.onCursor?.(c);
      },
      onMore: (m) => this.report(m),
    };
  }

  /** A listing stopped early. Several reports (one per status or store): sure if any is, a total only of a single one. */
  report(m: MoreOrders): void {
    this.reports++;
    this.more = { sure: Boolean(this.more?.sure || m.sure), ...(this.reports === 1 && m.total !== undefined && { total: m.total }) };
  }

  /**
   * Written once the listing ended. With --limit the hint appears only when more
   * surely exist: asking for N and getting N needs no "maybe" beside it.
   */
  write(shown: number): void {
    const m = this.more;
    if (!m || this.paging.all || this.ctx.globals.quiet) return;
    if (this.paging.limit !== undefined && !m.sure) return;
    const total = !this.several && m.total !== undefined && m.total > shown ? ` of ${m.total}` : '';
    const how = ['--all', '--limit N'];
    if (this.cursor && !this.several) how.push(`--cursor ${this.cursor}`);
    if (this.paging.page !== undefined) how.push(`--page ${this.paging.page + 1}`);
    const choices = `${how.slice(0, -1).join(', ')}, or ${how.at(-1)}`;
    this.ctx.io.stderr.write(`note: showing ${shown}${total} order${shown === 1 && !total ? '' : 's'}; ${m.sure ? 'more exist' : 'more may exist'} — use ${choices}\n`);
  }
}
