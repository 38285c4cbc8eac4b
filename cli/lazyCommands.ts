// The installed command loads only the command asked for (cli/entry.ts): each command's module,
// by name. test/cli/lazyCommands.test.ts checks it lists main.ts COMMANDS, in their order.
import type { Command } from './command';

/** Every command's module, in the order --help lists them (main.ts COMMANDS, the same order). */
export const LOADERS: Record<string, () => Promise<Command>> = {
  validate: () => import('./commands/validate').then((m) => m.validateCommand),
  lint: () => import('./commands/lint').then((m) => m.lintCommand),
  rules: () => import('./commands/rules').then((m) => m.rulesCommand),
  'retry-paths': () => import('./commands/retryPaths').then((m) => m.retryPathsCommand),
  reach: () => import('./commands/reach').then((m) => m.reachCommand),
  cost: () => import('./commands/cost').then((m) => m.costCommand),
  compare: () => import('./commands/compare').then((m) => m.compareCommand),
  report: () => import('./commands/report').then((m) => m.reportCommand),
  diagram: () => import('./commands/diagram').then((m) => m.diagramCommand),
  export: () => import('./commands/export').then((m) => m.exportCommand),
  import: () => import('./commands/import').then((m) => m.importCommand),
};
