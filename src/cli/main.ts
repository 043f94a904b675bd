/** @module The `dateline` command line: serve, migrate, import, copy. */
import { ConfigError } from '../config/config.js';
import { UsageError } from './usage-error.js';
import { isOutOfSpace } from '../adapters/db/storage-faults.js';

const HELP = `Dateline — news publishing platform

usage: dateline <command> [options]

commands:
  serve                      migrate, import the demo content into an empty database, and serve the site
      --workers N|auto       N processes sharing the port (auto: one per core); a dead one is restarted
  migrate                    bring the database to the latest schema
  deliver                    send the outbox's e-mail and push and queue digests in a process of its own
                             (set OUTBOX=off on the serving processes); stops cleanly on SIGINT/SIGTERM
  import FILE… [options]     import text captures of news pages as published stories
      --captured-at ISO      when the capture was taken (default: each file's modification time)
      --section NAME         section to file the stories in (default: World)
      --json                 print one JSON summary: {"imported","duplicates","failed","errors":[{"file","line","message"}]}
  import --from wordpress|ghost FILE [options]
                             import a WordPress export (WXR, streamed) or a Ghost JSON export: stories, authors,
                             sections, topics, photos; old links answer 301 to the new pages; re-runs update
      --media DIR            take photos from a local wp-content/uploads folder
      --fetch-media          fetch photos from their URLs (through the SSRF guard)
      --site-url URL         the old site's address, for Ghost 5 exports (they write __GHOST_URL__ in its place)
      --dry-run              report what would happen, store nothing
      --no-topics            do not queue the stories for topic suggestions (the export's tags stay their topics)
      --json                 the summary above with "updated", "redirects", "pages", "topicsQueued" and "skipped"
  topics [--threads N] [--watch] [--json]
                             suggest topics (people, places, organisations) for the stories an import queued, on N
                             threads (default: one per core), until the queue is empty (--watch: until SIGTERM);
                             serving processes do the same on TOPIC_SUGGESTION_THREADS threads
  copy --from URL --to URL   copy a whole database into an empty one (e.g. sqlite:PATH to postgres://…),
                             in one transaction; the target's search index is rebuilt
      --json                 print one JSON report: {"tables":[{"table","rows"}],"indexed"}
  user add|list|set-role|reset-password
                             staff accounts: --email E --role contributor|reporter|editor|admin [--name N] [--password-stdin]
  ingest PATH… [--json]      ingest wire files and folders (ninjs, NewsML-G2, RSS/Atom, text captures) into the wire queue
      --json                 print one JSON summary: {"ingested","updated","duplicates","failed","errors":[{"file","message"}]}
  wire list [--json] [--limit N] [--status S]   list wire items, newest first
  wire source add --name N --kind feed|push [--url U] [--every SECONDS] [--allow-private]
                             add a wire source (a push source's token is printed once)
  wire source list [--json]  list wire sources with their poll state
  wire poll [--once]         poll the due feed sources (--once: one round, for cron)
  help                       show this help

Configuration comes from environment variables; see README.md.`;

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    // Commands load lazily, so `dateline import` does not start the web stack.
    case 'serve':
      return (await import('./serve-command.js')).serveCommand(rest);
    case 'migrate':
      return (await import('./migrate-command.js')).migrateCommand();
    case 'deliver':
      return (await import('./deliver-command.js')).deliverCommand(rest);
    case 'import':
      return (await import('./import-command.js')).importCommand(rest);
    case 'topics':
      return (await import('./topics-command.js')).topicsCommand(rest);
    case 'user':
      return (await import('./user-command.js')).userCommand(rest);
    case 'copy':
      return (await import('./copy-command.js')).copyCommand(rest);
    case 'ingest':
      return (await import('./ingest-command.js')).ingestCommand(rest);
    case 'wire':
      return (await import('./wire-command.js')).wireCommand(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(HELP);
      return 0;
    default:
      throw new UsageError(`unknown command "${command}"\n\n${HELP}`);
  }
}

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (error) {
  if (error instanceof ConfigError || error instanceof UsageError) {
    console.error(`dateline: ${error.message}`);
    process.exitCode = 2;
  } else if (isOutOfSpace(error)) {
    // The root cause, never the failed rollback after it. Import and ingest recognise what they stored before, so a rerun is safe.
    console.error(`dateline: the disk is full (${storageErrorCode(error)}): what was being written was not stored, nor anything after it. Free some space and run the command again; what is already stored is recognised and skipped.`);
    process.exitCode = 1;
  } else if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`dateline: ${(error as Error).message}`);
    process.exitCode = 2;
  } else {
    console.error('dateline: failed:', error);
    process.exitCode = 1;
  }
}

function storageErrorCode(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : 'no space left';
}
