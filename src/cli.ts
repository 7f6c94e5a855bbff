// Entry point of `stancewatch`: parses the command line, runs one command, returns the exit code.
import { parseArgs } from 'node:util';
import { loadConfig, configHelp, type SettingKey } from './config.ts';
import { createLogger } from './log.ts';
import { AppError, errorMessage } from './errors.ts';
import { COMMANDS } from './cli/commands/index.ts';
import { UsageError, type Command } from './cli/command.ts';

const out = (s: string) => process.stdout.write(s.endsWith('\n') ? s : s + '\n');
const err = (s: string) => process.stderr.write(s.endsWith('\n') ? s : s + '\n');

function mainUsage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'usage: stancewatch <command> [options]',
    '',
    'commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `stancewatch <command> --help` for a command\'s options.',
    '',
    'environment:',
    configHelp(),
  ].join('\n');
}

export function commandUsage(cmd: Command): string {
  const lines = [`usage: stancewatch ${cmd.name}${cmd.options.length ? ' [options]' : ''}${cmd.args ? ' ' + cmd.args : ''}`, '', cmd.summary, '', 'options:'];
  for (const o of cmd.options) {
    const flag = o.type === 'string' ? `--${o.name} ${o.value ?? 'VALUE'}` : `--${o.name}`;
    lines.push(`  ${flag.padEnd(24)} ${o.help}${o.multiple ? ' (repeatable)' : ''}`);
  }
  lines.push(`  ${'--help'.padEnd(24)} show this help`);
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    out(mainUsage());
    return name ? 0 : 2;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    err(`stancewatch: unknown command "${name}"\n\n${mainUsage()}`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        ...Object.fromEntries(cmd.options.map((o) => [o.name, { type: o.type, multiple: o.multiple ?? false }])),
      },
    });
  } catch (e) {
    err(`stancewatch ${cmd.name}: ${errorMessage(e)}\n\n${commandUsage(cmd)}`);
    return 2;
  }
  if (parsed.values.help) {
    out(commandUsage(cmd));
    return 0;
  }
  let log = createLogger('info');
  const ctx = {
    positionals: parsed.positionals,
    options: parsed.values,
    config: () => {
      const config = loadConfig(process.env, settingOverrides(cmd, parsed.values));
      log = createLogger(config.logLevel);
      ctx.log = log;
      return config;
    },
    log,
    out,
    err,
  };
  try {
    return await cmd.run(ctx);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`stancewatch ${cmd.name}: ${e.message}\n\n${commandUsage(cmd)}`);
      return 2;
    }
    if (e instanceof AppError && e.code === 'config') {
      err(`stancewatch: ${e.message}`);
      return 2;
    }
    err(`stancewatch ${cmd.name}: ${errorMessage(e)}`);
    return 1;
  }
}

function settingOverrides(cmd: Command, values: Record<string, unknown>): Partial<Record<SettingKey, string>> {
  const overrides: Partial<Record<SettingKey, string>> = {};
  for (const o of cmd.options) {
    const v = values[o.name];
    if (o.setting && typeof v === 'string') overrides[o.setting] = v;
  }
  return overrides;
}
