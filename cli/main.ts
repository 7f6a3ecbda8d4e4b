// `roster <command> --flag value …`: every command prints JSON on stdout; bad input goes to
// stderr with exit code 2 (a contract the scripts calling roster rely on).
import { pathToFileURL } from 'node:url';
import { CliError, parseArgs, type CliArgs } from './io';
import { explainCommand } from './commands/explain';
import { whoCommand } from './commands/who';
import { reachCommand } from './commands/reach';
import { whatifCommand } from './commands/whatif';
import { pickerCommand } from './commands/picker';
import { applyCommand } from './commands/apply';
import { exportCommand } from './commands/export';
import { diffCommand } from './commands/diff';
import { reportCommand } from './commands/report';

export interface Command {
  usage: string;
  /** The JSON to print on stdout, or undefined when the command printed its own output. */
  run(args: CliArgs): unknown | Promise<unknown>;
}

/** Adding a command is one line here (apply and export live in cli/commands/ too). */
export const COMMANDS: Record<string, Command> = {
  explain: explainCommand,
  who: whoCommand,
  reach: reachCommand,
  whatif: whatifCommand,
  picker: pickerCommand,
  apply: applyCommand,
  export: exportCommand,
  diff: diffCommand,
  report: reportCommand,
};

const usage = (): string =>
  ['usage: roster <command> [flags]', ...Object.entries(COMMANDS).map(([name, c]) => `  ${name} ${c.usage}`)].join('\n');

/** Output piped into `head` and the like: once the reader is gone, stop quietly (no EPIPE trace). */
const quietOnClosedPipe = () => {
  if (process.stdout.listenerCount('error') > 0) return;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
};

export const main = async (argv: readonly string[]): Promise<number> => {
  quietOnClosedPipe();
  try {
    // Help is asked for, not bad input: the usage goes to stdout with exit 0.
    if (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help')) {
      process.stdout.write(`${usage()}\n`);
      return 0;
    }
    const helpFor = argv.length === 2 && (argv[1] === '--help' || argv[1] === '-h') ? argv[0]! : undefined;
    if (helpFor && Object.hasOwn(COMMANDS, helpFor)) {
      process.stdout.write(`usage: roster ${helpFor} ${COMMANDS[helpFor]!.usage}\n`);
      return 0;
    }
    const args = parseArgs(argv);
    const cmd = Object.hasOwn(COMMANDS, args.command) ? COMMANDS[args.command] : undefined;
    if (!cmd) throw new CliError(args.command ? `unknown command "${args.command}"\n${usage()}` : usage());
    const out = await cmd.run(args);
    if (out !== undefined) process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof CliError) {
      process.stderr.write(`roster: ${e.message}\n`);
      return e.exitCode;
    }
    process.stderr.write(`roster: internal error: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
