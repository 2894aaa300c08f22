/**
 * One synthetic candidate: its dossier.yaml text (SPEC §4) and its attachments. Figures are
 * drawn so that each gate rejects some candidates and about a fifth pass every gate.
 */

import { drawEntityBody } from './entity.js';
import * as P from './pools.js';
import { Draw } from './prng.js';
import { CLOSES_MS, OPENS_MS } from './workspace-config.js';
import { formatInstant, toScalar } from './yaml-text.js';

/** @typedef {'syntax' | 'date_without_offset' | 'unknown_currency'} InvalidKind */
/** @typedef {{ name: string, content: string }} Attachment */

const DOCUMENTS = [
  ['application_form', 'formulaire.pdf'],
  ['declaration_on_honour', 'declaration.pdf'],
  ['registration_certificate', 'rccm.pdf'],
];

/**
 * Draws one candidate.
 * @param {number} seed candidate seed (see deriveSeed)
 * @param {InvalidKind | null} invalidKind make the dossier unreadable in this way
 * @returns {{ yaml: string, attachments: Attachment[], name: string }}
 */
export function drawCandidate(seed, invalidKind) {
  const d = new Draw(seed);
  const country = d.chance(0.04) ? d.pick(P.INELIGIBLE_COUNTRIES) : d.pick(P.LEAD_COUNTRIES);
  const family = familyOf(country);
  const name = `${d.pick(P.NAME_KINDS)} ${d.pick(P.NAME_STEMS)} ${d.pick(P.NAME_STEMS)} ${d.pick(P.LEGAL_FORMS[family])}`;
  const lines = [
    'candidate:',
    `  name: ${toScalar(name)}`,
    `  country: ${country}`,
    `  legal_form: ${name.slice(name.lastIndexOf(' ') + 1)}`,
    `submitted_at: ${drawSubmission(d, family, invalidKind !== 'date_without_offset')}`,
  ];
  // How much of the firm's work is human-rights work; members share the lead's profile.
  const specialism = 0.4 + 0.5 * d.next();
  if (d.chance(0.3)) {
    lines.push('members:');
    for (let m = d.int(1, 3); m > 0; m--) lines.push(...drawMember(d, specialism));
  }
  const currency =
    invalidKind === 'unknown_currency' ? d.pick(['GBP', 'CHF', 'GHS', 'NGN']) : currencyOf(d, family);
  lines.push(
    ...drawEntityBody(d, '', currency, {
      refs: 3 + Math.floor(10 * d.next() ** 6),
      experts: d.int(1, 3),
      specialism,
    }),
  );
  lines.push('documents:', ...DOCUMENTS.map(([kind, file]) => `  ${kind}: ${file}`));
  if (invalidKind === 'syntax') breakSyntax(lines);
  return { yaml: `${lines.join('\n')}\n`, attachments: drawAttachments(d, name), name };
}

/**
 * @param {string} country
 * @returns {'xof' | 'eu' | 'other'}
 */
function familyOf(country) {
  if (P.WEST_AFRICA_XOF.has(country)) return 'xof';
  return P.EU_COUNTRIES.has(country) ? 'eu' : 'other';
}

/** @param {Draw} d @param {'xof' | 'eu' | 'other'} family */
function currencyOf(d, family) {
  if (family === 'xof') return d.chance(0.85) ? 'XOF' : 'EUR';
  if (family === 'eu') return 'EUR';
  return d.chance(0.6) ? 'USD' : 'EUR';
}

/**
 * Most dossiers arrive in the last days; about 2% arrive late. Some European firms write
 * their local offset (+01:00), some write +00:00 instead of Z: all are the same instants.
 * @param {Draw} d
 * @param {'xof' | 'eu' | 'other'} family
 * @param {boolean} withOffset
 */
function drawSubmission(d, family, withOffset) {
  const late = d.chance(0.02);
  const utc = late
    ? CLOSES_MS + d.int(1, 36 * 60) * 60_000
    : CLOSES_MS - Math.floor((CLOSES_MS - OPENS_MS) * d.next() ** 3 * 0.98) - d.int(1, 120) * 60_000;
  const offset = family === 'eu' && d.chance(0.4) ? 60 : 0;
  const text = formatInstant(utc, offset, withOffset);
  return d.chance(0.1) ? text.replace(/Z$/, '+00:00') : text;
}

/** @param {Draw} d @param {number} specialism */
function drawMember(d, specialism) {
  const country = d.chance(0.05) ? d.pick(P.INELIGIBLE_COUNTRIES) : d.pick(P.LEAD_COUNTRIES);
  const family = familyOf(country);
  const name = `${d.pick(P.NAME_STEMS)} ${d.pick(P.NAME_KINDS)} ${d.pick(P.LEGAL_FORMS[family])}`;
  const role = d.chance(0.3) ? 'capacity_provider' : 'member';
  return [
    `  - name: ${toScalar(name)}`,
    `    country: ${country}`,
    `    role: ${role}`,
    ...drawEntityBody(d, '    ', currencyOf(d, family), {
      refs: d.int(0, 1),
      experts: d.int(0, 1),
      specialism,
      partial: true,
    }),
  ];
}

/**
 * Three small files; about 1% of candidates send an empty registration certificate.
 * @param {Draw} d
 * @param {string} name the candidate's name, written in the files
 * @returns {Attachment[]}
 */
function drawAttachments(d, name) {
  const empty = d.chance(0.01);
  return DOCUMENTS.map(([kind, file], i) => {
    const pad = 'x'.repeat(d.int(80, 400));
    const content = `%PDF-1.4\n% synthetic ${kind} of ${name}\n${pad}\n%%EOF\n`;
    return { name: /** @type {string} */ (file), content: empty && i === 2 ? '' : content };
  });
}

/**
 * Unclosed flow sequence on the first tags line: a YAML syntax error every parser reports.
 * @param {string[]} lines edited in place
 */
function breakSyntax(lines) {
  const at = lines.findIndex((line) => line.includes('tags: ['));
  const index = at >= 0 ? at : lines.length - 1;
  lines[index] = `${lines[index]?.replace(/\]$/, '')}, [`;
}
