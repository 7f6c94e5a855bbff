// The shape every CLI command has: declared options (so --help is generated) and a run function.
import type { Config, SettingKey } from '../config.ts';
import type { Logger } from '../log.ts';

export interface OptionSpec {
  name: string;
  type: 'string' | 'boolean';
  help: string;
  /** Shown in help as the value's name, e.g. FILE or DATE. */
  value?: string;
  multiple?: boolean;
  /** When set, the option overrides this configuration setting (e.g. --db → dbPath). */
  setting?: SettingKey;
}

export type OptionValues = Record<string, string | boolean | string[] | undefined>;

export interface CommandContext {
  positionals: string[];
  options: OptionValues;
  /** Loads and validates the configuration (with this command's overrides). */
  config(): Config;
  log: Logger;
  out(text: string): void;
  err(text: string): void;
}

export interface Command {
  name: string;
  summary: string;
  /** Positional arguments as shown in usage, e.g. "FILE...". */
  args?: string;
  options: OptionSpec[];
  run(ctx: CommandContext): Promise<number>;
}

/** Thrown for a bad invocation: the CLI prints it with the usage and exits 2. */
export class UsageError extends Error {}

export function stringOption(options: OptionValues, name: string): string | undefined {
  const v = options[name];
  return typeof v === 'string' ? v : undefined;
}
