import { analyzeCommand } from './analyzeCommand';

/** Entry point of `npm run analyze`: exit 0 when every gate passed, 1 when one failed or an input file is bad, 2 for bad options. */
async function main(): Promise<void> {
  const outcome = await analyzeCommand(process.argv.slice(2), {
    stdout: (text) => console.log(text),
    stderr: (text) => console.error(text),
  });
  process.exitCode = outcome.exitCode;
}

void main();
