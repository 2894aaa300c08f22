import os from 'node:os';
import { Command, Option } from 'commander';
import { type Context, resolveWorkspace } from './context.js';
import { UserError } from './errors.js';
import { configureColour } from './ui/colour.js';
import { TOOL_VERSION } from './version.js';

/** Global options every command accepts; commander recognises them before or after the command name. */
interface GlobalOptions {
  workspace?: string;
  as?: string;
  now?: string;
  color?: boolean;
}

type Action<O> = (ctx: Context, options: O, ...args: string[]) => Promise<void>;

/**
 * Wraps a command function: builds the Context from the global options, then calls it.
 * Commands are loaded lazily so `--help` stays fast and exceljs loads only where used.
 */
function action<O>(load: () => Promise<Action<O>>) {
  return async (...args: unknown[]) => {
    const command = args[args.length - 1] as Command;
    const options = command.opts() as O;
    const globals = command.optsWithGlobals() as GlobalOptions;
    const positional = args.slice(0, -2).filter((a): a is string => typeof a === 'string');
    const run = await load();
    await run(buildContext(globals), options, ...positional);
  };
}

function buildContext(globals: GlobalOptions): Context {
  configureColour({ flag: globals.color, env: process.env, isTTY: Boolean(process.stdout.isTTY) });
  const fixed = globals.now === undefined ? undefined : parseClock(globals.now);
  return {
    workspace: resolveWorkspace(globals.workspace, process.cwd()),
    cwd: process.cwd(),
    now: () => (fixed ? new Date(fixed) : new Date()),
    user: actingUser(globals.as),
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    progressAllowed: Boolean(process.stderr.isTTY),
  };
}

/** Who acts, for the audit trail: `--as`, else $PREQUAL_USER, else the OS user; never blank. */
function actingUser(as: string | undefined): string {
  if (as !== undefined && as.trim() === '')
    throw new UserError('--as needs a name: the audit trail records who acted', 2);
  const user = as ?? process.env.PREQUAL_USER;
  return user !== undefined && user.trim() !== '' ? user : safeUserName();
}

function parseClock(value: string): number {
  const ms = Date.parse(value);
  if (!/\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:\d{2})$/.test(value) || Number.isNaN(ms)) {
    throw new UserError(`--now must be an RFC 3339 date-time with offset, got "${value}"`, 2);
  }
  return ms;
}

function safeUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}

/** A comma-separated list; given twice (`--format md --format json`), the lists add up. */
const csv = (value: string, previous: string[] = []) => [
  ...previous,
  ...value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
];

const examples = (lines: string[]) => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;

/** SPEC §7's exit codes, as README *Exit codes* gives them: `--help` documents everything. */
const EXIT_CODES_HELP = `
Exit codes:
  0    success; an invalid dossier is an outcome of the evaluation, reported
  1    failure: a broken tender.yaml or criteria.yaml, a rejected score file, an
       export that could not be written, a store that cannot be used
  2    usage error: unknown command or option, bad value
  3    completed, but the shortlist is not final: a tie at the cut awaits
       \`prequal decide\`, manual scores are pending, or a sanctions near match
       awaits the secretary's review; with --strict, also an invalid dossier
  130  interrupted at a prompt (every answer already given is saved)
`;

export function buildProgram(): Command {
  const program = new Command('prequal')
    .description(
      'Score prequalification dossiers of a restricted procedure and publish the ranked shortlist, every result explained.',
    )
    .version(TOOL_VERSION)
    .option('-w, --workspace <dir>', 'workspace directory (default: current directory)')
    .option('--as <name>', 'who is acting, for the audit trail (default: $PREQUAL_USER or the OS user)')
    .option('--now <datetime>', 'the run clock (RFC 3339), for reproducible runs and tests')
    .option('--no-color', 'never colour output (NO_COLOR and FORCE_COLOR are honoured too)')
    .showHelpAfterError('(run with --help for usage)')
    .configureHelp({ showGlobalOptions: true })
    .addHelpText('after', EXIT_CODES_HELP)
    .exitOverride();

  registerCommands(program);
  for (const sub of allCommands(program)) sub.exitOverride();
  return program;
}

function allCommands(command: Command): Command[] {
  return command.commands.flatMap((c) => [c, ...allCommands(c)]);
}

function registerCommands(program: Command): void {
  program
    .command('init [dir]')
    .description('scaffold a workspace: tender.yaml, criteria.yaml, dossiers/ with one example')
    .option('--reference <ref>', 'tender reference, e.g. POC2-S29')
    .option('--title-fr <text>', 'title in French')
    .option('--title-en <text>', 'title in English')
    .option('--closes <datetime>', 'submission deadline, RFC 3339 with offset')
    .option('--currency <code>', 'ISO 4217 currency of all thresholds (default: EUR)')
    .addHelpText(
      'after',
      examples([
        'prequal init my-tender --reference POC2-S29 --title-fr "Mission…" --title-en "Mission…" --closes 2025-11-28T16:00:00Z',
      ]),
    )
    .action(action(async () => (await import('./commands/init.js')).initCommand));

  program
    .command('ingest')
    .description('validate and store every dossier of dossiers/; prints a summary')
    .option('--strict', 'exit 3 when any dossier is invalid')
    .option('--json', 'print the summary as JSON')
    .addHelpText(
      'after',
      examples(['prequal ingest --workspace my-tender', 'prequal ingest --strict --json']),
    )
    .action(action(async () => (await import('./commands/ingest.js')).ingestCommand));

  const criteria = program.command('criteria').description('manage criteria versions');
  criteria
    .command('import [file]')
    .description('import criteria.yaml (or FILE) as a new version when its content changed')
    .addHelpText('after', examples(['prequal criteria import', 'prequal criteria import grid-v2.yaml']))
    .action(action(async () => (await import('./commands/criteria.js')).criteriaImportCommand));
  criteria
    .command('list')
    .description('list criteria versions')
    .option('--json', 'machine output')
    .addHelpText('after', examples(['prequal criteria list --json']))
    .action(action(async () => (await import('./commands/criteria.js')).criteriaListCommand));
  criteria
    .command('show [version]')
    .description('show a criteria version (default: latest)')
    .option('--json', 'machine output')
    .addHelpText('after', examples(['prequal criteria show 2']))
    .action(action(async () => (await import('./commands/criteria.js')).criteriaShowCommand));

  program
    .command('score')
    .description('evaluate every valid dossier against the current criteria; or record a manual score')
    .option('--evaluator <name>', 'record manual scores as this evaluator (interactive on a TTY)')
    .option('--candidate <id>', 'candidate to score (with --evaluator)')
    .option('--criterion <id>', 'manual criterion to score (with --evaluator)')
    .option('--points <n>', 'points given (with --evaluator)')
    .option('--comment <text>', 'mandatory comment (with --evaluator)')
    .option('--from <file>', 'record manual scores in bulk from a CSV or XLSX file')
    .addHelpText(
      'after',
      examples([
        'prequal score',
        'prequal score --evaluator "Jean Dupont"',
        'prequal score --evaluator "Jean Dupont" --candidate c01-ids --criterion EXP-4 --points 15 --comment "Bonne connaissance"',
        'prequal score --from scores/jean-dupont.csv',
      ]),
    )
    .action(action(async () => (await import('./commands/score.js')).scoreCommand));

  program
    .command('rank')
    .description('print the ranked shortlist')
    .option('--json', "print SPEC §6's JSON document")
    .addOption(new Option('--lang <lang>', 'language of explanations').choices(['fr', 'en']))
    .addHelpText('after', examples(['prequal rank', 'prequal rank --json > shortlist.json']))
    .action(action(async () => (await import('./commands/rank.js')).rankCommand));

  program
    .command('explain <candidate>')
    .description("every criterion's verdict for one candidate, with its explanation")
    .option('--json', 'machine output')
    .option('--closest', 'the smallest single threshold change that would shortlist this candidate')
    .addOption(new Option('--lang <lang>', 'language').choices(['fr', 'en']))
    .addHelpText(
      'after',
      examples([
        'prequal explain c11-atlantique-securite-conseil --lang en',
        'prequal explain c07 --closest   # a unique prefix of the id is enough',
      ]),
    )
    .action(action(async () => (await import('./commands/explain.js')).explainCommand));

  program
    .command('export')
    .description('write the workbook, report, JSON, letters and OCDS release')
    .option('--format <list>', 'comma-separated: xlsx,md,json,letters,ocds', csv)
    .addOption(
      new Option('--lang <lang>', 'language (default: the tender first language)').choices(['fr', 'en']),
    )
    .option('--out <dir>', 'output directory (default: <workspace>/out)')
    .option('--json', "also print SPEC §6's JSON document")
    .addHelpText(
      'after',
      examples([
        'prequal export',
        'prequal export --format xlsx,md --lang en --out /tmp/s29',
        'prequal export --json > shortlist.json',
      ]),
    )
    .action(action(async () => (await import('./commands/export.js')).exportCommand));

  program
    .command('run')
    .description('ingest + criteria import + scores + score + export, in one step for scripts')
    .option('--out <dir>', 'output directory (default: <workspace>/out)')
    .option('--format <list>', 'export formats (default: xlsx,md,json,letters,ocds)', csv)
    .addOption(
      new Option('--lang <lang>', 'language (default: the tender first language)').choices(['fr', 'en']),
    )
    .option('--strict', 'exit 3 when any dossier is invalid')
    .option('--json', "print SPEC §6's JSON document instead of the table")
    .addHelpText(
      'after',
      examples([
        'prequal run --workspace my-tender --out my-tender/out',
        'prequal run --json --strict > shortlist.json',
      ]),
    )
    .action(action(async () => (await import('./commands/run.js')).runCommand));

  const audit = program
    .command('audit')
    .description('list the append-only audit trail')
    .option('--json', 'machine output')
    .addHelpText('after', examples(['prequal audit', 'prequal audit verify']))
    .action(action(async () => (await import('./commands/audit.js')).auditListCommand));
  audit
    .command('verify')
    .description(
      'check the store file, recompute the hash chain and check overrides, tie decisions and manual scores against their entries; ' +
        'exits 1 naming the first altered or removed entry or record',
    )
    .addHelpText('after', examples(['prequal audit verify --workspace my-tender']))
    .action(action(async () => (await import('./commands/audit.js')).auditVerifyCommand));

  program
    .command('schema <kind>')
    .description('print the JSON Schema of tender, criteria or dossier files')
    .addHelpText('after', examples(['prequal schema dossier > dossier.schema.json']))
    .action(action(async () => (await import('./commands/schema.js')).schemaCommand));

  registerCommitteeCommands(program);
  registerDecisionSupportCommands(program);
}

function registerDecisionSupportCommands(program: Command): void {
  program
    .command('diff')
    .description(
      'between two criteria versions: every candidate whose status, rank or total changed, and why',
    )
    .requiredOption('--from <version>', 'earlier criteria version')
    .requiredOption('--to <version>', 'later criteria version')
    .option('--json', 'machine output')
    .addHelpText('after', examples(['prequal diff --from 1 --to 2']))
    .action(action(async () => (await import('./commands/diff.js')).diffCommand));

  program
    .command('whatif')
    .description(
      'recompute the shortlist with changed parameters, storing nothing, and show what would change',
    )
    .requiredOption(
      '--set <assignment>',
      'CRITERION.param=value (repeatable)',
      (v: string, acc: string[] = []) => [...acc, v],
    )
    .option('--json', 'machine output')
    .addHelpText(
      'after',
      examples(['prequal whatif --set SEL-1.average_at_least=150000', 'prequal whatif --set threshold=45']),
    )
    .action(action(async () => (await import('./commands/whatif.js')).whatifCommand));

  const template = program.command('template').description('blank forms for candidates');
  template
    .command('application-form')
    .description('write an xlsx application form candidates can fill instead of dossier.yaml')
    .addOption(new Option('--lang <lang>', 'language').choices(['fr', 'en']))
    .option('--out <file>', 'output file (default: application-form.<lang>.xlsx)')
    .addHelpText('after', examples(['prequal template application-form --lang fr --out formulaire.xlsx']))
    .action(action(async () => (await import('./commands/template.js')).applicationFormCommand));
}

function registerCommitteeCommands(program: Command): void {
  const committee = program.command('committee').description('the evaluation committee');
  committee
    .command('add <name>')
    .description('register a committee member')
    .addOption(
      new Option('--role <role>', 'chair and secretary do not vote')
        .choices(['chair', 'secretary', 'evaluator'])
        .makeOptionMandatory(),
    )
    .addHelpText('after', examples(['prequal committee add "Fatou Sarr" --role evaluator']))
    .action(action(async () => (await import('./commands/committee.js')).committeeAddCommand));
  committee
    .command('list')
    .description('list members, roles and declarations')
    .option('--json', 'machine output')
    .addHelpText('after', examples(['prequal committee list --json']))
    .action(action(async () => (await import('./commands/committee.js')).committeeListCommand));
  committee
    .command('declare <name>')
    .description('record the declaration of impartiality and confidentiality')
    .option('--yes', 'confirm without a prompt')
    .addHelpText('after', examples(['prequal committee declare "Fatou Sarr" --yes']))
    .action(action(async () => (await import('./commands/committee.js')).committeeDeclareCommand));

  program
    .command('override')
    .description('override an automatic result (secretary only), with a mandatory justification')
    .requiredOption('--candidate <id>', 'candidate')
    .requiredOption('--criterion <id>', 'criterion')
    .option('--pass', 'the gate passes')
    .option('--fail', 'the gate fails')
    .option('--points <n>', 'points for a score criterion')
    .requiredOption('--reason <text>', 'justification')
    .addHelpText(
      'after',
      examples([
        'prequal override --as "Olivier Lemaire" --candidate c18 --criterion sanctions --pass --reason "Different entity: registration numbers differ"',
      ]),
    )
    .action(action(async () => (await import('./commands/override.js')).overrideCommand));

  const sheet = program.command('sheet').description('offline score sheets (xlsx) for evaluators');
  sheet
    .command('export')
    .description("write an evaluator's score sheet: one row per candidate and manual criterion")
    .requiredOption('--evaluator <name>', 'the evaluator the sheet is for')
    .option('--out <file>', 'output file (default: <workspace>/out/sheets/score-sheet-<evaluator>.xlsx)')
    .addOption(new Option('--lang <lang>', 'language').choices(['fr', 'en']))
    .addHelpText('after', examples(['prequal sheet export --evaluator "Hélène Marchand"']))
    .action(action(async () => (await import('./commands/sheet.js')).sheetExportCommand));
  sheet
    .command('import <file>')
    .description('record a filled score sheet, all or nothing')
    .addHelpText('after', examples(['prequal sheet import out/sheets/score-sheet-helene-marchand.xlsx']))
    .action(action(async () => (await import('./commands/sheet.js')).sheetImportCommand));

  program
    .command('decide')
    .description('resolve the tie at the cut: the chosen are shortlisted, the others go to the reserve')
    .requiredOption('--choose <ids>', 'comma-separated candidate ids', csv)
    .requiredOption('--reason <text>', 'justification')
    .addHelpText(
      'after',
      examples([
        'prequal decide --as "Awa Ndiaye" --choose c03 --reason "more projects with the gendarmerie"',
      ]),
    )
    .action(action(async () => (await import('./commands/decide.js')).decideCommand));
}
