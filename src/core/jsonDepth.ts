import { childPath } from './fieldError';

/**
 * The JSON path of the first object or array in `value` nested deeper than `maxDepth`
 * levels (the root object is level 1, `sources[0].position` level 3), or undefined when
 * there is none. Walks with an explicit stack, so it is safe at any depth: JSON.parse
 * accepts nesting that JSON.stringify, structuredClone and other recursive code then
 * overflow the call stack on.
 */
export function pathNestedBeyond(value: unknown, maxDepth: number): string | undefined {
  interface Node {
    readonly value: unknown;
    readonly depth: number;
    readonly parent: Node | undefined;
    readonly key: string | number;
  }
  const stack: Node[] = [{ value, depth: 1, parent: undefined, key: '' }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (typeof node.value !== 'object' || node.value === null) continue;
    if (node.depth > maxDepth) return pathOf(node);
    const push = (key: string | number, child: unknown): void => {
      if (typeof child === 'object' && child !== null) stack.push({ value: child, depth: node.depth + 1, parent: node, key });
    };
    if (Array.isArray(node.value)) node.value.forEach((child, i) => push(i, child));
    else for (const key of Object.keys(node.value)) push(key, (node.value as Record<string, unknown>)[key]);
  }
  return undefined;

  function pathOf(node: Node): string {
    const keys: (string | number)[] = [];
    for (let n: Node | undefined = node; n?.parent !== undefined; n = n.parent) keys.push(n.key);
    return keys.reverse().reduce<string>((path, key) => childPath(path, key), '');
  }
}
