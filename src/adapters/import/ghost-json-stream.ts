/**
 * @module The rows of a Ghost JSON export's tables (`db[0].data.TABLE[i]`, or `data.TABLE[i]` in an export without
 * the `db` wrapper), read as a stream with stream-json: only rows of the tables asked for are built, one at a time,
 * and everything else is passed over token by token, so memory stays flat however large the file is.
 */
import { createReadStream } from 'node:fs';
import { getManyValues, isMany, none } from 'stream-chain/defs.js';
import { Assembler } from 'stream-json/core/assembler.js';
import { jsonParser, type Token } from 'stream-json/core/parser.js';
import { verifyFile } from 'stream-json/file/verifier.js';

/** Where in the export a container sits: the document, `db`, `db[0]`, `data`, one of its tables. */
type Role = 'root' | 'db' | 'db0' | 'data' | 'table';

interface Frame {
  role: Role;
  /** The key of the value being read (objects), or the index of the next one (arrays). */
  key: string | number;
  table: string;
}

export interface GhostRow {
  table: string;
  /** The row's place in its table (0-based). */
  index: number;
  row: unknown;
}

/** The file is not JSON from this point on (1-based line and column, as the verifier found it; 0 when unknown). */
export class GhostJsonError extends Error {
  constructor(message: string, readonly line: number, readonly column: number) {
    super(message);
  }
}

/** No export nests deeper than a few levels (Lexical and mobiledoc are strings); a file that does is not one. */
const MAX_DEPTH = 64;
/** The longest single value held while the file streams: a post's HTML far beyond any real one. */
const MAX_VALUE_CHARS = 64 * 1_048_576;
/** Read in blocks small enough that each string the reader makes is young-generation garbage, collected at once (megabyte strings would wait for a full collection, and the process would grow with the file). */
const READ_CHUNK = 64 * 1024;

/** The role a value takes inside `parent` under `key`, or null when nothing in it is wanted. */
function roleOf(parent: Frame | undefined, key: string | number, tables: ReadonlySet<string>): Role | 'row' | null {
  switch (parent?.role) {
    case undefined: return 'root';
    case 'root': return key === 'db' ? 'db' : key === 'data' ? 'data' : null;
    case 'db': return key === 0 ? 'db0' : null;
    case 'db0': return key === 'data' ? 'data' : null;
    case 'data': return typeof key === 'string' && tables.has(key) ? 'table' : null;
    case 'table': return 'row';
  }
}

const CONTAINER: Record<Role, Token['name']> = { root: 'startObject', db: 'startArray', db0: 'startObject', data: 'startObject', table: 'startArray' };

/** Where the file stops being JSON, from stream-json's verifier (the parser itself does not count lines). */
async function locate(file: string, error: Error): Promise<GhostJsonError> {
  try {
    await verifyFile(file);
  } catch (found) {
    const at = found as { line?: number; pos?: number };
    if (typeof at.line === 'number') return new GhostJsonError(error.message, at.line, at.pos ?? 0);
  }
  return new GhostJsonError(error.message, 0, 0);
}

/**
 * Yields the rows of `tables` in file order. `found` is called once the export's `data` object is entered, so a
 * file that is JSON but not an export can be told from an empty one. Throws GhostJsonError where the JSON breaks.
 */
export async function* ghostTableRows(file: string, tables: ReadonlySet<string>, found: () => void = () => {}): AsyncGenerator<GhostRow> {
  // A stream-chain flushable: text in, tokens out; called with `none` at the end of the file for the last tokens.
  const parse = jsonParser({ streamValues: false, maxDepth: MAX_DEPTH, maxPackedLength: MAX_VALUE_CHARS }) as (text: string | typeof none) => unknown;
  const stack: Frame[] = [];
  /** Depth inside a value passed over (0: none). */
  let skipping = 0;
  let row: { assembler: Assembler; table: string; index: number } | null = null;
  let first = true;

  function* take(tokens: readonly Token[]): Generator<GhostRow> {
    for (const token of tokens) {
      if (row) {
        row.assembler.consume(token);
        if (row.assembler.done) {
          yield { table: row.table, index: row.index, row: row.assembler.current };
          row = null;
        }
        continue;
      }
      const name = token.name;
      if (skipping > 0) {
        if (name === 'startObject' || name === 'startArray') skipping++;
        else if (name === 'endObject' || name === 'endArray') skipping--;
        continue;
      }
      if (name === 'keyValue') {
        stack[stack.length - 1]!.key = token.value;
        continue;
      }
      if (name === 'endObject' || name === 'endArray') {
        stack.pop();
        continue;
      }
      // A value starts: descend into it, build it as a row, or pass over it.
      const parent = stack[stack.length - 1];
      const key = parent?.role === 'db' || parent?.role === 'table' ? (parent.key as number) : parent?.key ?? '';
      if (parent && typeof parent.key === 'number') parent.key++;
      const role = roleOf(parent, key, tables);
      if (role === 'row') {
        const table = parent!.table;
        if (name === 'startObject' || name === 'startArray') {
          row = { assembler: new Assembler(), table, index: key as number };
          row.assembler.consume(token);
        } else {
          yield { table, index: key as number, row: 'value' in token ? token.value : null };
        }
      } else if (role && CONTAINER[role] === name) {
        stack.push({ role, key: role === 'db' || role === 'table' ? 0 : '', table: role === 'table' ? String(key) : '' });
        if (role === 'data') found();
      } else if (name === 'startObject' || name === 'startArray') {
        skipping = 1;
      }
    }
  }

  try {
    for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: READ_CHUNK })) {
      // Some editors save JSON with a byte-order mark; the tokenizer takes none.
      const text = first && (chunk as string).startsWith('\ufeff') ? (chunk as string).slice(1) : (chunk as string);
      first = false;
      const tokens = parse(text);
      if (isMany(tokens)) yield* take(getManyValues(tokens) as Token[]);
    }
    const rest = parse(none);
    if (isMany(rest)) yield* take(getManyValues(rest) as Token[]);
  } catch (error) {
    if (error instanceof GhostJsonError || (error as NodeJS.ErrnoException).code !== undefined) throw error;
    throw await locate(file, error as Error);
  }
}
