import { buildProgram } from './cli.js';
import { EXIT, ExitError, InputError, UserError } from './errors.js';
import { issueLine, terminalSafeLines } from './ui/terminal-text.js';

/** The only place that turns errors into exit codes (STYLE: one owner for exit codes). */
async function main(argv: string[]): Promise<number> {
  try {
    const program = buildProgram();
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    return exitCodeFor(error);
  }
}

function exitCodeFor(error: unknown): number {
  if (error instanceof ExitError) {
    if (error.message) process.stderr.write(`${terminalSafeLines(error.message)}\n`);
    return error.exitCode;
  }
  if (error instanceof InputError) {
    process.stderr.write(`error: ${terminalSafeLines(error.message)}\n`);
    for (const issue of error.issues) process.stderr.write(`  ${issueLine(issue)}\n`);
    return EXIT.failure;
  }
  if (error instanceof UserError) {
    process.stderr.write(`error: ${terminalSafeLines(error.message)}\n`);
    return error.exitCode;
  }
  if (isCommanderExit(error)) {
    // commander reports usage errors with code 1; SPEC §7 wants 2. Help and version are successes.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof Error && error.name === 'ExitPromptError') {
    process.stderr.write('interrupted; every answer already given is saved\n');
    return EXIT.interrupted;
  }
  throw error;
}

function isCommanderExit(error: unknown): error is { exitCode: number; code: string } {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof (error as { code: unknown }).code === 'string' &&
    (error as { code: string }).code.startsWith('commander.')
  );
}

// `prequal audit | head`: once the reader has gone, nothing more can be delivered; stop quietly
// instead of crashing on EPIPE. The exit code of the work already done stands.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok);
  });
}

process.exitCode = await main(process.argv);
