/**
 * Turns measurements into ratios, target verdicts, a terminal table and a Markdown section.
 * A benchmark reports; it never gates, so missed targets only show as ✗.
 */

/** @typedef {import('./steps.js').SizeResult} SizeResult */
/**
 * @typedef {object} TargetVerdict
 * @property {string} name
 * @property {string} limit human-readable limit
 * @property {string} actual human-readable value
 * @property {boolean} ok
 * @property {boolean} indicative true when the size is too small for the ratio to mean much
 * @property {string} [note] why a missed target is out of reach on this machine
 */

/**
 * Below this size Node's start-up alone (~60 ms) is a large part of the floor, so time ratios
 * say little about the tool; they are still shown, marked indicative.
 */
const RATIO_MIN_N = 10_000;
const INDICATIVE = ' (indicative: Node start-up dominates at this size)';
/** RSS budget: 300 MB up to 10,000 dossiers, 600 MB beyond (100,000). */
const rssLimitMb = (/** @type {number} */ n) => (n <= 10_000 ? 300 : 600);

/**
 * @param {number} wallMs
 * @param {SizeResult} size
 * @returns {number} wall time as a multiple of the floor (js-yaml child wall time)
 */
export function ratioToFloor(wallMs, size) {
  return Math.round((wallMs / size.floor.jsYaml.wallMs) * 100) / 100;
}

/**
 * @param {SizeResult} size
 * @returns {TargetVerdict[]}
 */
export function judgeTargets(size) {
  const step = (/** @type {string} */ id) => size.steps.find((s) => s.id === id);
  /** @type {TargetVerdict[]} */
  const verdicts = [];
  /** `bound`: what the step cannot take less than here; a missed target it exceeds is out of reach. */
  const ratioTarget = (
    /** @type {string} */ id,
    /** @type {string} */ name,
    /** @type {number} */ max,
    /** @type {{ ratio: number, of: string } | undefined} */ bound = undefined,
  ) => {
    const found = step(id);
    if (!found) return;
    const ratio = ratioToFloor(found.wallMs, size);
    const indicative = size.n < RATIO_MIN_N;
    const ok = ratio <= max;
    /** @type {TargetVerdict} */
    const verdict = { name, limit: `≤ ${max}× floor`, actual: `${ratio}×`, ok, indicative };
    if (!ok && bound && bound.ratio > max)
      verdict.note = `out of reach here: ${bound.of} alone take ${bound.ratio}×`;
    verdicts.push(verdict);
  };
  const runBound = runBoundMs(size);
  ratioTarget(
    'run',
    'run (full)',
    1.5,
    runBound === null
      ? undefined
      : {
          ratio: ratioToFloor(runBound, size),
          of: "Node's start-up, the floor's parse and the bound's reading and writing",
        },
  );
  ratioTarget('unchanged', 'run, nothing changed', 0.25, {
    ratio: ratioToFloor(statBoundMs(size, true), size),
    of: "Node's start-up and the stat calls shared over the cores",
  });
  ratioTarget('rescore', 're-score after a criteria change', 0.5);
  const peaks = size.steps.map((s) => s.rssMb).filter((mb) => mb !== null);
  if (peaks.length > 0) {
    const peak = Math.max(...peaks);
    const limit = rssLimitMb(size.n);
    verdicts.push({
      name: 'peak RSS of any CLI step',
      limit: `≤ ${limit} MB`,
      actual: `${peak} MB`,
      ok: peak <= limit,
      indicative: false,
    });
  }
  const startup = Math.round((size.startup.helpMs / size.startup.nodeMs) * 100) / 100;
  verdicts.push({
    name: '`prequal --help` vs `node -e 0`',
    limit: '≤ 2.5×',
    actual: `${startup}×`,
    ok: startup <= 2.5,
    indicative: false,
  });
  return verdicts;
}

/**
 * The least a run with nothing changed takes here: Node's start-up and the stat calls of
 * stat-bound.js, on one thread or, `shared`, split perfectly among the cores. Stat calls on two
 * threads do run in parallel here, but a worker thread takes ~110 ms to start (PERFORMANCE.md):
 * the shared figure is the generous one, and the one a verdict of "out of reach" rests on.
 * @param {SizeResult} size
 * @param {boolean} [shared]
 * @returns {number}
 */
function statBoundMs(size, shared = false) {
  const { statMs, cores } = size.statBound;
  return Math.round(size.startup.nodeMs + (shared ? statMs / cores : statMs));
}

/** What each part of run-bound.js stands for, in the table's note. */
const RUN_BOUND_WORDS = {
  hash: ['attachments hashed', 'files'],
  json: ['JSON export serialised and written', 'candidates'],
  letters: ['letters written', 'letters'],
  workbook: ['workbook sheets deflated', 'sheets'],
};

/**
 * The least a full run takes here: Node's start-up, then the floor's parse and the parts of
 * run-bound.js shared perfectly among the cores; null when they were not measured.
 * @param {SizeResult} size
 * @returns {number | null}
 */
function runBoundMs(size) {
  if (!size.runBound) return null;
  const work = size.runBound.parts.reduce((sum, part) => sum + part.ms, size.floor.jsYaml.parseMs);
  return Math.round(size.startup.nodeMs + work / size.runBound.cores);
}

/**
 * The bound's table row, or none when it was not measured.
 * @param {SizeResult} size
 * @returns {string[][]}
 */
function runBoundRows(size) {
  const bound = runBoundMs(size);
  if (bound === null || !size.runBound) return [];
  const parts = size.runBound.parts.map((part) => {
    const [what, unit] = RUN_BOUND_WORDS[/** @type {keyof typeof RUN_BOUND_WORDS} */ (part.part)] ?? [
      part.part,
      '',
    ];
    return `${what} ${part.ms} ms (${part.items} ${unit}, ${Math.round(part.bytes / 1e5) / 10} MB)`;
  });
  return [
    [
      `bound for a full run: \`node -e 0\` + (floor parse + run-bound.js) / ${size.runBound.cores} cores`,
      String(bound),
      '',
      String(ratioToFloor(bound, size)),
      `parse ${size.floor.jsYaml.parseMs} ms; ${parts.join('; ')}; each the fastest of 3`,
    ],
  ];
}

/**
 * Rows of the per-size table: floor runs, CLI steps, start-up.
 * @param {SizeResult} size
 * @returns {string[][]}
 */
function tableRows(size) {
  const mb = (/** @type {number | null} */ v) => (v === null ? '?' : String(v));
  const { jsYaml, yaml } = size.floor;
  return [
    [
      'floor: read + js-yaml (CORE_SCHEMA)',
      String(jsYaml.wallMs),
      mb(jsYaml.rssMb),
      '1',
      `parse ${jsYaml.parseMs} ms; before the steps ${size.floor.jsYamlBeforeMs} ms, after ${size.floor.jsYamlAfterMs} ms: the lower counts`,
    ],
    [
      'read + `yaml` package (reference)',
      String(yaml.wallMs),
      mb(yaml.rssMb),
      String(ratioToFloor(yaml.wallMs, size)),
      `parse ${yaml.parseMs} ms`,
    ],
    ...size.steps.map((s) => [
      s.label,
      String(s.wallMs),
      mb(s.rssMb),
      String(ratioToFloor(s.wallMs, size)),
      `exit ${s.code}`,
    ]),
    ...runBoundRows(size),
    [
      'bound for a run with nothing changed: `node -e 0` + stat calls',
      String(statBoundMs(size)),
      '',
      String(ratioToFloor(statBoundMs(size), size)),
      `stat-bound.js: ${size.statBound.paths} folders and files in ${size.statBound.statMs} ms (the fastest of 3), on one thread; shared over ${size.statBound.cores} cores ${statBoundMs(size, true)} ms (${ratioToFloor(statBoundMs(size, true), size)}×)`,
    ],
    ['`prequal --help` (median of 5)', String(size.startup.helpMs), '', '', ''],
    ['`node -e 0` (median of 5)', String(size.startup.nodeMs), '', '', ''],
  ];
}

const HEADER = ['step', 'wall ms', 'peak RSS MB', 'ratio to floor', 'note'];

/**
 * Plain-text report for the terminal.
 * @param {SizeResult} size
 * @returns {string}
 */
export function renderText(size) {
  const rows = [HEADER, ...tableRows(size)];
  const widths = HEADER.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length)));
  const line = (/** @type {string[]} */ row) =>
    row
      .map((cell, c) => (c === 0 || c === 4 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
      .join(' | ');
  const targets = judgeTargets(size).map(
    (t) =>
      `  ${t.ok ? '✓' : '✗'} ${t.name}: ${t.actual} (target ${t.limit})${t.indicative ? INDICATIVE : ''}${t.note ? ` — ${t.note}` : ''}`,
  );
  const title = `n = ${size.n} dossiers (${Math.round(size.dossierBytes / size.n)} B average, ${size.invalid} invalid), seed ${size.seed}`;
  return [title, line(rows[0] ?? []), ...rows.slice(1).map(line), 'targets:', ...targets].join('\n');
}

/**
 * Markdown section for docs/PERFORMANCE.md.
 * @param {SizeResult[]} sizes
 * @param {{ date: string, node: string, cpus: string, dryCli: boolean }} machine
 * @returns {string}
 */
export function renderMarkdown(sizes, machine) {
  const out = [`Measured ${machine.date} on ${machine.cpus}, Node ${machine.node}.`];
  if (machine.dryCli) out.push('', '**Dry run**: a stand-in replaced the CLI; CLI timings mean nothing.');
  for (const size of sizes) {
    out.push('', `### ${size.n.toLocaleString('en')} dossiers`, '');
    out.push(
      `| ${HEADER.join(' | ')} |`,
      `|${HEADER.map((_, c) => (c === 0 || c === 4 ? '---' : '---:')).join('|')}|`,
    );
    for (const row of tableRows(size)) out.push(`| ${row.join(' | ')} |`);
    out.push('', '| target | limit | actual | met |', '|---|---|---|---|');
    for (const t of judgeTargets(size))
      out.push(
        `| ${t.name} | ${t.limit} | ${t.actual} | ${t.ok ? '✓' : '✗'}${t.indicative ? INDICATIVE : ''}${t.note ? ` (${t.note})` : ''} |`,
      );
  }
  return out.join('\n');
}
