/** Prints the benchmark table (figure, value, p50/p95/p99, reference and ratio), or SQLite and PostgreSQL side by side. */
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

interface Context {
  stories: number;
  machine: Record<string, unknown>;
  settings: Record<string, unknown>;
}

function printRows(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(row));
}

function printHeading(context: Context): void {
  console.log(`\nDateline benchmark — ${context.stories.toLocaleString('en-US')} stories — ${JSON.stringify(context.machine)}`);
  console.log(`settings: ${JSON.stringify(context.settings)}\n`);
}

export function printTable(figures: Figure[], context: Context): void {
  const rows = figures.map((f) => [
    f.name, `${num(f.value)} ${f.unit}`, f.connections ? String(f.connections) : '', num(f.p50, 2), num(f.p95, 2), num(f.p99, 2),
    f.reference ? num(f.reference) : '', f.ratio ? `${f.ratio.toFixed(2)}×` : '', f.failures ? `${f.failures} failed` : (f.detail ?? ''),
  ]);
  printHeading(context);
  printRows(['figure', 'value', 'conns', 'p50 ms', 'p95 ms', 'p99 ms', 'nginx req/s', 'ratio', 'note'], rows);
}

const value = (f: Figure | undefined) => (f ? `${num(f.value)} ${f.unit}${f.failures ? ` (${f.failures} failed)` : ''}` : '');

/**
 * One row per figure either engine measured, matched by name: value and p50/p99 on SQLite, then on PostgreSQL,
 * and PostgreSQL's value over SQLite's (above 1 is better for req/s, worse for ms). Figures that do not touch
 * the database (import parsing, photo variants) follow in the single-column table.
 */
export function printComparison(sqlite: Figure[], postgres: Figure[], shared: Figure[], context: Context): void {
  const names = [...new Set([...sqlite.map((f) => f.name), ...postgres.map((f) => f.name)])];
  const rows = names.map((name) => {
    const a = sqlite.find((f) => f.name === name);
    const b = postgres.find((f) => f.name === name);
    const ratio = a && b && a.value > 0 && a.unit === b.unit ? `${(b.value / a.value).toFixed(2)}×` : '';
    return [name, value(a), num(a?.p50, 2), num(a?.p99, 2), value(b), num(b?.p50, 2), num(b?.p99, 2), ratio];
  });
  printHeading(context);
  printRows(['figure', 'SQLite', 'p50 ms', 'p99 ms', 'PostgreSQL', 'p50 ms', 'p99 ms', 'PG ÷ SQLite'], rows);
  if (shared.length === 0) return;
  console.log('\nNot database-bound (in-process SQLite or no database):\n');
  printRows(['figure', 'value', 'note'], shared.map((f) => [f.name, value(f), f.detail ?? '']));
}
