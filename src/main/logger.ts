/** @module The pino logger: structured events, secrets redacted. */
import pino, { type Logger, type LoggerOptions } from 'pino';

/** `stream: 'stderr'` for CLI commands, whose stdout is their output; the server logs to stdout. */
export function createLogger(level: string, options: { stream?: 'stdout' | 'stderr' } = {}): Logger {
  const settings: LoggerOptions = {
    level,
    base: { service: 'dateline' },
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'headers.cookie', 'headers.authorization'], censor: '[redacted]' },
  };
  return options.stream === 'stderr' ? pino(settings, pino.destination(2)) : pino(settings);
}
