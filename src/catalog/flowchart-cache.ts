import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { renderSvg } from './graphviz.js';

export interface RenderedChart {
  svg: string;
  /** The SVG encoded once, as it is sent. */
  body: Buffer;
  /** A strong validator of the chart's content: the same drawing instructions give the same chart. */
  etag: string;
}

/** Enough for every item of every list in force and the matters being looked at; the oldest go first. */
const CAPACITY = 2_000;

/**
 * Charts laid out once: Graphviz takes tens of milliseconds per chart, so each DOT text (a procedure
 * version, with a matter's path where it has one) is laid out the first time it is asked for and kept.
 * The key is the DOT text's hash, so a chart can never be served for instructions it was not drawn from.
 */
@Injectable()
export class FlowchartCache {
  private readonly charts = new Map<string, Promise<RenderedChart>>();
  /** How many charts Graphviz has laid out (for tests and the benchmark). */
  layouts = 0;

  render(dot: string): Promise<RenderedChart> {
    const key = createHash('sha256').update(dot).digest('base64url');
    const cached = this.charts.get(key);
    if (cached) {
      // Map order is insertion order: taking the entry out and back in keeps the used ones longest.
      this.charts.delete(key);
      this.charts.set(key, cached);
      return cached;
    }
    this.layouts++;
    const chart = renderSvg(dot).then((svg) => ({
      svg,
      body: Buffer.from(svg),
      etag: `"${key.slice(0, 32)}"`,
    }));
    // A failed layout is not kept: the next request tries again.
    chart.catch(() => this.charts.delete(key));
    this.charts.set(key, chart);
    if (this.charts.size > CAPACITY) this.charts.delete(this.charts.keys().next().value as string);
    return chart;
  }
}
