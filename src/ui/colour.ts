import chalk from 'chalk';

/**
 * Colours follow SPEC §7: off when stdout is not a terminal, off under NO_COLOR or --no-color,
 * forced on by FORCE_COLOR. chalk itself ignores NO_COLOR, hence this switch.
 */
export function configureColour(input: {
  flag: boolean | undefined;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
}): void {
  chalk.level = colourLevel(input);
}

export function colourLevel(input: {
  flag: boolean | undefined;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
}): 0 | 1 {
  if (input.flag === false) return 0;
  if (input.env.NO_COLOR !== undefined && input.env.NO_COLOR !== '') return 0;
  const force = input.env.FORCE_COLOR;
  if (force !== undefined) return force === '0' || force === 'false' ? 0 : 1;
  return input.isTTY ? 1 : 0;
}
