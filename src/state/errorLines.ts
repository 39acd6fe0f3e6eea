/**
 * The messages in a thrown value, one per problem: the errors an AggregateError (or any
 * error with an `errors` list) collects, else the message's lines.
 */
export function errorLines(error: unknown): readonly string[] {
  const inner = typeof error === 'object' && error !== null ? (error as { errors?: unknown }).errors : undefined;
  if (Array.isArray(inner) && inner.length > 0) return inner.flatMap((e: unknown) => errorLines(e));
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n').filter((line) => line.trim() !== '');
}
