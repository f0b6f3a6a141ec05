/** Rows of the benchmark: summary statistics, the stdout table and bench/results.json. */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** Bytes, milliseconds, or a ratio (a time over the floor measured in the same runs). */
export type Unit = 'B' | 'ms' | 'x';

export interface Row {
  id: string;
  what: string;
  unit: Unit;
  /** null when the measurement failed (see `error`). */
  median: number | null;
  min: number | null;
  max: number | null;
  runs: number;
  /** null: reported for information, no budget. */
  budget: number | null;
  withinBudget: boolean | null;
  /** What was measured exactly, when the label alone could mislead. */
  note?: string;
  /** Why the measurement has no figures: the bench then exits 1. */
  error?: string;
  /** Median of each phase of the measured interval, in ms (popup rows). */
  phases?: Record<string, number>;
  /** Every measured value, in run order (times only). */
  samples?: number[];
}

export interface Machine {
  cpus: number;
  /** 1-minute load average when the bench started and ended: others' work skews the times. */
  loadavg?: { start: number; end: number };
  cpuModel: string;
  node: string;
  chromium: string;
  platform: string;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error('median of nothing');
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const round = (x: number, unit: Unit) => (unit === 'B' ? Math.round(x) : unit === 'x' ? Math.round(x * 100) / 100 : Math.round(x * 10) / 10);

/** A row from measured samples (times): median, min, max, verdict. */
export function timeRow(id: string, what: string, samples: number[], budget: number | null, note?: string, unit: Unit = 'ms'): Row {
  const med = round(median(samples), unit);
  return {
    id,
    what,
    unit,
    median: med,
    min: round(Math.min(...samples), unit),
    max: round(Math.max(...samples), unit),
    runs: samples.length,
    budget,
    withinBudget: budget === null ? null : med <= budget,
    ...(note ? { note } : {}),
    samples: samples.map((x) => round(x, unit)),
  };
}

/** A row for a measurement that failed: no figures, the error, the runs it completed. */
export function errorRow(id: string, what: string, unit: Unit, budget: number | null, error: unknown, runs = 0): Row {
  const message = error instanceof Error ? error.message : String(error);
  return { id, what, unit, median: null, min: null, max: null, runs, budget, withinBudget: null, error: message.split('\n')[0]!.slice(0, 300) };
}

/** A ratio row: each sample is one popup opening over the floor opening paired with it. */
export function ratioRow(id: string, what: string, ratios: number[], budget: number | null, note?: string): Row {
  return timeRow(id, what, ratios, budget, note, 'x');
}

/** A row for a size (one deterministic measurement). */
export function sizeRow(id: string, what: string, bytes: number, budget: number | null, note?: string): Row {
  return {
    id,
    what,
    unit: 'B',
    median: bytes,
    min: bytes,
    max: bytes,
    runs: 1,
    budget,
    withinBudget: budget === null ? null : bytes <= budget,
    ...(note ? { note } : {}),
  };
}

function fmt(x: number | null, unit: Unit): string {
  if (x === null) return '-';
  if (unit === 'B') return x >= 1024 ? `${(x / 1024).toFixed(2)} KB` : `${x} B`;
  if (unit === 'x') return `${x.toFixed(2)}x`;
  return `${x.toFixed(1)} ms`;
}

export function table(rows: readonly Row[]): string {
  const head = ['what', 'median', 'min', 'max', 'budget', 'verdict', 'runs'];
  const body = rows.map((r) => [
    r.what,
    fmt(r.median, r.unit),
    fmt(r.min, r.unit),
    fmt(r.max, r.unit),
    r.budget === null ? '-' : `<= ${fmt(r.budget, r.unit)}`,
    r.error ? 'ERROR' : r.withinBudget === null ? '-' : r.withinBudget ? 'ok' : 'OVER',
    String(r.runs),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  const out = [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)];
  const notes = rows
    .filter((r) => r.note || r.error)
    .map((r) => `  * ${r.what}: ${r.error ? `ERROR ${r.error}` : r.note}`);
  return [...out, ...(notes.length ? ['', 'notes:', ...notes] : [])].join('\n');
}

export function machine(chromium: string, loadStart?: number): Machine {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    ...(loadStart === undefined ? {} : { loadavg: { start: loadStart, end: Math.round(os.loadavg()[0]! * 100) / 100 } }),
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    node: process.version,
    chromium,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

export async function writeResults(file: string, rows: readonly Row[], chromium: string, loadStart?: number): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const results = { date: new Date().toISOString(), machine: machine(chromium, loadStart), rows };
  await writeFile(file, JSON.stringify(results, null, 2) + '\n');
}
