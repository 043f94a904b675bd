/** Prints the benchmark table: figure, value, p50/p95/p99, reference and ratio. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  connections?: number;
  p50?: number;
  p95?: number;
  p99?: number;
  reference?: number | null;
  ratio?: number | null;
  failures?: number;
  detail?: string;
}

function num(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  return value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(digits);
}

export function printTable(figures: Figure[], context: { stories: number; machine: Record<string, unknown>; settings: Record<string, unknown> }): void {
  const rows = figures.map((f) => [
    f.name, `${num(f.value)} ${f.unit}`, f.connections ? String(f.connections) : '', num(f.p50, 2), num(f.p95, 2), num(f.p99, 2),
    f.reference ? num(f.reference) : '', f.ratio ? `${f.ratio.toFixed(2)}×` : '', f.failures ? `${f.failures} failed` : (f.detail ?? ''),
  ]);
  const header = ['figure', 'value', 'conns', 'p50 ms', 'p95 ms', 'p99 ms', 'nginx req/s', 'ratio', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(`\nDateline benchmark — ${context.stories.toLocaleString('en-US')} stories — ${JSON.stringify(context.machine)}`);
  console.log(`settings: ${JSON.stringify(context.settings)}\n`);
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(row));
}
