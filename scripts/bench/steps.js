/**
 * The measured steps for one workspace size: the floor, then the built CLI on copies of
 * the generated workspace (full run, phase by phase, unchanged re-run, re-score after a
 * criteria change), then start-up time.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fastestBy, measureMedian, measureNode, medianBy } from './measure.js';
import { copyWorkspace, ensureWorkspace } from './workspace-cache.js';
import { TURNOVER_THRESHOLD_LINE } from './workspace-config.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const FLOOR_SCRIPT = path.join(HERE, 'floor.js');
const STAT_BOUND_SCRIPT = path.join(HERE, 'stat-bound.js');
const RUN_BOUND_SCRIPT = path.join(HERE, 'run-bound.js');
/** The parts of run-bound.js; it parses the JSON export whole, so only up to RUN_BOUND_MAX_N. */
const RUN_BOUND_PARTS = ['hash', 'json', 'letters', 'workbook'];
const RUN_BOUND_MAX_N = 10_000;
/** Rounds of the steps short enough to repeat (the unchanged run, the re-score). */
const ROUNDS = 3;
/** The turnover threshold of criteria.yaml, then the one each re-score round sets. */
const RESCORE_THRESHOLDS = [
  Number(TURNOVER_THRESHOLD_LINE.replace('average_at_least: ', '')),
  250000,
  240000,
  230000,
];
/** Exit codes that mean the CLI did its job; 3 = completed, shortlist not final (SPEC §7). */
const SUCCESS_CODES = new Set([0, 3]);

/** @typedef {import('./measure.js').Measurement} Measurement */
/**
 * @typedef {object} StepResult
 * @property {string} id
 * @property {string} label
 * @property {number} wallMs
 * @property {number | null} rssMb
 * @property {number | null} code
 */
/**
 * @typedef {object} SizeResult
 * @property {number} n
 * @property {number} seed
 * @property {number} dossierBytes
 * @property {number} invalid
 * @property {{ jsYaml: FloorRun, yaml: FloorRun, jsYamlBeforeMs: number, jsYamlAfterMs: number }} floor
 *   `jsYaml` is the faster of the floor taken before the steps and the one taken after them.
 * @property {StepResult[]} steps
 * @property {{ helpMs: number, nodeMs: number }} startup
 * @property {{ statMs: number, paths: number, cores: number }} statBound what a run with nothing
 *   changed cannot skip besides Node's start-up (stat-bound.js): the fastest of 3, on one thread
 * @property {{ cores: number, parts: RunBoundPart[] } | null} runBound part of what a full run
 *   cannot skip besides the floor's parse (run-bound.js), each part the fastest of 3; null above
 *   RUN_BOUND_MAX_N dossiers
 */
/** @typedef {{ part: string, ms: number, items: number, bytes: number }} RunBoundPart */
/** @typedef {{ wallMs: number, parseMs: number, rssMb: number | null, files: number }} FloorRun */

/** A CLI step that did not end with 0 or 3. */
export class StepFailedError extends Error {
  /** @param {string} label @param {Measurement} run */
  constructor(label, run) {
    super(`${label} exited with ${run.code ?? 'a signal'}\n${run.stderrTail || run.stdoutTail}`);
    this.name = 'StepFailedError';
  }
}

/**
 * @param {{ n: number, seed: number, workdir: string, cli: string, keep: boolean, log: (line: string) => void }} options
 * @returns {Promise<SizeResult>}
 */
export async function benchmarkSize({ n, seed, workdir, cli, keep, log }) {
  const source = ensureWorkspace(workdir, n, seed);
  log(`n=${n}: workspace ${source.reused ? 'reused' : 'generated'} at ${source.dir}`);
  const before = await measureFloor(source.dir, 'js-yaml', 3);
  const yaml = await measureFloor(source.dir, 'yaml', 1);
  log(`n=${n}: floor js-yaml ${before.wallMs} ms, yaml ${yaml.wallMs} ms`);
  const statBound = await measureStatBound(source.dir);
  log(`n=${n}: stat bound ${statBound.statMs} ms for ${statBound.paths} paths`);

  /** @type {StepResult[]} */
  const steps = [];
  /** One step made of commands run one after the other: wall times add up, the peak RSS is the highest. */
  const measureSteps = async (
    /** @type {string} */ id,
    /** @type {string} */ label,
    /** @type {string[][]} */ commands,
  ) => {
    log(`n=${n}: ${label}`);
    let wallMs = 0;
    /** @type {number | null} */
    let rssMb = null;
    let code = 0;
    for (const args of commands) {
      const run = await measureNode([cli, ...args]);
      if (!SUCCESS_CODES.has(run.code ?? -1)) throw new StepFailedError(`n=${n} ${label}`, run);
      wallMs += run.wallMs;
      if (run.rssMb !== null) rssMb = Math.max(rssMb ?? 0, run.rssMb);
      code = Math.max(code, run.code ?? 0);
    }
    return /** @type {StepResult} */ ({ id, label, wallMs, rssMb, code });
  };
  const runSteps = async (
    /** @type {string} */ id,
    /** @type {string} */ label,
    /** @type {string[][]} */ commands,
  ) => {
    steps.push(await measureSteps(id, label, commands));
  };
  const runStep = (/** @type {string} */ id, /** @type {string} */ label, /** @type {string[]} */ args) =>
    runSteps(id, label, [args]);
  /**
   * A step short enough to repeat, measured ROUNDS times: its wall time is the median round (the
   * machine is shared, and a single second-long run moved by 20% between two benches), its peak
   * RSS the highest. `prepare` runs before each round, outside the clock.
   */
  const runRepeated = async (
    /** @type {string} */ id,
    /** @type {string} */ label,
    /** @type {string[][]} */ commands,
    /** @type {(round: number) => void} */ prepare = () => undefined,
  ) => {
    /** @type {StepResult[]} */
    const rounds = [];
    for (let round = 0; round < ROUNDS; round++) {
      prepare(round);
      rounds.push(await measureSteps(id, label, commands));
    }
    const peaks = rounds.map((r) => r.rssMb).filter((mb) => mb !== null);
    steps.push({
      id,
      label: `${label} (median of ${ROUNDS})`,
      wallMs: medianBy(rounds, (r) => r.wallMs).wallMs,
      rssMb: peaks.length > 0 ? Math.max(...peaks) : null,
      code: Math.max(...rounds.map((r) => r.code ?? 0)),
    });
  };

  const full = copyWorkspace(source.dir, path.join(workdir, `run-${n}-full`));
  await runStep('run', 'run (full)', ['run', '--workspace', full]);
  const runBound = n <= RUN_BOUND_MAX_N ? await measureRunBound(full) : null;
  if (runBound) log(`n=${n}: run bound ${runBound.parts.map((p) => `${p.part} ${p.ms} ms`).join(', ')}`);
  const phased = copyWorkspace(source.dir, path.join(workdir, `run-${n}-phases`));
  await runStep('ingest', 'ingest', ['ingest', '--workspace', phased]);
  await runStep('criteria', 'criteria import', ['criteria', 'import', '--workspace', phased]);
  await runStep('score', 'score', ['score', '--workspace', phased]);
  await runStep('export', 'export xlsx,md,json', [
    'export',
    '--workspace',
    phased,
    '--format',
    'xlsx,md,json',
  ]);
  await runRepeated('unchanged', 'run (unchanged)', [['run', '--workspace', full]]);
  // The re-score the target is about: the new criteria version evaluated, nothing exported. Each
  // round lowers the threshold again, so each has the same criterion to evaluate for every dossier.
  await runRepeated(
    'rescore',
    're-score (criteria changed: criteria import + score)',
    [
      ['criteria', 'import', '--workspace', phased],
      ['score', '--workspace', phased],
    ],
    (round) =>
      changeTurnoverThreshold(phased, RESCORE_THRESHOLDS[round] ?? 0, RESCORE_THRESHOLDS[round + 1] ?? 0),
  );
  // And what a script re-running everything after the change pays, exports included.
  changeTurnoverThreshold(full, RESCORE_THRESHOLDS[0] ?? 0, RESCORE_THRESHOLDS[1] ?? 0);
  await runStep('rerun', 'run (criteria changed)', ['run', '--workspace', full]);

  // The floor again: on a shared machine the speed drifts over the minutes the steps take, and the
  // faster of the two floors makes every ratio the less flattering one.
  const after = await measureFloor(source.dir, 'js-yaml', 3);
  log(`n=${n}: floor js-yaml again ${after.wallMs} ms`);
  const floor = {
    jsYaml: after.wallMs < before.wallMs ? after : before,
    yaml,
    jsYamlBeforeMs: before.wallMs,
    jsYamlAfterMs: after.wallMs,
  };

  const help = await measureMedian([cli, '--help'], 5);
  if (help.code !== 0) throw new StepFailedError('prequal --help', help);
  const node = await measureMedian(['-e', '0'], 5);
  if (!keep) for (const dir of [full, phased]) fs.rmSync(dir, { recursive: true, force: true });
  return {
    n,
    seed,
    dossierBytes: source.dossierBytes,
    invalid: source.invalid,
    floor,
    steps,
    startup: { helpMs: help.wallMs, nodeMs: node.wallMs },
    statBound,
    runBound,
  };
}

/**
 * The parts of run-bound.js on the workspace a full run just wrote, each the fastest of 3 runs by
 * the time it reports itself (a bound: the machine can only add to it; writing the letters took
 * 0.19 s and 1.35 s in two runs at 10,000), and the cores they could be shared among.
 * @param {string} workspace
 * @returns {Promise<{ cores: number, parts: RunBoundPart[] }>}
 */
async function measureRunBound(workspace) {
  /** @type {RunBoundPart[]} */
  const parts = [];
  for (const part of RUN_BOUND_PARTS)
    parts.push(await fastestReport([RUN_BOUND_SCRIPT, workspace, part], `run bound (${part})`));
  return { cores: os.availableParallelism(), parts };
}

/**
 * Runs a bound script 3 times and returns the report (its one JSON line) of the fastest run by
 * the `ms` it gives: a bound takes the least the machine gave, since the machine can only add.
 * @param {string[]} args
 * @param {string} label
 * @returns {Promise<any>}
 */
async function fastestReport(args, label) {
  /** @type {{ ms: number }[]} */
  const reports = [];
  for (let run = 0; run < 3; run++) {
    const measured = await measureNode(args);
    if (measured.code !== 0) throw new StepFailedError(label, measured);
    reports.push(JSON.parse(measured.stdoutTail));
  }
  return fastestBy(reports, (report) => report.ms);
}

/**
 * The stat calls of stat-bound.js, the fastest of 3 runs by the time it reports itself.
 * @param {string} workspace
 * @returns {Promise<{ statMs: number, paths: number, cores: number }>}
 */
async function measureStatBound(workspace) {
  const fastest = await fastestReport([STAT_BOUND_SCRIPT, workspace], 'stat bound');
  return { statMs: fastest.ms, paths: fastest.paths, cores: os.availableParallelism() };
}

/**
 * The floor child, median of `runs` runs.
 * @param {string} workspace
 * @param {'js-yaml' | 'yaml'} parser
 * @param {number} runs
 * @returns {Promise<FloorRun>}
 */
async function measureFloor(workspace, parser, runs) {
  const run = await measureMedian([FLOOR_SCRIPT, workspace, '--parser', parser], runs);
  if (run.code !== 0) throw new StepFailedError(`floor (${parser})`, run);
  const report = JSON.parse(run.stdoutTail);
  return { wallMs: run.wallMs, parseMs: report.ms, rssMb: run.rssMb, files: report.files };
}

/**
 * The one-line criteria change that forces a re-score (`average_at_least: 300000` → 250000,
 * then lower at each round).
 * @param {string} workspace
 * @param {number} from
 * @param {number} to
 */
function changeTurnoverThreshold(workspace, from, to) {
  const file = path.join(workspace, 'criteria.yaml');
  const text = fs.readFileSync(file, 'utf8');
  const line = `average_at_least: ${from}`;
  if (!text.includes(line)) throw new Error(`${file} lacks "${line}"`);
  fs.writeFileSync(file, text.replace(line, `average_at_least: ${to}`));
}
