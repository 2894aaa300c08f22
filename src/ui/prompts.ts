/**
 * Every inquirer call lives here (STYLE: prompts in one module). Each prompt has a flag
 * equivalent in the command that uses it, so everything typed can also be scripted.
 * @inquirer/prompts is loaded lazily: it is only needed on a terminal.
 */

export async function askText(
  message: string,
  options: { default?: string; validate?: (v: string) => true | string } = {},
): Promise<string> {
  const { input } = await import('@inquirer/prompts');
  return input({ message, default: options.default, validate: options.validate });
}

export async function askConfirm(message: string, defaultValue = false): Promise<boolean> {
  const { confirm } = await import('@inquirer/prompts');
  return confirm({ message, default: defaultValue });
}

export async function askChoice<T extends string>(
  message: string,
  choices: { name: string; value: T }[],
): Promise<T> {
  const { select } = await import('@inquirer/prompts');
  return select({ message, choices });
}
