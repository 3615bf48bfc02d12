// The page's footprint as Chromium counts it (CDP Performance.getMetrics, after a full garbage
// collection), with the live timers the probe counts, and the table the soak tests print.
import type { CDPSession, Page } from '@playwright/test';

export interface Footprint {
  /** JSHeapUsedSize, bytes. */
  readonly heap: number;
  /** DOM nodes alive (Nodes). */
  readonly nodes: number;
  /** JSEventListeners. */
  readonly listeners: number;
  /** setTimeout and setInterval callbacks pending (page-probe.ts). */
  readonly timers: number;
  /** Main-thread time so far (TaskDuration, ScriptDuration), ms. */
  readonly taskMs: number;
  readonly scriptMs: number;
}

export class PageMeter {
  readonly #page: Page;
  readonly #cdp: CDPSession;

  private constructor(page: Page, cdp: CDPSession) {
    this.#page = page;
    this.#cdp = cdp;
  }

  static async attach(page: Page): Promise<PageMeter> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    return new PageMeter(page, cdp);
  }

  async measure(): Promise<Footprint> {
    // Main-thread time first: the collections below are the test's, not the page's.
    const times = await this.#metrics();
    // Twice: what the first collection frees can release more (weak maps, finalizers).
    await this.#cdp.send('HeapProfiler.collectGarbage');
    await this.#cdp.send('HeapProfiler.collectGarbage');
    const sizes = await this.#metrics();
    const timers = await this.#page.evaluate(() => window.__soakProbe!.timers());
    return {
      heap: sizes('JSHeapUsedSize'),
      nodes: sizes('Nodes'),
      listeners: sizes('JSEventListeners'),
      timers,
      taskMs: times('TaskDuration') * 1000,
      scriptMs: times('ScriptDuration') * 1000,
    };
  }

  /**
   * Bytes of compiled code in the heap (a heap snapshot's code nodes: bytecode, optimised code
   * and what goes with them), and of the bytecode alone. Bytecode is made the first time a
   * function runs, machine code as it gets hot: V8 keeps optimising functions for hours, which
   * says nothing of what the page holds, while bytecode that grows is new code that ran.
   */
  async code(): Promise<{ readonly total: number; readonly bytecode: number }> {
    const chunks: string[] = [];
    const onChunk = ({ chunk }: { chunk: string }) => chunks.push(chunk);
    this.#cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
    await this.#cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    this.#cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
    const snapshot = JSON.parse(chunks.join('')) as {
      snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
      nodes: number[];
      strings: string[];
    };
    const fields = snapshot.snapshot.meta.node_fields;
    const type = fields.indexOf('type');
    const name = fields.indexOf('name');
    const size = fields.indexOf('self_size');
    const code = snapshot.snapshot.meta.node_types[0].indexOf('code');
    let total = 0;
    let bytecode = 0;
    for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
      if (snapshot.nodes[i + type] !== code) continue;
      const bytes = snapshot.nodes[i + size]!;
      total += bytes;
      if (snapshot.strings[snapshot.nodes[i + name]!] === 'system / BytecodeArray')
        bytecode += bytes;
    }
    return { total, bytecode };
  }

  async #metrics() {
    const { metrics } = await this.#cdp.send('Performance.getMetrics');
    return (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  }

  async detach(): Promise<void> {
    await this.#cdp.detach();
  }
}

export interface Row {
  readonly name: string;
  readonly before: number;
  readonly after: number;
  readonly unit?: 'MB' | '';
  /** How far `after` may be from `before`, as a fraction; undefined: reported only. */
  readonly bound?: number;
}

/** The four figures of the soak, `after` against `before`, each within `bound`. */
export function footprintRows(before: Footprint, after: Footprint, bound: number): Row[] {
  return [
    { name: 'JS heap used', before: before.heap, after: after.heap, unit: 'MB', bound },
    { name: 'DOM nodes', before: before.nodes, after: after.nodes, bound },
    { name: 'event listeners', before: before.listeners, after: after.listeners, bound },
    { name: 'timers', before: before.timers, after: after.timers, bound },
  ];
}

export function change(row: Row): number {
  return row.before === 0
    ? row.after === 0
      ? 0
      : Infinity
    : (row.after - row.before) / row.before;
}

export function withinBound(row: Row): boolean {
  return row.bound === undefined || Math.abs(change(row)) <= row.bound;
}

const shown = (value: number, unit: Row['unit']) =>
  unit === 'MB' ? `${(value / 1048576).toFixed(2)} MB` : String(Math.round(value));

/** A plain-text table: figure, first value, second value, change, bound and verdict. */
export function table(title: string, headings: [string, string], rows: readonly Row[]): string {
  const lines = [
    ['figure', headings[0], headings[1], 'change', 'bound', ''],
    ...rows.map((row) => {
      const c = change(row);
      return [
        row.name,
        shown(row.before, row.unit),
        shown(row.after, row.unit),
        `${c >= 0 ? '+' : ''}${(c * 100).toFixed(1)} %`,
        row.bound === undefined ? 'reported' : `± ${Math.round(row.bound * 100)} %`,
        row.bound === undefined ? '' : withinBound(row) ? 'ok' : 'OUT',
      ];
    }),
  ];
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
  const text = lines.map((l) =>
    l
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd(),
  );
  return [title, ...text].join('\n');
}
