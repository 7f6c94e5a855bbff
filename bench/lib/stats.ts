// Timing and memory helpers shared by the benchmarks; every figure is printed and also collected as JSON.
import { performance } from 'node:perf_hooks';

export interface Latency { n: number; p50: number; p95: number; p99: number; max: number; mean: number }

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function summarise(samples: number[]): Latency {
  const s = [...samples].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / (s.length || 1);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s[s.length - 1] ?? NaN, mean };
}

/** Runs `fn(i)` `warmup` times unmeasured, then `n` times measured; awaits it when it returns a promise. */
export async function measure(n: number, fn: (i: number) => unknown, warmup = Math.min(20, n)): Promise<Latency> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i + warmup);
    samples.push(performance.now() - t);
  }
  return summarise(samples);
}

export const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
export const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;

export function latencyLine(name: string, l: Latency, target?: { p95: number }): string {
  const verdict = target ? `  target p95 ≤ ${target.p95} ms: ${l.p95 <= target.p95 ? 'MET' : 'NOT MET'}` : '';
  return `${name.padEnd(44)} p50 ${ms(l.p50).padStart(9)}  p95 ${ms(l.p95).padStart(9)}  p99 ${ms(l.p99).padStart(9)}  (n=${l.n})${verdict}`;
}

/** Samples this process's RSS every `everyMs` until stopped; returns the peak and the samples. */
export function rssSampler(everyMs = 20) {
  const samples: number[] = [process.memoryUsage.rss()];
  const timer = setInterval(() => samples.push(process.memoryUsage.rss()), everyMs);
  return {
    sample: () => samples.push(process.memoryUsage.rss()),
    stop() {
      clearInterval(timer);
      samples.push(process.memoryUsage.rss());
      return { peak: Math.max(...samples), first: samples[0]!, samples };
    },
  };
}

/** Appends one benchmark's figures to the results file the runner collects. */
export async function record(name: string, figures: Record<string, unknown>): Promise<void> {
  const file = process.env.BENCH_RESULTS;
  if (!file) return;
  const { appendFileSync } = await import('node:fs');
  appendFileSync(file, JSON.stringify({ name, ...figures }) + '\n');
}
