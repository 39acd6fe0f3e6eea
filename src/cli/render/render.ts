import { UsageError } from '../commandLine';
import { RENDER_USAGE, parseRenderArgs } from './renderArgs';
import { runRender } from './renderCommand';

/** Entry point of `npm run render`: exit 2 for bad arguments (outputs that would overwrite an input, or an existing file without --force, included), 1 for bad input files. */
async function main(): Promise<void> {
  let args;
  try {
    args = parseRenderArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`render: ${(error as Error).message}`);
    process.exit(2);
  }
  if (args === 'help') {
    console.log(RENDER_USAGE);
    return;
  }
  try {
    await runRender(args, (line) => console.log(line));
  } catch (error) {
    console.error(`render: ${(error as Error).message}`);
    process.exit(error instanceof UsageError ? 2 : 1);
  }
}

void main();
