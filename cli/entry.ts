// The installed command's entry (bundled into dist-cli/serverless-designer.mjs by
// scripts/build-cli.mjs): runs the CLI on the process's arguments. Only the command asked for is
// loaded (each is a chunk of the bundle), so `lint` starts without `import`'s IaC parser and YAML;
// --help, no command or an unknown one load them all (the usage lists every command).
import { LOADERS } from './lazyCommands';
import { globalFlags, main } from './run';

const argv = process.argv.slice(2);
const asked = globalFlags(argv).args[0] ?? '';
const commands = Object.hasOwn(LOADERS, asked) ? [await LOADERS[asked]!()] : await Promise.all(Object.values(LOADERS).map((load) => load()));
process.exitCode = await main(argv, commands);
