/** `alliance completion bash|zsh`: a shell completion script, made from the program's own commands and options. */
import type { Command, Option } from 'commander';
import type { Io } from '../io.js';
import type { RunState } from '../main.js';

function optionNames(command: Command): string[] {
  return [
    ...command.options.flatMap((option: Option) =>
      [option.long, option.short].filter((name): name is string => !!name),
    ),
    '--help',
  ];
}

function choices(option: Option): string[] {
  return (option as Option & { argChoices?: string[] }).argChoices ?? [];
}

/** The bash completion script. */
export function bashCompletion(program: Command): string {
  const commands = program.commands.map((command) => command.name());
  const cases = program.commands
    .map((command) => {
      const valued = command.options.filter((option) => choices(option).length > 0);
      const values = valued
        .map(
          (option) =>
            `      ${option.long}) COMPREPLY=( $(compgen -W "${choices(option).join(' ')}" -- "$cur") ); return ;;`,
        )
        .join('\n');
      return `    ${command.name()})\n      opts="${optionNames(command).join(' ')}"\n      case "$prev" in\n${values}\n      esac ;;`;
    })
    .join('\n');
  return `# bash completion for alliance: eval "$(alliance completion bash)", or save it in /etc/bash_completion.d/alliance
_alliance() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" opts=""
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=( $(compgen -W "${commands.join(' ')} --help --version" -- "$cur") )
    return
  fi
  case "\${COMP_WORDS[1]}" in
${cases}
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=( $(compgen -W "$opts" -- "$cur") )
  else
    COMPREPLY=( $(compgen -f -- "$cur") )
  fi
}
complete -o default -o filenames -F _alliance alliance
`;
}

function zshQuote(text: string): string {
  return text.replace(/[[\]:'\\]/g, (character) => (character === "'" ? `'\\''` : `\\${character}`));
}

/** The zsh completion script. */
export function zshCompletion(program: Command): string {
  const described = program.commands
    .map((command) => `    '${command.name()}:${zshQuote(command.description())}'`)
    .join('\n');
  const cases = program.commands
    .map((command) => {
      const specs = command.options.map((option) => {
        const names = [option.short, option.long].filter(Boolean) as string[];
        const values = choices(option);
        const argument =
          option.required || option.optional
            ? `:${zshQuote(option.flags.split(' ').at(-1) ?? 'value')}:${values.length > 0 ? `(${values.join(' ')})` : '_files'}`
            : '';
        const spec = `[${zshQuote(option.description)}]${argument}`;
        return names.length > 1 ? `'(${names.join(' ')})'{${names.join(',')}}'${spec}'` : `'${names[0]}${spec}'`;
      });
      return `    ${command.name()})\n      _arguments -s ${[...specs, "'*:file:_files'"].join(' \\\n        ')} ;;`;
    })
    .join('\n');
  return `#compdef alliance
# zsh completion for alliance: alliance completion zsh > "\${fpath[1]}/_alliance", or eval "$(alliance completion zsh)"
_alliance() {
  local -a commands
  commands=(
${described}
  )
  if (( CURRENT == 2 )); then
    _describe 'command' commands
    return
  fi
  case $words[2] in
${cases}
  esac
}
compdef _alliance alliance
`;
}

/** Registers `completion` on the program. */
export function registerCompletion(program: Command, io: Io, state: RunState): void {
  program
    .command('completion')
    .description('print a shell completion script (bash or zsh)')
    .argument('<shell>', 'bash or zsh')
    .addHelpText(
      'after',
      '\nExamples:\n  $ eval "$(alliance completion bash)"      # in ~/.bashrc\n  $ alliance completion zsh > "${fpath[1]}/_alliance"',
    )
    .action((shell: string) => {
      if (shell !== 'bash' && shell !== 'zsh') {
        io.stderr.write(`alliance: Expected the shell \`bash\` or \`zsh\`, found \`${shell}\`\n`);
        state.exitCode = 2;
        return;
      }
      io.stdout.write(shell === 'bash' ? bashCompletion(program) : zshCompletion(program));
    });
}
