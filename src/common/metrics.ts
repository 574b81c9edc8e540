import { Injectable } from '@nestjs/common';

type Labels = Record<string, string>;

/** Upper bounds (seconds) of the request latency histogram: a page in 50 ms, an export in seconds. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const labelText = (labels: Labels) => {
  const pairs = Object.entries(labels).map(
    ([name, value]) => `${name}="${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`,
  );
  return pairs.length > 0 ? `{${pairs.join(',')}}` : '';
};

interface Histogram {
  buckets: number[];
  sum: number;
  count: number;
}

/**
 * This process's counters in Prometheus's text format (each process is scraped on its own; the database
 * gauges are added where they are read). Label values come from a closed set (event types, error codes,
 * route templates), never from user input, so the number of series stays bounded.
 */
@Injectable()
export class Metrics {
  private readonly counters = new Map<string, { help: string; values: Map<string, number> }>();
  private readonly latency = new Map<string, Histogram>();

  count(name: string, help: string, labels: Labels = {}, by = 1): void {
    const counter = this.counters.get(name) ?? { help, values: new Map<string, number>() };
    this.counters.set(name, counter);
    const key = labelText(labels);
    counter.values.set(key, (counter.values.get(key) ?? 0) + by);
  }

  /** An attempted event, as traced: accepted or refused with its code. */
  countEvent(eventType: string, accepted: boolean, refusalCode: string | null): void {
    this.count('micropower_events_total', 'Attempted events, as traced', {
      // A type no procedure has is whatever the sender wrote: counted under one label, not one each.
      event: refusalCode === 'EVENT.UNKNOWN' ? 'unknown' : eventType,
      outcome: accepted ? 'accepted' : 'refused',
    });
    if (!accepted) {
      this.count('micropower_refusals_total', 'Refused events by error code', {
        code: refusalCode ?? 'unknown',
      });
    }
  }

  observeRequest(method: string, route: string, status: number, seconds: number): void {
    this.count('micropower_http_requests_total', 'HTTP requests answered', {
      method,
      route,
      status: String(status),
    });
    const key = labelText({ method, route });
    const histogram = this.latency.get(key) ?? { buckets: LATENCY_BUCKETS.map(() => 0), sum: 0, count: 0 };
    this.latency.set(key, histogram);
    LATENCY_BUCKETS.forEach((bound, index) => {
      if (seconds <= bound) histogram.buckets[index]++;
    });
    histogram.sum += seconds;
    histogram.count++;
  }

  text(): string {
    const lines: string[] = [];
    for (const [name, { help, values }] of this.counters) {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} counter`);
      for (const [labels, value] of values) lines.push(`${name}${labels} ${value}`);
    }
    const name = 'micropower_http_request_duration_seconds';
    lines.push(`# HELP ${name} Time to answer an HTTP request`, `# TYPE ${name} histogram`);
    for (const [labels, histogram] of this.latency) {
      const inner = labels.slice(1, -1);
      LATENCY_BUCKETS.forEach((bound, index) =>
        lines.push(`${name}_bucket{${inner},le="${bound}"} ${histogram.buckets[index]}`),
      );
      lines.push(`${name}_bucket{${inner},le="+Inf"} ${histogram.count}`);
      lines.push(`${name}_sum${labels} ${histogram.sum}`, `${name}_count${labels} ${histogram.count}`);
    }
    return lines.join('\n') + '\n';
  }
}

/** A gauge read at scrape time, in the same text format. */
export const gaugeText = (name: string, help: string, rows: { labels?: Labels; value: number }[]) =>
  [
    `# HELP ${name} ${help}`,
    `# TYPE ${name} gauge`,
    ...rows.map(({ labels = {}, value }) => `${name}${labelText(labels)} ${value}`),
  ].join('\n') + '\n';
