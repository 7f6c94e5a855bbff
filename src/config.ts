// Every setting, declared once: its environment variable, default, validation and help text.
// loadConfig() validates them all at start-up and returns a frozen object that is passed in, never read globally.
import { ConfigError } from './errors.ts';

type Parse<T> = (raw: string) => T;

interface Setting<T> {
  env: string;
  default: string;
  help: string;
  parse: Parse<T>;
}

const integer = (min: number, max: number): Parse<number> => (raw) => {
  if (!/^-?\d+$/.test(raw.trim())) throw new Error(`expected an integer, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new Error(`expected ${min}..${max}, got ${n}`);
  return n;
};
const text: Parse<string> = (raw) => raw;
const oneOf = <T extends string>(...values: T[]): Parse<T> => (raw) => {
  if (!(values as string[]).includes(raw)) throw new Error(`expected one of ${values.join(', ')}, got "${raw}"`);
  return raw as T;
};
const bool: Parse<boolean> = (raw) => {
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new Error(`expected true or false, got "${raw}"`);
};

export const SETTINGS = {
  port: { env: 'PORT', default: '3000', help: 'TCP port of the web server', parse: integer(0, 65535) },
  host: { env: 'HOST', default: '127.0.0.1', help: 'address the web server binds to (localhost unless you mean it)', parse: text },
  dbPath: { env: 'STANCEWATCH_DB', default: 'data/stancewatch.db', help: 'SQLite database file', parse: text },
  sourcesPath: { env: 'STANCEWATCH_SOURCES', default: 'data/sources.json', help: 'source registry file', parse: text },
  adminToken: { env: 'STANCEWATCH_ADMIN_TOKEN', default: '', help: 'token that unlocks admin actions (corrections, crawl now); empty = no admin', parse: text },
  scheduler: { env: 'STANCEWATCH_SCHEDULER', default: 'true', help: 'run scheduled crawls inside `serve`', parse: bool },
  userAgent: {
    env: 'STANCEWATCH_USER_AGENT',
    default: 'stancewatch/0.1 (+https://github.com/stancewatch/stancewatch; news monitoring for research)',
    help: 'User-Agent sent with every request; include a contact URL',
    parse: text,
  },
  fetchDelayMs: { env: 'STANCEWATCH_FETCH_DELAY_MS', default: '2000', help: 'minimum delay between two requests to one host', parse: integer(0, 600_000) },
  fetchTimeoutMs: { env: 'STANCEWATCH_FETCH_TIMEOUT_MS', default: '20000', help: 'total time allowed for one request', parse: integer(100, 600_000) },
  fetchRetries: { env: 'STANCEWATCH_FETCH_RETRIES', default: '3', help: 'retries on network errors, 429 and 5xx', parse: integer(0, 10) },
  maxResponseBytes: { env: 'STANCEWATCH_MAX_RESPONSE_BYTES', default: '10485760', help: 'largest response body accepted', parse: integer(1024, 1_073_741_824) },
  guardianApiKey: { env: 'GUARDIAN_API_KEY', default: '', help: 'Guardian Open Platform key; without it the Guardian source is skipped', parse: text },
  nlpWorkers: { env: 'STANCEWATCH_NLP_WORKERS', default: '0', help: 'worker threads analysing articles in import and reprocess (0 = one per core)', parse: integer(0, 64) },
  logLevel: { env: 'STANCEWATCH_LOG_LEVEL', default: 'info', help: 'debug, info, warn or error', parse: oneOf('debug', 'info', 'warn', 'error') },
} satisfies Record<string, Setting<unknown>>;

type Settings = typeof SETTINGS;
export type SettingKey = keyof Settings;
export type Config = Readonly<{ [K in keyof Settings]: ReturnType<Settings[K]['parse']> }>;

/** Validates every setting; collects all problems so one run shows them all. */
export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<Record<SettingKey, string>> = {}): Config {
  const out: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, setting] of Object.entries(SETTINGS) as [keyof Settings, Setting<unknown>][]) {
    const raw = overrides[key] ?? env[setting.env] ?? setting.default;
    try {
      out[key] = setting.parse(raw);
    } catch (err) {
      problems.push(`${setting.env}: ${(err as Error).message}`);
    }
  }
  if (problems.length) throw new ConfigError(`invalid configuration:\n  ${problems.join('\n  ')}`);
  return Object.freeze(out) as Config;
}

export function configHelp(): string {
  return Object.values(SETTINGS)
    .map((s) => `  ${s.env.padEnd(32)} ${s.help} (default: ${s.default === '' ? 'unset' : s.default})`)
    .join('\n');
}
