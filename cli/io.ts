import { readFileSync } from 'node:fs';
import type { Snapshot } from '../shared/model';
import { formatIssues, parseSnapshot } from '../shared/model';
import { danglingReferences } from './integrity';

/** Bad input: printed on stderr, exit code 2 (a contract the scripts calling roster rely on). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export interface CliArgs {
  command: string;
  flags: Map<string, string>;
  /** Flags given without a value: refused by readFlags, after unknown flags (a typo is named as one). */
  valueless?: string[];
}

/** `--name value` pairs only; a flag given twice or without a value is bad input. */
export const parseArgs = (argv: readonly string[]): CliArgs => {
  const [command = '', ...rest] = argv;
  const flags = new Map<string, string>();
  const valueless: string[] = [];
  for (let i = 0; i < rest.length; i += 2) {
    const name = rest[i]!;
    const value = rest[i + 1];
    if (!name.startsWith('--') || name.length < 3) throw new CliError(`unexpected argument "${name}"; flags look like --name value`);
    if (value === undefined || value.startsWith('--')) {
      valueless.push(name.slice(2));
      i--;
      continue;
    }
    if (flags.has(name.slice(2))) throw new CliError(`flag ${name} is given twice`);
    flags.set(name.slice(2), value);
  }
  return { command, flags, valueless };
};

/** Reads the flags a command knows; unknown flags and missing required ones are refused. */
export const readFlags = <R extends string, O extends string = never>(
  args: CliArgs,
  required: readonly R[],
  optional: readonly O[] = [],
): Record<R, string> & Partial<Record<O, string>> => {
  const known = new Set<string>([...required, ...optional]);
  const given = [...args.flags.keys(), ...(args.valueless ?? [])];
  const usage = `${args.command} takes ${[...required.map((k) => `--${k}`), ...optional.map((k) => `[--${k}]`)].join(' ')}`;
  for (const k of given) if (!known.has(k)) throw new CliError(`${args.command}: unknown flag --${k} (${usage})`);
  const [valueless] = args.valueless ?? [];
  if (valueless !== undefined) throw new CliError(`flag --${valueless} needs a value`);
  for (const k of required) if (!args.flags.has(k)) throw new CliError(`${args.command}: missing --${k}`);
  return Object.fromEntries(args.flags) as Record<R, string> & Partial<Record<O, string>>;
};

export const readJsonFile = (path: string, what: string): unknown => {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `${what} file not found: ${path}` : `cannot read ${what} file ${path}: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    // V8 quotes the start of the text, newlines included: keep the message on one line.
    throw new CliError(`${what} file ${path} is not valid JSON: ${(e as Error).message.replace(/\r?\n/g, '\\n')}`);
  }
};

/** Loads and validates a snapshot file (DESIGN.md format): every record must pass its schema. */
export const loadSnapshot = (path: string): Snapshot => {
  const r = parseSnapshot(readJsonFile(path, 'snapshot'));
  if (!r.ok) throw new CliError(`snapshot ${path} failed validation:\n${formatIssues(r.issues)}`);
  const dangling = danglingReferences(r.snapshot);
  if (dangling.length) {
    const shown = dangling.slice(0, 20).map((d) => `  ${d}`).join('\n');
    throw new CliError(`snapshot ${path} refers to records it does not hold:\n${shown}${dangling.length > 20 ? `\n  and ${dangling.length - 20} more` : ''}`);
  }
  return r.snapshot;
};
