/**
 * The parts every entity of a dossier may carry (SPEC §4): declarations, financials, staff,
 * references and experts, written as YAML lines at a given indentation.
 */

import * as P from './pools.js';
import { EXCHANGE_RATES } from './workspace-config.js';
import { dayNumber, formatDay, toFlowList, toScalar } from './yaml-text.js';

/** @typedef {import('./prng.js').Draw} Draw */

const FIRST_END_DAY = dayNumber(2017, 1, 1);
const LAST_END_DAY = dayNumber(2026, 12, 31);
const LAST_START_DAY = dayNumber(2025, 10, 31);
const RECENT_END_DAY = dayNumber(2020, 12, 1);

/**
 * Declarations, financials, staff, references and experts of one entity.
 * @param {Draw} d
 * @param {string} indent
 * @param {string} currency
 * @param {{ refs: number, experts: number, specialism: number, partial?: boolean }} counts
 */
export function drawEntityBody(d, indent, currency, counts) {
  const ok = (/** @type {number} */ p) => (d.chance(p) ? 'false' : 'true');
  const lines = [
    `${indent}declarations: { no_exclusion_situation: ${ok(0.01)}, no_conflict_of_interest: ${ok(0.01)} }`,
  ];
  if (!counts.partial || d.chance(0.9)) lines.push(...drawFinancials(d, indent, currency));
  if (!counts.partial || d.chance(0.6)) {
    const total = d.int(4, 120);
    lines.push(
      `${indent}staff: { total: ${total}, relevant: ${Math.max(1, Math.round(total * (0.1 + 0.5 * d.next())))} }`,
    );
  }
  if (counts.refs > 0) lines.push(`${indent}references:`);
  for (let r = 0; r < counts.refs; r++) lines.push(...drawReference(d, `${indent}  `, counts.specialism));
  if (counts.experts > 0) lines.push(`${indent}experts:`);
  for (let e = 0; e < counts.experts; e++) lines.push(`${indent}  - ${drawExpert(d)}`);
  return lines;
}

/**
 * Turnover 2022–2024 (a year is sometimes missing), current assets and liabilities for 2024.
 * An unknown currency (an invalid dossier) gets EUR-sized figures.
 * @param {Draw} d
 * @param {string} indent
 * @param {string} currency
 */
function drawFinancials(d, indent, currency) {
  const rate = EXCHANGE_RATES[/** @type {'XOF' | 'USD'} */ (currency)] ?? 1;
  const money = (/** @type {number} */ eur) => Math.round((eur * rate) / 1000) * 1000;
  const base = d.logUniform(120_000, 4_000_000);
  const years = [2022, 2023, 2024].filter(() => !d.chance(0.03));
  const turnover = years.map((y) => `${y}: ${money(base * (0.8 + 0.4 * d.next()))}`).join(', ');
  const liabilities = base * (0.1 + 0.3 * d.next());
  const lines = [
    `${indent}financials:`,
    `${indent}  currency: ${currency}`,
    `${indent}  turnover: { ${turnover} }`,
  ];
  if (!d.chance(0.02))
    lines.push(`${indent}  current_assets: { 2024: ${money(liabilities * (0.8 + 2 * d.next()))} }`);
  lines.push(`${indent}  current_liabilities: { 2024: ${money(liabilities)} }`);
  return lines;
}

/**
 * A reference ending 2017–2026, most in the last five years (about 1 in 10 ongoing, without
 * end), worth 50k–2M EUR, tagged human_rights with the firm's specialism as probability.
 * @param {Draw} d
 * @param {string} indent
 * @param {number} specialism
 */
function drawReference(d, indent, specialism) {
  const topic = d.chance(0.6) ? ` ${d.pick(P.TITLE_TOPICS)}` : '';
  const title = `${d.pick(P.TITLE_ACTIONS)} ${d.pick(P.TITLE_SUBJECTS)}${topic}`;
  const ongoing = d.chance(0.1);
  const recent = d.chance(0.6);
  const end = ongoing
    ? LAST_END_DAY
    : d.int(recent ? RECENT_END_DAY : FIRST_END_DAY, recent ? LAST_START_DAY : LAST_END_DAY);
  // Nobody cites work that has not started by the deadline.
  const start = Math.min(end - d.int(120, 1100), LAST_START_DAY - d.int(0, 300));
  const currency = d.pick(['EUR', 'EUR', 'EUR', 'EUR', 'XOF', 'XOF', 'USD']);
  const rate = EXCHANGE_RATES[/** @type {'XOF' | 'USD'} */ (currency)] ?? 1;
  const lines = [
    `${indent}- title: ${toScalar(title)}`,
    `${indent}  client: ${toScalar(d.pick(P.CLIENTS))}`,
    `${indent}  countries: ${toFlowList(d.sample(P.REFERENCE_COUNTRIES, d.int(1, 3)))}`,
    `${indent}  start: ${formatDay(start)}`,
  ];
  if (!ongoing) lines.push(`${indent}  end: ${formatDay(end)}`);
  lines.push(`${indent}  value: ${Math.round((d.logUniform(50_000, 2_000_000) * rate) / 1000) * 1000}`);
  lines.push(`${indent}  currency: ${currency}`);
  if (d.chance(0.35)) lines.push(`${indent}  share: ${(d.int(4, 20) * 5) / 100}`);
  const others = d.sample(P.TAGS, d.int(0, 2));
  const tags = d.chance(specialism) || others.length === 0 ? ['human_rights', ...others] : others;
  lines.push(`${indent}  tags: ${toFlowList(tags)}`);
  return lines;
}

/** @param {Draw} d */
function drawExpert(d) {
  const name = `${d.pick(P.GIVEN_INITIALS)} ${d.pick(P.FAMILY_NAMES)}`;
  const domains = toFlowList(d.sample(P.EXPERT_DOMAINS, d.int(1, 3)));
  return `{ name: ${toScalar(name)}, role: ${toScalar(d.pick(P.EXPERT_ROLES))}, years: ${d.int(3, 30)}, domains: ${domains} }`;
}
