import { buildProgram } from './cli.js';
import { EXIT, ExitError, formatIssue, InputError, UserError } from './errors.js';

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
    if (error.message) process.stderr.write(`${error.message}\n`);
    return error.exitCode;
  }
  if (error instanceof InputError) {
    process.stderr.write(`error: ${error.message}\n`);
    for (const issue of error.issues) process.stderr.write(`  ${formatIssue(issue)}\n`);
    return EXIT.failure;
  }
  if (error instanceof UserError) {
    process.stderr.write(`error: ${error.message}\n`);
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

process.exitCode = await main(process.argv);
