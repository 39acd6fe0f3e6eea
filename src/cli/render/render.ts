import { UsageError } from '../commandLine';
import { printableLines } from '../terminalText';
import { RENDER_USAGE, parseRenderArgs } from './renderArgs';
import { runRender } from './renderCommand';
import { SuspectRenderError } from './suspectRender';

/**
 * Entry point of `npm run render`: exit 2 for bad arguments (outputs that would overwrite
 * an input, or an existing file without --force, included), 1 for bad input files, 3 for
 * a silent render without --allow-silent, 4 for one with non-finite blocks.
 */
async function main(): Promise<void> {
  let args;
  try {
    args = parseRenderArgs(process.argv.slice(2));
  } catch (error) {
    console.error(printableLines(`render: ${(error as Error).message}`));
    process.exit(2);
  }
  if (args === 'help') {
    console.log(RENDER_USAGE);
    return;
  }
  try {
    await runRender(args, (line) => console.log(line));
  } catch (error) {
    console.error(printableLines(`render: ${(error as Error).message}`));
    process.exit(error instanceof UsageError ? 2 : error instanceof SuspectRenderError ? error.exitCode : 1);
  }
}

void main();
