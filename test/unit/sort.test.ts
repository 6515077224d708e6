import { describe, expect, it } from 'vitest';
import { compareTimes, orderComparator, parseSort } from '../../src/core/sort.js';
import type { Order } from '../../src/core/order.js';

const order = (id: string, createdAt: string | null, updatedAt: string | null = createdAt) => ({ id, number: id, createdAt, updatedAt, totals: { total: null } }) as unknown as Order;

describe('sorting normalized orders', () => {
  it('puts a time with milliseconds after the same second without them', () => {
    expect(compareTimes('2026-11-01T10:00:20.250Z', '2026-11-01T10:00:20Z')).toBe(1);
    expect(compareTimes('2026-11-01T10:00:20Z', '2026-11-01T10:00:20.250Z')).toBe(-1);
    expect(compareTimes('2026-11-01T10:00:20.000Z', '2026-11-01T10:00:20Z')).toBe(0);
    expect(compareTimes('2026-11-01T10:00:19.999Z', '2026-11-01T10:00:20Z')).toBe(-1);
    expect(compareTimes(null, '2026-11-01T10:00:20Z')).toBe(-1);
    expect(compareTimes(null, null)).toBe(0);
  });

  it('orders created and updated times by time, not by text', () => {
    const orders = [order('1', '2026-11-01T10:00:20Z'), order('2', '2026-11-01T10:00:20.250Z'), order('3', '2026-11-01T10:00:19.900Z'), order('4', null)];
    const ids = (sort: string) => [...orders].sort(orderComparator(parseSort(sort))).map((o) => o.id);
    expect(ids('created:desc')).toEqual(['2', '1', '3', '4']);
    expect(ids('created:asc')).toEqual(['4', '3', '1', '2']);
    expect(ids('updated:desc')).toEqual(['2', '1', '3', '4']);
  });
});

describe('a listing by newest change, put in newest-created order as it streams', () => {
  it('compares times by time when one has milliseconds', async () => {
    const { newestCreatedFirst } = await import('../../src/commands/orders/stores.js');
    // Listed newest change first: A changed at .500, then B at .300; B was created later than A.
    const a = { order: order('A', '2026-11-01T10:00:20Z', '2026-11-01T10:00:20.500Z') };
    const b = { order: order('B', '2026-11-01T10:00:20.250Z', '2026-11-01T10:00:20.300Z') };
    async function* listed() {
      yield a;
      yield b;
    }
    const out: string[] = [];
    for await (const f of newestCreatedFirst(listed() as never)) out.push((f as { order: Order }).order.id);
    expect(out).toEqual(['B', 'A']);
  });
});
