// The installed command's entry (bundled into dist-cli/serverless-designer.mjs by
// scripts/build-cli.mjs): runs the CLI on the process's arguments.
import { main } from './main';

process.exitCode = await main(process.argv.slice(2));
